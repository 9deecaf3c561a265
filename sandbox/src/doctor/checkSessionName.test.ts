import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAwsSts, type AwsStsConfig } from '../config';
import { DEFAULT_ROLE } from '../../test/support/doctorFixtures';
import { checkSessionName } from './checkSessionName';

function config(sessionNameClaim?: string): AwsStsConfig {
  const result = validateAwsSts({
    region: 'us-east-1',
    fallbackRoleArn: DEFAULT_ROLE,
    ...(sessionNameClaim ? { sessionNameClaim } : {}),
  });
  if (!result.ok) throw new Error('bad config');
  return result.config;
}

const cases: {
  name: string;
  claim?: string;
  claims: Record<string, unknown>;
  status: 'pass' | 'fail';
  message: RegExp;
  fix?: RegExp;
}[] = [
  {
    name: 'a valid sub',
    claims: { sub: 'alice' },
    status: 'pass',
    message: /^"alice" from claim sub is a valid RoleSessionName$/,
  },
  {
    name: "carol's auth0|carol, with a valid email to use instead",
    claims: { sub: 'auth0|carol', email: 'carol@example.com' },
    status: 'fail',
    message:
      /^sub "auth0\|carol" is not a valid RoleSessionName \(invalid session name: contains invalid characters \(allowed: letters, digits, _\+=,.@-\)\): ToolHive answers 401 "Invalid session name"$/,
    fix: /^set sessionNameClaim: email \(this token's email "carol@example.com" is valid\)$/,
  },
  {
    name: "Auth0's sub, with the email in a namespaced claim (the tutorial's post-login Action)",
    claims: { sub: 'auth0|carol', 'https://example.com/email': 'carol@example.com' },
    status: 'fail',
    message: /^sub "auth0\|carol" is not a valid RoleSessionName/,
    fix: /^set sessionNameClaim: https:\/\/example.com\/email \(this token's https:\/\/example.com\/email "carol@example.com" is valid\)$/,
  },
  {
    name: 'a sub too long, no valid alternative claim',
    claims: { sub: 'x'.repeat(65) },
    status: 'fail',
    message: /must be at most 64 characters/,
    fix: /a sanitised "x{55}-[0-9a-f]{8}" is what this project's proxy makes/,
  },
  {
    name: 'a missing claim',
    claim: 'email',
    claims: { sub: 'alice' },
    status: 'fail',
    message:
      /claim "email" not found in token \(sessionNameClaim\): ToolHive answers 401 "Missing session name claim"/,
  },
  {
    name: 'a claim that is not a string',
    claim: 'uid',
    claims: { sub: 'alice', uid: 42, preferred_username: 'alice' },
    status: 'fail',
    message: /claim "uid" is not a non-empty string/,
    fix: /set sessionNameClaim: preferred_username/,
  },
];

describe('checkSessionName', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { check, sessionName } = checkSessionName(config(c.claim), c.claims);
      assert.equal(check.link, 'session-name');
      assert.equal(check.status, c.status, check.message);
      assert.match(check.message, c.message);
      if (c.fix) assert.match(check.fix ?? '', c.fix);
      assert.equal(sessionName !== undefined, c.status === 'pass');
    });
  }

  it('skips without a valid configuration or claims', () => {
    assert.equal(checkSessionName(undefined, {}).check.status, 'skip');
    assert.equal(checkSessionName(config(), undefined).check.status, 'skip');
  });
});

// ToolHive's session-name rules (stacklok/toolhive `pkg/auth/awssts/middleware.go`
// ExtractSessionName, `exchange.go` ValidateSessionName): which claim, what is rejected and with
// which message and code, plus the opt-in sanitizing extension.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsStsError } from '../errors';
import { extractSessionName } from './extractSessionName';
import { sanitizeSessionName } from './sanitizeSessionName';
import { sessionNameProblem } from './validateSessionName';

const cases: {
  name: string;
  claims: Record<string, unknown>;
  claim?: string;
  sessionName?: string;
  code?: 'MISSING_SESSION_NAME_CLAIM' | 'INVALID_SESSION_NAME';
  message?: RegExp;
}[] = [
  { name: 'sub by default', claims: { sub: 'user123' }, sessionName: 'user123' },
  {
    name: 'configured claim',
    claims: { sub: 'x|y', email: 'a.b@example.com' },
    claim: 'email',
    sessionName: 'a.b@example.com',
  },
  {
    name: 'empty claim name means sub',
    claims: { sub: 'user123' },
    claim: '',
    sessionName: 'user123',
  },
  { name: 'every allowed character', claims: { sub: 'aZ09_+=,.@-' }, sessionName: 'aZ09_+=,.@-' },
  { name: 'exactly 2 bytes', claims: { sub: 'ab' }, sessionName: 'ab' },
  { name: 'exactly 64 bytes', claims: { sub: 'a'.repeat(64) }, sessionName: 'a'.repeat(64) },
  {
    name: 'claim absent',
    claims: {},
    code: 'MISSING_SESSION_NAME_CLAIM',
    message: /^claim "sub" not found in token/,
  },
  {
    name: 'claim absent (custom)',
    claims: { sub: 'u' },
    claim: 'email',
    code: 'MISSING_SESSION_NAME_CLAIM',
    message: /^claim "email" not found in token/,
  },
  {
    name: 'empty string',
    claims: { sub: '' },
    code: 'MISSING_SESSION_NAME_CLAIM',
    message: /^claim "sub" is not a non-empty string/,
  },
  {
    name: 'number is not coerced',
    claims: { sub: 12345 },
    code: 'MISSING_SESSION_NAME_CLAIM',
    message: /is not a non-empty string/,
  },
  { name: 'null', claims: { sub: null }, code: 'MISSING_SESSION_NAME_CLAIM' },
  { name: 'list', claims: { sub: ['a', 'b'] }, code: 'MISSING_SESSION_NAME_CLAIM' },
  {
    name: 'one character',
    claims: { sub: 'a' },
    code: 'INVALID_SESSION_NAME',
    message: /^invalid session name: must be at least 2 characters/,
  },
  {
    name: '65 bytes',
    claims: { sub: 'a'.repeat(65) },
    code: 'INVALID_SESSION_NAME',
    message: /^invalid session name: must be at most 64 characters/,
  },
  {
    name: '33 two-byte characters are 66 bytes',
    claims: { sub: 'é'.repeat(33) },
    code: 'INVALID_SESSION_NAME',
    message: /at most 64 characters/,
  },
  {
    name: 'one two-byte character passes the length check',
    claims: { sub: 'é' },
    code: 'INVALID_SESSION_NAME',
    message: /contains invalid characters/,
  },
  {
    name: 'auth0|user is rejected, not sanitized',
    claims: { sub: 'auth0|user' },
    code: 'INVALID_SESSION_NAME',
    message:
      /^invalid session name: contains invalid characters \(allowed: letters, digits, _\+=,\.@-\)/,
  },
  { name: 'space', claims: { sub: 'a b' }, code: 'INVALID_SESSION_NAME' },
];

for (const c of cases) {
  test(`extractSessionName: ${c.name}`, () => {
    if (c.code === undefined) {
      assert.deepEqual(extractSessionName(c.claims, c.claim), {
        sessionName: c.sessionName,
        claim: c.claim || 'sub',
        sanitized: false,
      });
      return;
    }
    assert.throws(
      () => extractSessionName(c.claims, c.claim),
      (e: unknown) =>
        e instanceof AwsStsError && e.code === c.code && (c.message?.test(e.message) ?? true)
    );
  });
}

const sanitizing: { value: string; sessionName: string; sanitized: boolean }[] = [
  { value: 'user123', sessionName: 'user123', sanitized: false },
  { value: 'auth0|123', sessionName: 'auth0-123', sanitized: true },
  { value: 'google-oauth2|1234 5', sessionName: 'google-oauth2-1234-5', sanitized: true },
  { value: 'josé', sessionName: 'jos-', sanitized: true },
  { value: '😀x', sessionName: '-x', sanitized: true }, // one code point, one dash
  { value: 'x', sessionName: 'x_', sanitized: true },
  { value: '|', sessionName: '-_', sanitized: true },
  { value: 'a'.repeat(64), sessionName: 'a'.repeat(64), sanitized: false },
];

for (const c of sanitizing) {
  test(`sanitizeSessionName: ${JSON.stringify(c.value)}`, () => {
    const result = sanitizeSessionName(c.value);
    assert.deepEqual(result, { sessionName: c.sessionName, sanitized: c.sanitized });
    assert.equal(sessionNameProblem(result.sessionName), undefined);
  });
}

test('sanitizeSessionName: long values keep a prefix and a hash, so they stay distinct', () => {
  const a = sanitizeSessionName(`${'a'.repeat(70)}|1`).sessionName;
  const b = sanitizeSessionName(`${'a'.repeat(70)}|2`).sessionName;
  for (const name of [a, b]) {
    assert.equal(name.length, 64);
    assert.match(name, /^a{55}-[0-9a-f]{8}$/);
  }
  assert.notEqual(a, b);
  assert.equal(sanitizeSessionName(`${'a'.repeat(70)}|1`).sessionName, a); // deterministic
});

test('extractSessionName with sanitize: repairs instead of rejecting, still rejects a missing claim', () => {
  assert.deepEqual(extractSessionName({ sub: 'auth0|123' }, 'sub', { sanitize: true }), {
    claim: 'sub',
    sessionName: 'auth0-123',
    sanitized: true,
  });
  assert.throws(
    () => extractSessionName({ sub: 42 }, 'sub', { sanitize: true }),
    (e: unknown) => e instanceof AwsStsError && e.code === 'MISSING_SESSION_NAME_CLAIM'
  );
});

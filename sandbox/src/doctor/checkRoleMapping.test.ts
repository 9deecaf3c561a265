import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsStsConfig } from '../config';
import { validateAwsSts } from '../config';
import { DEFAULT_ROLE, S3_ROLE, roleArn } from '../../test/support/doctorFixtures';
import { checkRoleMapping } from './checkRoleMapping';
import { closestMapping } from './closestMapping';

function config(spec: Record<string, unknown>): AwsStsConfig {
  const result = validateAwsSts({ region: 'us-east-1', ...spec });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

const TUTORIAL = config({
  fallbackRoleArn: DEFAULT_ROLE,
  roleMappings: [{ claim: 's3-readers', roleArn: S3_ROLE, priority: 10 }],
});
const ADMIN = roleArn('AdminMCPRole');
const WITH_MATCHER = config({
  fallbackRoleArn: DEFAULT_ROLE,
  roleMappings: [
    {
      matcher: '"admins" in claims["groups"] && claims.org == "engineering"',
      roleArn: ADMIN,
      priority: 1,
    },
    { claim: 's3-readers', roleArn: S3_ROLE },
  ],
});

describe('closestMapping', () => {
  const cases: {
    name: string;
    config: AwsStsConfig;
    claims: Record<string, unknown>;
    index?: number;
    reason?: RegExp;
    fix?: RegExp;
  }[] = [
    {
      name: 'a group that differs only in case',
      config: TUTORIAL,
      claims: { groups: ['S3-Readers'] },
      index: 0,
      reason:
        /claims.groups contains "S3-Readers", which differs only in letter case from "s3-readers" \(matching is exact\)/,
      fix: /set roleMappings\[0\].claim to "S3-Readers"/,
    },
    {
      name: 'a group with a stray space',
      config: TUTORIAL,
      claims: { groups: ['s3-readers '] },
      reason: /differs only in surrounding spaces/,
    },
    {
      name: 'a Keycloak full group path',
      config: TUTORIAL,
      claims: { groups: ['/org/s3-readers'] },
      reason: /"\/org\/s3-readers", which is a group path ending in "s3-readers"/,
      fix: /turn off "Full group path"/,
    },
    {
      name: 'a string where CEL `in` needs a list',
      config: TUTORIAL,
      claims: { groups: 's3-readers' },
      reason: /claims.groups is the string "s3-readers", not a list: CEL `in` needs a list/,
      fix: /send groups as a JSON list .* or replace the mapping with matcher: 'claims\["groups"\] == "s3-readers"'/,
    },
    {
      name: 'a comma-separated string',
      config: TUTORIAL,
      claims: { groups: 'admins,s3-readers' },
      reason: /is the string "admins,s3-readers", not a list/,
    },
    {
      name: 'the groups in another claim',
      config: TUTORIAL,
      claims: { 'cognito:groups': ['s3-readers'] },
      reason: /the token has no groups claim, but claims\["cognito:groups"\] contains "s3-readers"/,
      fix: /set roleClaim: cognito:groups/,
    },
    {
      name: 'a matcher whose `in` meets a string, ranked by priority',
      config: WITH_MATCHER,
      claims: { groups: 'admins', org: 'engineering' },
      index: 0,
      reason: /claims.groups is the string "admins", not a list/,
    },
    {
      name: 'a matcher whose == meets a list',
      config: WITH_MATCHER,
      claims: { groups: ['admins'], org: ['engineering'] },
      index: 0,
      reason: /claims.org is a list that contains "engineering"; == compares the whole list/,
      fix: /'"engineering" in claims\["org"\]'/,
    },
    {
      name: 'a matcher value that differs in case',
      config: WITH_MATCHER,
      claims: { groups: ['admins'], org: 'Engineering' },
      index: 0,
      reason: /claims.org is "Engineering", which differs only in letter case from "engineering"/,
    },
    { name: 'nothing close', config: TUTORIAL, claims: { groups: ['developers'] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const near = closestMapping(c.config, c.claims);
      if (c.reason === undefined) {
        assert.equal(near, undefined);
        return;
      }
      assert.ok(near, 'a near miss');
      if (c.index !== undefined) assert.equal(near.index, c.index);
      assert.match(near.reason, c.reason);
      if (c.fix) assert.match(near.fix, c.fix);
    });
  }
});

describe('checkRoleMapping', () => {
  it('passes a matching mapping and returns its role, with the explain trace', () => {
    const { check, roleArn: chosen } = checkRoleMapping(TUTORIAL, { groups: ['s3-readers'] });
    assert.equal(chosen, S3_ROLE);
    assert.equal(check.status, 'pass');
    assert.equal(
      check.message,
      `roleMappings[0] (claim "s3-readers" in claims["groups"]) matches: ${S3_ROLE}`
    );
    assert.match(check.details?.[0] ?? '', /roleMappings\[0\] matched and wins/);
    assert.match(check.details?.[1] ?? '', /→ \[0\] claim "s3-readers" in claims\["groups"\]/);
  });

  it('passes the fallback role when nothing is close', () => {
    const { check, roleArn: chosen } = checkRoleMapping(TUTORIAL, { groups: [] });
    assert.equal(chosen, DEFAULT_ROLE);
    assert.equal(check.status, 'pass');
    assert.equal(check.message, `no mapping matches: the fallback role ${DEFAULT_ROLE} is used`);
  });

  it('fails the fallback role when a mapping came close, naming it and the fix', () => {
    const { check, roleArn: chosen } = checkRoleMapping(TUTORIAL, { groups: ['S3-Readers'] });
    assert.equal(chosen, DEFAULT_ROLE);
    assert.equal(check.status, 'fail');
    assert.match(
      check.message,
      /so the fallback role .*DefaultMCPRole is used; closest: roleMappings\[0\] \(.*S3ReadOnlyMCPRole\): claims.groups contains "S3-Readers"/
    );
    assert.match(check.fix ?? '', /set roleMappings\[0\].claim to "S3-Readers"/);
  });

  it('fails with 403 when nothing matches and there is no fallback', () => {
    const noFallback = config({ roleMappings: [{ claim: 's3-readers', roleArn: S3_ROLE }] });
    const { check, roleArn: chosen } = checkRoleMapping(noFallback, { groups: ['x'] });
    assert.equal(chosen, undefined);
    assert.equal(check.status, 'fail');
    assert.match(check.message, /ToolHive answers 403 "Failed to determine IAM role"/);
    assert.match(
      check.fix ?? '',
      /add a roleMappings entry that matches this token \(its groups claim\), or set fallbackRoleArn/
    );
  });

  it('skips without a valid configuration or claims', () => {
    assert.equal(checkRoleMapping(undefined, {}).check.status, 'skip');
    assert.equal(checkRoleMapping(TUTORIAL, undefined).check.status, 'skip');
  });
});

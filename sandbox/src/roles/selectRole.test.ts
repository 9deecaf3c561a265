// ToolHive's SelectRole (stacklok/toolhive `pkg/auth/awssts/role_mapper.go`): claim mappings bound as CEL variables, matchers over
// claims, all mappings evaluated, stable sort by priority, first wins, else fallback.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDefaults } from '../config/defaults';
import type { AwsStsSpec, RoleMappingSpec } from '../config/types';
import { AwsStsError } from '../errors';
import { compileRoleMapper } from './compileRoleMapper';
import { evaluateRoleMappings, NO_ROLE_MAPPING_MESSAGE, selectRole } from './selectRole';
import type { MappingOutcome } from './types';

const FALLBACK = 'arn:aws:iam::123456789012:role/Fallback';
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

function mapperFor(roleMappings: RoleMappingSpec[], extra: Partial<AwsStsSpec> = {}) {
  return compileRoleMapper(
    applyDefaults({ region: 'us-east-1', fallbackRoleArn: FALLBACK, roleMappings, ...extra })
  );
}

interface Case {
  name: string;
  mappings: RoleMappingSpec[];
  extra?: Partial<AwsStsSpec>;
  claims: Record<string, unknown>;
  roleArn: string | 'NO_ROLE_MAPPING';
  outcomes: MappingOutcome[];
  reasons?: (RegExp | undefined)[];
}

const admins: RoleMappingSpec = { claim: 'admins', roleArn: role('Admin') };
const noFallback: Partial<AwsStsSpec> = { fallbackRoleArn: '' };

const cases: Case[] = [
  {
    name: 'claim in a list',
    mappings: [admins],
    claims: { groups: ['devs', 'admins'] },
    roleArn: role('Admin'),
    outcomes: ['matched'],
    reasons: [/^claims\.groups contains "admins"$/],
  },
  {
    name: 'claim not in the list',
    mappings: [admins],
    claims: { groups: ['devs'] },
    roleArn: FALLBACK,
    outcomes: ['not-matched'],
    reasons: [/does not contain "admins"/],
  },
  {
    name: 'matching is case-sensitive',
    mappings: [admins],
    claims: { groups: ['Admins'] },
    roleArn: FALLBACK,
    outcomes: ['not-matched'],
  },
  {
    name: 'claim as a string is an error even when equal',
    mappings: [admins],
    claims: { groups: 'admins' },
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [
      /^claims\.groups is a string, not a list: CEL `in` needs a list or map, so the mapping is skipped even though it equals "admins"$/,
    ],
  },
  {
    name: 'claim as an object tests its keys',
    mappings: [admins],
    claims: { groups: { admins: false } },
    roleArn: role('Admin'),
    outcomes: ['matched'],
    reasons: [/has the key "admins"/],
  },
  {
    name: 'claim missing',
    mappings: [admins],
    claims: { sub: 'u' },
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [/^claim groups is missing/],
  },
  {
    name: 'claim null',
    mappings: [admins],
    claims: { groups: null },
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [/claims\.groups is null/],
  },
  {
    name: 'claim a number',
    mappings: [admins],
    claims: { groups: 7 },
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [/is a number, not a list/],
  },
  {
    name: 'injection attempt stays a literal value',
    mappings: [{ claim: '") || true || ("', roleArn: role('Admin') }],
    claims: { groups: ['devs'] },
    roleArn: FALLBACK,
    outcomes: ['not-matched'],
  },
  {
    name: 'the injection string matches only itself',
    mappings: [{ claim: '") || true || ("', roleArn: role('Admin') }],
    claims: { groups: ['") || true || ("'] },
    roleArn: role('Admin'),
    outcomes: ['matched'],
  },
  {
    name: 'custom roleClaim',
    mappings: [admins],
    extra: { roleClaim: 'roles' },
    claims: { groups: ['admins'], roles: ['admins'] },
    roleArn: role('Admin'),
    outcomes: ['matched'],
    reasons: [/^claims\.roles contains/],
  },
  {
    name: 'roleClaim that is not an identifier',
    mappings: [admins],
    extra: { roleClaim: 'cognito:groups' },
    claims: { 'cognito:groups': 'admins' },
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [/^claims\["cognito:groups"\] is a string/],
  },
  {
    name: 'lower priority wins over config order',
    mappings: [
      { claim: 'devs', roleArn: role('Dev'), priority: 10 },
      { claim: 'admins', roleArn: role('Admin'), priority: 1 },
    ],
    claims: { groups: ['devs', 'admins'] },
    roleArn: role('Admin'),
    outcomes: ['matched', 'matched'],
  },
  {
    name: 'priority 0 is explicit and beats 1',
    mappings: [
      { claim: 'devs', roleArn: role('Dev'), priority: 1 },
      { claim: 'admins', roleArn: role('Admin'), priority: 0 },
    ],
    claims: { groups: ['devs', 'admins'] },
    roleArn: role('Admin'),
    outcomes: ['matched', 'matched'],
  },
  {
    name: 'unset priority sorts after every explicit one',
    mappings: [
      { claim: 'devs', roleArn: role('Dev') },
      { claim: 'admins', roleArn: role('Admin'), priority: 2147483647 },
    ],
    claims: { groups: ['devs', 'admins'] },
    roleArn: role('Admin'),
    outcomes: ['matched', 'matched'],
  },
  {
    name: 'ties keep config order',
    mappings: [
      { claim: 'devs', roleArn: role('Dev'), priority: 5 },
      { claim: 'admins', roleArn: role('Admin'), priority: 5 },
    ],
    claims: { groups: ['admins', 'devs'] },
    roleArn: role('Dev'),
    outcomes: ['matched', 'matched'],
  },
  {
    name: 'unset priorities keep config order',
    mappings: [
      { claim: 'admins', roleArn: role('Admin') },
      { claim: 'devs', roleArn: role('Dev') },
    ],
    claims: { groups: ['devs', 'admins'] },
    roleArn: role('Admin'),
    outcomes: ['matched', 'matched'],
  },
  {
    name: 'a non-matching high priority does not block a match',
    mappings: [
      { claim: 'ops', roleArn: role('Ops'), priority: 0 },
      { claim: 'devs', roleArn: role('Dev'), priority: 9 },
    ],
    claims: { groups: ['devs'] },
    roleArn: role('Dev'),
    outcomes: ['not-matched', 'matched'],
  },
  {
    name: 'no match and no fallback',
    mappings: [admins],
    extra: noFallback,
    claims: { groups: ['devs'] },
    roleArn: 'NO_ROLE_MAPPING',
    outcomes: ['not-matched'],
  },
  {
    name: 'matcher from the docs',
    mappings: [
      { matcher: 'claims["sub"] == "user123" && !("act" in claims)', roleArn: role('Admin') },
    ],
    claims: { sub: 'user123' },
    roleArn: role('Admin'),
    outcomes: ['matched'],
  },
  {
    name: 'a null claim is present for `in`, as in cel-go',
    mappings: [
      { matcher: 'claims["sub"] == "user123" && !("act" in claims)', roleArn: role('Admin') },
    ],
    claims: { sub: 'user123', act: null },
    roleArn: FALLBACK,
    outcomes: ['not-matched'],
  },
  {
    name: 'has() on a null claim is true',
    mappings: [{ matcher: 'has(claims.act)', roleArn: role('Admin') }],
    claims: { act: null },
    roleArn: role('Admin'),
    outcomes: ['matched'],
  },
  {
    name: 'non-boolean matcher result is skipped',
    mappings: [{ matcher: 'claims["sub"]', roleArn: role('Admin') }],
    claims: { sub: 'user123' },
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [/^result is not a boolean \(got string\)/],
  },
  {
    name: 'error || true is true',
    mappings: [{ matcher: 'claims.missing || true', roleArn: role('Admin') }],
    claims: {},
    roleArn: role('Admin'),
    outcomes: ['matched'],
  },
  {
    name: 'false && error is false',
    mappings: [{ matcher: 'false && claims.missing', roleArn: role('Admin') }],
    claims: {},
    roleArn: FALLBACK,
    outcomes: ['not-matched'],
  },
  {
    name: 'error && false is false',
    mappings: [{ matcher: 'claims.missing && false', roleArn: role('Admin') }],
    claims: {},
    roleArn: FALLBACK,
    outcomes: ['not-matched'],
  },
  {
    name: 'error || false is an error',
    mappings: [{ matcher: 'claims.missing || false', roleArn: role('Admin') }],
    claims: {},
    roleArn: FALLBACK,
    outcomes: ['error'],
    reasons: [/^evaluation error: /],
  },
  {
    name: 'JSON numbers are doubles: comparing with an int works',
    mappings: [{ matcher: 'claims.level > 3', roleArn: role('Admin') }],
    claims: { level: 5 },
    roleArn: role('Admin'),
    outcomes: ['matched'],
  },
  {
    name: 'JSON numbers are doubles: double + int is an error',
    mappings: [{ matcher: 'claims.level + 1 == 6', roleArn: role('Admin') }],
    claims: { level: 5 },
    roleArn: FALLBACK,
    outcomes: ['error'],
  },
  {
    name: 'a claim named constructor does not break evaluation',
    mappings: [admins],
    claims: { constructor: 'x', groups: ['admins'], nested: { constructor: 1 } },
    roleArn: role('Admin'),
    outcomes: ['matched'],
  },
  {
    name: 'every mapping is evaluated, errors included',
    mappings: [
      { matcher: 'claims.missing == 1', roleArn: role('A') },
      admins,
      { claim: 'devs', roleArn: role('Dev') },
    ],
    claims: { groups: ['admins'] },
    roleArn: role('Admin'),
    outcomes: ['error', 'matched', 'not-matched'],
  },
];

for (const c of cases) {
  test(`selectRole: ${c.name}`, () => {
    const mapper = mapperFor(c.mappings, c.extra);
    const evaluation = evaluateRoleMappings(mapper, c.claims);
    assert.deepEqual(
      evaluation.trace.map((entry) => entry.outcome),
      c.outcomes
    );
    c.reasons?.forEach((re, i) => re && assert.match(evaluation.trace[i]?.reason ?? '', re));
    if (c.roleArn === 'NO_ROLE_MAPPING') {
      assert.equal(evaluation.roleArn, null);
      assert.throws(
        () => selectRole(mapper, c.claims),
        (e: unknown) =>
          e instanceof AwsStsError &&
          e.code === 'NO_ROLE_MAPPING' &&
          e.message === NO_ROLE_MAPPING_MESSAGE
      );
      return;
    }
    const selection = selectRole(mapper, c.claims);
    assert.equal(selection.roleArn, c.roleArn);
    const chosen = selection.trace.filter((entry) => entry.chosen);
    assert.equal(selection.fallback, c.roleArn === FALLBACK);
    assert.equal(selection.matched === null, c.roleArn === FALLBACK);
    assert.deepEqual(
      chosen.map((entry) => entry.index),
      selection.matched ? [selection.matched.index] : []
    );
  });
}

test('no mappings: fallback without evaluating anything', () => {
  const selection = selectRole(mapperFor([]), { groups: 'anything' });
  assert.deepEqual(selection, { roleArn: FALLBACK, matched: null, fallback: true, trace: [] });
});

test('the winning mapping is reported with its fields', () => {
  const selection = selectRole(
    mapperFor([{ claim: 'admins', roleArn: role('Admin'), priority: 0 }]),
    { groups: ['admins'] }
  );
  assert.deepEqual(selection.matched, {
    index: 0,
    roleArn: role('Admin'),
    claim: 'admins',
    priority: 0,
  });
  assert.equal(selection.trace[0]?.expression, 'claim_value in claims[role_claim_key]');
  assert.equal(selection.trace[0]?.description, 'claim "admins" in claims["groups"]');
});

const compileFailures: { name: string; spec: AwsStsSpec; code: string; path: string }[] = [
  {
    name: 'bad matcher',
    spec: {
      region: 'us-east-1',
      roleMappings: [admins, { matcher: 'nope(1)', roleArn: role('X') }],
    },
    code: 'INVALID_MATCHER',
    path: 'awsSts.roleMappings[1].matcher',
  },
  {
    name: 'no role config',
    spec: { region: 'us-east-1' },
    code: 'MISSING_ROLE_CONFIG',
    path: 'awsSts',
  },
  {
    name: 'bad ARN',
    spec: { region: 'us-east-1', fallbackRoleArn: 'arn:aws:s3:::b' },
    code: 'INVALID_ROLE_ARN',
    path: 'awsSts.fallbackRoleArn',
  },
];

for (const c of compileFailures) {
  test(`compileRoleMapper refuses what the runtime refuses: ${c.name}`, () => {
    assert.throws(
      () => compileRoleMapper(applyDefaults(c.spec)),
      (e: unknown) => e instanceof AwsStsError && e.code === c.code && e.path === c.path
    );
  });
}

test('compileRoleMapper accepts what only the API server rejects (region format)', () => {
  const mapper = compileRoleMapper(
    applyDefaults({ region: 'US-EAST-1', fallbackRoleArn: FALLBACK })
  );
  assert.equal(selectRole(mapper, {}).roleArn, FALLBACK);
});

// The union of ToolHive's validation layers: every problem at once, with path, code, layers
// and an actionable message; valid specs come back normalized with defaults.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigIssue } from './types';
import { validateAwsSts } from './validateAwsSts';

const ARN = 'arn:aws:iam::123456789012:role/DefaultMCPRole';
const ADMIN = 'arn:aws:iam::123456789012:role/AdminMCPRole';
const base = { region: 'us-east-1', fallbackRoleArn: ARN };

type Expected = Pick<ConfigIssue, 'path' | 'code' | 'layers'> & { message?: RegExp };
const invalid: { name: string; spec: unknown; issues: Expected[] }[] = [
  {
    name: 'nil config',
    spec: undefined,
    issues: [
      {
        path: 'awsSts',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'operator', 'runtime'],
        message: /config is nil/,
      },
    ],
  },
  {
    name: 'region missing',
    spec: { fallbackRoleArn: ARN },
    issues: [
      {
        path: 'awsSts.region',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'operator', 'runtime'],
        message:
          /^awsSts\.region is required: .*e\.g\. region: us-east-1 \(runtime: AWS region is required\)$/,
      },
    ],
  },
  {
    name: 'region empty',
    spec: { ...base, region: '' },
    issues: [
      { path: 'awsSts.region', code: 'INVALID_CONFIG', layers: ['schema', 'operator', 'runtime'] },
    ],
  },
  {
    name: 'region format is only the schema’s concern',
    spec: { ...base, region: 'US-EAST-1' },
    issues: [
      {
        path: 'awsSts.region',
        code: 'INVALID_CONFIG',
        layers: ['schema'],
        message: /does not match \^\[a-z\]\{2\}.*such as us-east-1/,
      },
    ],
  },
  {
    name: 'no role at all',
    spec: { region: 'us-east-1' },
    issues: [
      {
        path: 'awsSts',
        code: 'MISSING_ROLE_CONFIG',
        layers: ['operator', 'runtime'],
        message:
          /at least one of fallbackRoleArn or roleMappings must be configured: add fallbackRoleArn: arn:aws:iam::/,
      },
    ],
  },
  {
    name: 'empty roleMappings count as none',
    spec: { region: 'us-east-1', roleMappings: [] },
    issues: [{ path: 'awsSts', code: 'MISSING_ROLE_CONFIG', layers: ['operator', 'runtime'] }],
  },
  {
    name: 'snake_case fallback: missing role config says why, plus the unknown field',
    spec: { region: 'us-east-1', fallback_role_arn: ARN },
    issues: [
      {
        path: 'awsSts',
        code: 'MISSING_ROLE_CONFIG',
        layers: ['operator', 'runtime'],
        message: /found "fallback_role_arn": did you mean fallbackRoleArn\?/,
      },
      {
        path: 'awsSts.fallback_role_arn',
        code: 'INVALID_CONFIG',
        layers: ['schema'],
        message: /did you mean fallbackRoleArn\?/,
      },
    ],
  },
  {
    name: 'fallback ARN rejected by Go: its message',
    spec: { ...base, fallbackRoleArn: 'arn:aws:iam::123456789012:user/bob' },
    issues: [
      {
        path: 'awsSts.fallbackRoleArn',
        code: 'INVALID_ROLE_ARN',
        layers: ['schema', 'runtime'],
        message:
          /^invalid IAM role ARN format: not a role ARN: arn:aws:iam::123456789012:user\/bob; expected arn:aws:iam::<12-digit account ID>:role\/<role name>, e\.g\. /,
      },
    ],
  },
  {
    name: 'fallback ARN only the CRD rejects',
    spec: { ...base, fallbackRoleArn: 'arn:aws-iso:iam::123456789012:role/R' },
    issues: [
      {
        path: 'awsSts.fallbackRoleArn',
        code: 'INVALID_ROLE_ARN',
        layers: ['schema'],
        message: /runtime accepts it, but the Kubernetes API server rejects it/,
      },
    ],
  },
  {
    name: 'fallback ARN empty string: only the schema rejects it, and there is no role then',
    spec: { region: 'us-east-1', fallbackRoleArn: '' },
    issues: [
      { path: 'awsSts', code: 'MISSING_ROLE_CONFIG', layers: ['operator', 'runtime'] },
      { path: 'awsSts.fallbackRoleArn', code: 'INVALID_ROLE_ARN', layers: ['schema'] },
    ],
  },
  {
    name: 'mapping: roleArn missing and neither claim nor matcher',
    spec: { ...base, roleMappings: [{ priority: 1 }] },
    issues: [
      {
        path: 'awsSts.roleMappings[0].roleArn',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'operator', 'runtime'],
        message: /role mapping at index 0 has empty role ARN/,
      },
      {
        path: 'awsSts.roleMappings[0]',
        code: 'INVALID_CONFIG',
        layers: ['operator', 'runtime'],
        message: /^awsSts\.roleMappings\[0\]: exactly one of claim or matcher must be set: /,
      },
    ],
  },
  {
    name: 'mapping: claim and matcher both set',
    spec: { ...base, roleMappings: [{ claim: 'a', matcher: 'true', roleArn: ADMIN }] },
    issues: [
      {
        path: 'awsSts.roleMappings[0]',
        code: 'INVALID_CONFIG',
        layers: ['operator', 'runtime'],
        message: /claim and matcher are mutually exclusive/,
      },
    ],
  },
  {
    name: 'mapping: Go ARN message carries the index',
    spec: { ...base, roleMappings: [{ claim: 'a', roleArn: 'arn:aws:iam::12345:role/R' }] },
    issues: [
      {
        path: 'awsSts.roleMappings[0].roleArn',
        code: 'INVALID_ROLE_ARN',
        layers: ['schema', 'runtime'],
        message: /^role mapping at index 0: invalid IAM role ARN format: invalid account ID: /,
      },
    ],
  },
  {
    name: 'mapping: empty claim fails minLength, and then neither is set',
    spec: { ...base, roleMappings: [{ claim: '', roleArn: ADMIN }] },
    issues: [
      { path: 'awsSts.roleMappings[0].claim', code: 'INVALID_CONFIG', layers: ['schema'] },
      { path: 'awsSts.roleMappings[0]', code: 'INVALID_CONFIG', layers: ['operator', 'runtime'] },
    ],
  },
  {
    name: 'mapping: negative priority only the schema rejects',
    spec: { ...base, roleMappings: [{ claim: 'a', roleArn: ADMIN, priority: -1 }] },
    issues: [
      {
        path: 'awsSts.roleMappings[0].priority',
        code: 'INVALID_CONFIG',
        layers: ['schema'],
        message: /runtime accepts negative priorities/,
      },
    ],
  },
  {
    name: 'mapping: matcher that does not compile',
    spec: { ...base, roleMappings: [{ matcher: 'undeclared_var == 1', roleArn: ADMIN }] },
    issues: [
      {
        path: 'awsSts.roleMappings[0].matcher',
        code: 'INVALID_MATCHER',
        layers: ['roleMapper'],
        message:
          /^role mapping at index 0: invalid CEL matcher expression: <input>:1:1: undeclared reference to 'undeclared_var'/,
      },
    ],
  },
  {
    name: 'mapping: not an object',
    spec: { ...base, roleMappings: ['admins'] },
    issues: [
      {
        path: 'awsSts.roleMappings[0]',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'runtime'],
        message: /must be an object, got a string/,
      },
    ],
  },
  {
    name: 'sessionDuration 0: the runtime treats it as unset, the others reject it',
    spec: { ...base, sessionDuration: 0 },
    issues: [
      { path: 'awsSts.sessionDuration', code: 'INVALID_CONFIG', layers: ['schema', 'operator'] },
    ],
  },
  {
    name: 'sessionDuration below minimum: Go message',
    spec: { ...base, sessionDuration: 899 },
    issues: [
      {
        path: 'awsSts.sessionDuration',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'operator', 'runtime'],
        message: /^session duration 899 is below minimum 900 seconds: .*e\.g\. 3600/,
      },
    ],
  },
  {
    name: 'sessionDuration above maximum: Go message',
    spec: { ...base, sessionDuration: 43201 },
    issues: [
      {
        path: 'awsSts.sessionDuration',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'operator', 'runtime'],
        message: /^session duration 43201 exceeds maximum 43200 seconds/,
      },
    ],
  },
  {
    name: 'sessionDuration as a string',
    spec: { ...base, sessionDuration: '3600' },
    issues: [
      {
        path: 'awsSts.sessionDuration',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'runtime'],
        message:
          /must be an integer number of seconds, got a string: for example sessionDuration: 3600/,
      },
    ],
  },
  {
    name: 'wrong types of string fields',
    spec: { ...base, service: 1, roleClaim: [], sessionNameClaim: {}, subjectProviderName: true },
    issues: ['service', 'roleClaim', 'sessionNameClaim', 'subjectProviderName'].map((f) => ({
      path: `awsSts.${f}`,
      code: 'INVALID_CONFIG' as const,
      layers: ['schema' as const, 'runtime' as const],
    })),
  },
  {
    name: 'every problem at once, in order',
    spec: {
      region: 'x',
      roleMappings: [
        { claim: 'a', roleArn: 'bad' },
        { matcher: 'foo(claims)', roleArn: ADMIN, extra: 1 },
      ],
      sessionDuration: 100,
    },
    issues: [
      { path: 'awsSts.region', code: 'INVALID_CONFIG', layers: ['schema'] },
      {
        path: 'awsSts.roleMappings[0].roleArn',
        code: 'INVALID_ROLE_ARN',
        layers: ['schema', 'runtime'],
      },
      { path: 'awsSts.roleMappings[1].matcher', code: 'INVALID_MATCHER', layers: ['roleMapper'] },
      { path: 'awsSts.roleMappings[1].extra', code: 'INVALID_CONFIG', layers: ['schema'] },
      {
        path: 'awsSts.sessionDuration',
        code: 'INVALID_CONFIG',
        layers: ['schema', 'operator', 'runtime'],
      },
    ],
  },
];

for (const c of invalid) {
  test(`invalid: ${c.name}`, () => {
    const result = validateAwsSts(c.spec);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map(({ path, code, layers }) => ({ path, code, layers })),
      c.issues.map(({ path, code, layers }) => ({ path, code, layers }))
    );
    c.issues.forEach((expected, i) => {
      if (expected.message) assert.match(result.issues[i]?.message ?? '', expected.message);
    });
  });
}

const valid: { name: string; spec: unknown; config: Record<string, unknown> }[] = [
  {
    name: 'defaults applied',
    spec: base,
    config: {
      region: 'us-east-1',
      service: 'aws-mcp',
      fallbackRoleArn: ARN,
      roleMappings: [],
      roleClaim: 'groups',
      sessionDuration: 3600,
      sessionNameClaim: 'sub',
    },
  },
  {
    name: 'empty strings and nulls mean default',
    spec: { ...base, service: '', roleClaim: null, sessionNameClaim: '' },
    config: {
      region: 'us-east-1',
      service: 'aws-mcp',
      fallbackRoleArn: ARN,
      roleMappings: [],
      roleClaim: 'groups',
      sessionDuration: 3600,
      sessionNameClaim: 'sub',
    },
  },
  {
    name: 'explicit values kept, mappings normalized',
    spec: {
      region: 'eu-west-2',
      service: 'custom',
      roleMappings: [
        { claim: 'admins', roleArn: ADMIN, priority: 0 },
        { matcher: 'has(claims.sub)', roleArn: ARN },
      ],
      roleClaim: 'roles',
      sessionDuration: 900,
      sessionNameClaim: 'email',
      subjectProviderName: 'okta',
    },
    config: {
      region: 'eu-west-2',
      service: 'custom',
      roleMappings: [
        { claim: 'admins', roleArn: ADMIN, priority: 0 },
        { matcher: 'has(claims.sub)', roleArn: ARN },
      ],
      roleClaim: 'roles',
      sessionDuration: 900,
      sessionNameClaim: 'email',
      subjectProviderName: 'okta',
    },
  },
];

for (const c of valid) {
  test(`valid: ${c.name}`, () => {
    const result = validateAwsSts(c.spec);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.config, c.config);
  });
}

test('issue paths use the given prefix', () => {
  const result = validateAwsSts({ fallbackRoleArn: ARN }, { path: 'spec.awsSts' });
  assert.equal(result.ok ? '' : result.issues[0]?.path, 'spec.awsSts.region');
});

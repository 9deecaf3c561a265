// Cross-checks the TypeScript schema checks (checkCrdSchema) against the real v1beta1 CRD
// schema compiled with ajv: every spec in the table must be accepted or rejected by both.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { checkCrdSchema } from './validateAwsSts';

const CRD_PATH = new URL(
  '../../crds/toolhive.stacklok.dev_mcpexternalauthconfigs.yaml',
  import.meta.url
);

/** The v1beta1 openAPIV3Schema, adapted for ajv in one place. */
function loadCrdSchema(): Record<string, unknown> {
  const crd = parse(readFileSync(CRD_PATH, 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: Record<string, unknown> } }[] };
  };
  const version = crd.spec.versions.find((v) => v.name === 'v1beta1');
  assert.ok(version, 'the CRD serves v1beta1');
  return adaptForAjv(version.schema.openAPIV3Schema) as Record<string, unknown>;
}

/**
 * RE2's `[:space:]` class becomes `\s` (JavaScript has no POSIX classes), and objects with
 * declared properties reject unknown fields, as the API server does with strict field validation.
 */
function adaptForAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adaptForAjv);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'pattern' && typeof value === 'string'
        ? value.replaceAll('[:space:]', String.raw`\s`)
        : key === 'properties'
          ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, adaptForAjv(v)]))
          : adaptForAjv(value);
  }
  if (
    out.type === 'object' &&
    out.properties !== undefined &&
    out.additionalProperties === undefined
  ) {
    out.additionalProperties = false;
  }
  return out;
}

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  formats: { 'date-time': true, int64: true },
});
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1,
});
const validateResource = ajv.compile(loadCrdSchema());

function acceptedByCrd(awsSts: unknown): boolean {
  return validateResource({
    apiVersion: 'toolhive.stacklok.dev/v1beta1',
    kind: 'MCPExternalAuthConfig',
    metadata: { name: 'aws-mcp-sts-auth' },
    spec: { type: 'awsSts', awsSts },
  });
}

const ARN = 'arn:aws:iam::123456789012:role/DefaultMCPRole';
const base = { region: 'us-east-1', fallbackRoleArn: ARN };
const mapping = (fields: Record<string, unknown>) => ({
  ...base,
  roleMappings: [{ roleArn: ARN, ...fields }],
});

const cases: { name: string; spec: unknown; accepted: boolean }[] = [
  { name: 'minimal', spec: base, accepted: true },
  {
    name: 'region only (the schema does not require a role)',
    spec: { region: 'eu-west-2' },
    accepted: true,
  },
  {
    name: 'every field',
    spec: {
      ...base,
      service: 'aws-mcp',
      roleClaim: 'groups',
      sessionDuration: 3600,
      sessionNameClaim: 'email',
      subjectProviderName: 'okta',
      roleMappings: [
        { claim: 'admins', roleArn: ARN, priority: 0 },
        { matcher: '"a" in claims["groups"]', roleArn: ARN },
      ],
    },
    accepted: true,
  },
  {
    name: 'GovCloud region and ARN with path',
    spec: {
      region: 'us-gov-west-1',
      fallbackRoleArn: 'arn:aws-us-gov:iam::123456789012:role/path/Name+=,.@-_',
    },
    accepted: true,
  },
  {
    name: 'aws-cn partition',
    spec: { region: 'cn-north-1', fallbackRoleArn: 'arn:aws-cn:iam::123456789012:role/R' },
    accepted: true,
  },
  { name: 'sessionDuration 900', spec: { ...base, sessionDuration: 900 }, accepted: true },
  { name: 'sessionDuration 43200', spec: { ...base, sessionDuration: 43200 }, accepted: true },
  {
    name: 'priority int32 max',
    spec: mapping({ claim: 'a', priority: 2147483647 }),
    accepted: true,
  },
  {
    name: 'claim and matcher both set (the operator rejects it, not the schema)',
    spec: mapping({ claim: 'a', matcher: 'true' }),
    accepted: true,
  },
  { name: 'neither claim nor matcher', spec: mapping({}), accepted: true },
  {
    name: 'uncompilable matcher (CEL is compiled later)',
    spec: mapping({ matcher: 'foo(' }),
    accepted: true,
  },
  { name: 'empty roleMappings', spec: { ...base, roleMappings: [] }, accepted: true },
  { name: 'empty roleClaim has no minLength', spec: { ...base, roleClaim: '' }, accepted: true },
  { name: 'not an object', spec: 'us-east-1', accepted: false },
  { name: 'region missing', spec: { fallbackRoleArn: ARN }, accepted: false },
  { name: 'region empty', spec: { ...base, region: '' }, accepted: false },
  { name: 'region upper case', spec: { ...base, region: 'US-EAST-1' }, accepted: false },
  { name: 'region without number', spec: { ...base, region: 'us-east' }, accepted: false },
  { name: 'availability zone', spec: { ...base, region: 'us-east-1a' }, accepted: false },
  { name: 'region a number', spec: { ...base, region: 1 }, accepted: false },
  { name: 'fallbackRoleArn empty', spec: { ...base, fallbackRoleArn: '' }, accepted: false },
  {
    name: 'fallbackRoleArn aws-iso partition',
    spec: { ...base, fallbackRoleArn: 'arn:aws-iso:iam::123456789012:role/R' },
    accepted: false,
  },
  {
    name: 'fallbackRoleArn with a region',
    spec: { ...base, fallbackRoleArn: 'arn:aws:iam:us-east-1:123456789012:role/R' },
    accepted: false,
  },
  {
    name: 'fallbackRoleArn empty role name',
    spec: { ...base, fallbackRoleArn: 'arn:aws:iam::123456789012:role/' },
    accepted: false,
  },
  {
    name: 'fallbackRoleArn space in name',
    spec: { ...base, fallbackRoleArn: 'arn:aws:iam::123456789012:role/a b' },
    accepted: false,
  },
  {
    name: 'fallbackRoleArn 11-digit account',
    spec: { ...base, fallbackRoleArn: 'arn:aws:iam::12345678901:role/R' },
    accepted: false,
  },
  {
    name: 'fallbackRoleArn a user',
    spec: { ...base, fallbackRoleArn: 'arn:aws:iam::123456789012:user/bob' },
    accepted: false,
  },
  { name: 'sessionDuration 899', spec: { ...base, sessionDuration: 899 }, accepted: false },
  { name: 'sessionDuration 43201', spec: { ...base, sessionDuration: 43201 }, accepted: false },
  { name: 'sessionDuration 0', spec: { ...base, sessionDuration: 0 }, accepted: false },
  {
    name: 'sessionDuration fractional',
    spec: { ...base, sessionDuration: 3600.5 },
    accepted: false,
  },
  { name: 'sessionDuration a string', spec: { ...base, sessionDuration: '3600' }, accepted: false },
  { name: 'priority negative', spec: mapping({ claim: 'a', priority: -1 }), accepted: false },
  {
    name: 'priority above int32',
    spec: mapping({ claim: 'a', priority: 2147483648 }),
    accepted: false,
  },
  { name: 'priority fractional', spec: mapping({ claim: 'a', priority: 1.5 }), accepted: false },
  { name: 'priority a string', spec: mapping({ claim: 'a', priority: '1' }), accepted: false },
  {
    name: 'mapping without roleArn',
    spec: { ...base, roleMappings: [{ claim: 'a' }] },
    accepted: false,
  },
  {
    name: 'mapping roleArn bad',
    spec: { ...base, roleMappings: [{ claim: 'a', roleArn: 'arn:aws:s3:::b' }] },
    accepted: false,
  },
  { name: 'claim empty', spec: mapping({ claim: '' }), accepted: false },
  { name: 'matcher empty', spec: mapping({ matcher: '' }), accepted: false },
  { name: 'claim a number', spec: mapping({ claim: 5 }), accepted: false },
  { name: 'roleMappings an object', spec: { ...base, roleMappings: {} }, accepted: false },
  {
    name: 'roleMappings item a string',
    spec: { ...base, roleMappings: ['admins'] },
    accepted: false,
  },
  { name: 'unknown field', spec: { ...base, fallback_role_arn: ARN }, accepted: false },
  { name: 'unknown mapping field', spec: mapping({ claim: 'a', role_arn: ARN }), accepted: false },
  { name: 'service a number', spec: { ...base, service: 5 }, accepted: false },
  { name: 'roleClaim a boolean', spec: { ...base, roleClaim: true }, accepted: false },
  { name: 'sessionNameClaim a list', spec: { ...base, sessionNameClaim: [] }, accepted: false },
  {
    name: 'subjectProviderName an object',
    spec: { ...base, subjectProviderName: {} },
    accepted: false,
  },
];

for (const c of cases) {
  test(`CRD schema agrees with checkCrdSchema: ${c.name}`, () => {
    const ajvVerdict = acceptedByCrd(c.spec);
    const issues = checkCrdSchema(c.spec);
    assert.equal(ajvVerdict, c.accepted, `ajv: ${JSON.stringify(validateResource.errors)}`);
    assert.equal(issues.length === 0, c.accepted, JSON.stringify(issues));
  });
}

// The API server prunes `null` fields before validating; plain ajv sees a type error instead.
const prunedNulls = [
  { name: 'service null', spec: { ...base, service: null } },
  { name: 'priority null', spec: mapping({ claim: 'a', priority: null }) },
];
for (const c of prunedNulls) {
  test(`null is pruned like the API server does, unlike plain ajv: ${c.name}`, () => {
    assert.equal(acceptedByCrd(c.spec), false);
    assert.deepEqual(checkCrdSchema(c.spec), []);
  });
}

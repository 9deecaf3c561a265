// Values validation: defaults and normalisation for good input; every kind of bad input refused
// with its field named and what is allowed; many problems reported together.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAwsStsSpec } from '../kubernetes/externalAuthConfig';
import { TUTORIAL_VALUES } from './tutorialValues';
import type { GeneratorInput } from '../types';
import { validateGeneratorInput } from './validateInput';

const base = TUTORIAL_VALUES as unknown as Record<string, unknown>;
const without = (...keys: string[]) =>
  Object.fromEntries(Object.entries(base).filter(([key]) => !keys.includes(key)));
const S3 = { name: 'S3ReadOnlyMCPRole', claim: 's3-readers', permissions: 's3-read-only' };

describe('validateGeneratorInput: accepted values', () => {
  it('applies the CRD defaults for optional fields', () => {
    const result = validateGeneratorInput(
      without('partition', 'roleClaim', 'sessionNameClaim', 'sessionDuration', 'restrictSubjects')
    );
    assert.ok(result.ok);
    assert.equal(result.values.partition, 'aws');
    assert.equal(result.values.roleClaim, 'groups');
    assert.equal(result.values.sessionNameClaim, 'sub');
    assert.equal(result.values.sessionDuration, 3600);
    assert.deepEqual(result.values.fallbackRole?.restrictSubjects, []);
  });

  it('normalises an issuer without https:// and says so', () => {
    const result = validateGeneratorInput({
      ...base,
      issuer: 'dev-123456.okta.com/oauth2/default',
    });
    assert.ok(result.ok);
    assert.equal(result.values.issuer, 'https://dev-123456.okta.com/oauth2/default');
    assert.match(result.notes.join('\n'), /added https:\/\//);
  });

  it('derives names and ARNs; a role may override restrictSubjects', () => {
    const result = validateGeneratorInput({
      ...base,
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      restrictSubjects: ['alice'],
      roles: [
        { ...S3, restrictSubjects: [] },
        { name: 'Ops', matcher: 'claims["sub"] == "bob"', permissions: 'default' },
      ],
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    const { values } = result;
    assert.equal(
      values.providerArn,
      'arn:aws-us-gov:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default'
    );
    assert.equal(values.fallbackRole?.arn, 'arn:aws-us-gov:iam::123456789012:role/DefaultMCPRole');
    assert.equal(values.fallbackRole?.policyName, 'DefaultMCPPermissions');
    assert.deepEqual(values.fallbackRole?.restrictSubjects, ['alice']);
    assert.deepEqual(
      values.roles.map((r) => [r.name, r.policyName, r.restrictSubjects]),
      [
        ['S3ReadOnlyMCPRole', 'S3ReadOnlyMCPPermissions', []],
        ['Ops', 'OpsPermissions', ['alice']],
      ]
    );
  });

  it('infers the partition of a China region', () => {
    const result = validateGeneratorInput({ ...without('partition'), region: 'cn-north-1' });
    assert.ok(result.ok);
    assert.equal(result.values.partition, 'aws-cn');
  });

  it('accepts roles without a fallback, and a fallback without roles', () => {
    assert.ok(validateGeneratorInput({ ...without('fallbackRole'), roles: [S3] }).ok);
    assert.ok(validateGeneratorInput({ ...without('roles') }).ok);
    assert.ok(validateGeneratorInput({ ...base, roles: [] }).ok);
  });
});

describe('validateGeneratorInput: refused values', () => {
  const cases: { name: string; input: Record<string, unknown>; path: string; says: RegExp }[] = [
    {
      name: 'an http:// issuer',
      input: { ...base, issuer: 'http://idp.example.com' },
      path: 'issuer',
      says: /only https:\/\//,
    },
    {
      name: 'an issuer with a query',
      input: { ...base, issuer: 'https://idp.example.com/?a=b' },
      path: 'issuer',
      says: /query/,
    },
    {
      name: 'an issuer with a fragment',
      input: { ...base, issuer: 'https://idp.example.com/#a' },
      path: 'issuer',
      says: /fragment/,
    },
    {
      name: 'an issuer with a port',
      input: { ...base, issuer: 'idp.example.com:8443' },
      path: 'issuer',
      says: /port/,
    },
    {
      name: 'a missing issuer',
      input: without('issuer'),
      path: 'issuer',
      says: /issuer is required/,
    },
    {
      name: 'an 11-digit account',
      input: { ...base, accountId: '12345678901' },
      path: 'accountId',
      says: /exactly 12 digits/,
    },
    {
      name: 'an account with letters',
      input: { ...base, accountId: '12345678901a' },
      path: 'accountId',
      says: /exactly 12 digits/,
    },
    {
      name: 'an account as a number',
      input: { ...base, accountId: 123456789012 },
      path: 'accountId',
      says: /string in quotes/,
    },
    {
      name: 'a region that is not a region',
      input: { ...base, region: 'US East' },
      path: 'region',
      says: /not an AWS region code: use lowercase like us-east-1/,
    },
    {
      name: 'a role name with a space',
      input: { ...base, roles: [{ ...S3, name: 'S3 Reader' }] },
      path: 'roles[0].name',
      says: /1 to 64 letters, digits and _\+=,\.@-/,
    },
    {
      name: 'a role name with a slash',
      input: { ...base, fallbackRole: { name: 'team/Default', permissions: 'default' } },
      path: 'fallbackRole.name',
      says: /not a valid IAM role name/,
    },
    {
      name: 'a role name of 65 characters',
      input: { ...base, roles: [{ ...S3, name: 'R'.repeat(65) }] },
      path: 'roles[0].name',
      says: /1 to 64/,
    },
    {
      name: 'an empty role name',
      input: { ...base, roles: [{ ...S3, name: '' }] },
      path: 'roles[0].name',
      says: /must not be empty/,
    },
    {
      name: 'a duplicate of the fallback, differing in case',
      input: { ...base, roles: [{ ...S3, name: 'defaultmcprole' }] },
      path: 'roles[0].name',
      says: /already used by fallbackRole\.name: IAM role names are unique regardless of case/,
    },
    {
      name: 'duplicate mapped roles',
      input: { ...base, roles: [S3, { ...S3, claim: 'other' }] },
      path: 'roles[1].name',
      says: /already used by roles\[0\]\.name/,
    },
    {
      name: 'a matcher that does not compile',
      input: {
        ...base,
        roles: [{ name: 'A', matcher: '"admins" in claims["groups"', permissions: 'default' }],
      },
      path: 'roles[0].matcher',
      says: /does not compile as ToolHive's CEL matcher/,
    },
    {
      name: 'a matcher with an undeclared variable',
      input: {
        ...base,
        roles: [{ name: 'A', matcher: '"admins" in groups', permissions: 'default' }],
      },
      path: 'roles[0].matcher',
      says: /undeclared|only the variable claims/,
    },
    {
      name: 'both claim and matcher',
      input: { ...base, roles: [{ ...S3, matcher: 'true' }] },
      path: 'roles[0]',
      says: /has both claim and matcher: set exactly one/,
    },
    {
      name: 'neither claim nor matcher',
      input: { ...base, roles: [{ name: 'A', permissions: 'default' }] },
      path: 'roles[0]',
      says: /needs claim or matcher/,
    },
    {
      name: 'a claim that is a number',
      input: { ...base, roles: [{ ...S3, claim: 42 }] },
      path: 'roles[0].claim',
      says: /must be a string, got a number \(put it in quotes\)/,
    },
    {
      name: 'a negative priority',
      input: { ...base, roles: [{ ...S3, priority: -1 }] },
      path: 'roles[0].priority',
      says: /whole number from 0/,
    },
    {
      name: 'a duration below 900',
      input: { ...base, sessionDuration: 899 },
      path: 'sessionDuration',
      says: /from 900 to 43200/,
    },
    {
      name: 'a duration above 43200',
      input: { ...base, sessionDuration: 43201 },
      path: 'sessionDuration',
      says: /from 900 to 43200/,
    },
    {
      name: 'a duration that is not whole',
      input: { ...base, sessionDuration: 1000.5 },
      path: 'sessionDuration',
      says: /whole number of seconds/,
    },
    {
      name: 'a duration as text',
      input: { ...base, sessionDuration: '3600' },
      path: 'sessionDuration',
      says: /whole number/,
    },
    {
      name: 'an unknown partition',
      input: { ...base, partition: 'aws-iso' },
      path: 'partition',
      says: /one of aws, aws-cn, aws-us-gov/,
    },
    {
      name: 'a partition that does not hold the region',
      input: { ...base, partition: 'aws-cn' },
      path: 'partition',
      says: /does not contain region us-east-1: use partition aws/,
    },
    {
      name: 'neither fallback nor roles',
      input: without('fallbackRole', 'roles'),
      path: '',
      says: /need a fallbackRole, at least one entry in roles, or both/,
    },
    {
      name: 'no fallback and an empty roles list',
      input: { ...without('fallbackRole'), roles: [] },
      path: '',
      says: /need a fallbackRole/,
    },
    {
      name: 'an unknown preset',
      input: { ...base, fallbackRole: { name: 'D', permissions: 'admin' } },
      path: 'fallbackRole.permissions',
      says: /unknown preset "admin": use a preset \(default, s3-read-only\) or \{actions/,
    },
    {
      name: 'missing permissions',
      input: { ...base, fallbackRole: { name: 'D' } },
      path: 'fallbackRole.permissions',
      says: /is required/,
    },
    {
      name: 'explicit permissions without resources',
      input: { ...base, fallbackRole: { name: 'D', permissions: { actions: ['s3:GetObject'] } } },
      path: 'fallbackRole.permissions.resources',
      says: /is required/,
    },
    {
      name: 'explicit permissions with no actions',
      input: {
        ...base,
        fallbackRole: { name: 'D', permissions: { actions: [], resources: ['*'] } },
      },
      path: 'fallbackRole.permissions.actions',
      says: /must not be empty/,
    },
    {
      name: 'a retired aws-mcp action',
      input: {
        ...base,
        fallbackRole: {
          name: 'D',
          permissions: { actions: ['aws-mcp:InvokeMcp'], resources: ['*'] },
        },
      },
      path: 'fallbackRole.permissions.actions[0]',
      says: /retired/,
    },
    {
      name: 'an action without a service',
      input: {
        ...base,
        fallbackRole: { name: 'D', permissions: { actions: ['GetObject'], resources: ['*'] } },
      },
      path: 'fallbackRole.permissions.actions[0]',
      says: /service:Action/,
    },
    {
      name: 'a resource that is not an ARN',
      input: {
        ...base,
        fallbackRole: {
          name: 'D',
          permissions: { actions: ['s3:GetObject'], resources: ['my-bucket'] },
        },
      },
      path: 'fallbackRole.permissions.resources[0]',
      says: /"\*" or an ARN/,
    },
    {
      name: 'an unknown top-level field, with a suggestion',
      input: { ...base, Issuer: 'x' },
      path: 'Issuer',
      says: /unknown field "Issuer": did you mean issuer\?/,
    },
    {
      name: 'an unknown role field',
      input: { ...base, roles: [{ ...S3, roleArn: 'arn:aws:iam::123456789012:role/X' }] },
      path: 'roles[0].roleArn',
      says: /unknown field "roleArn": roles\[0\] may contain name, claim, matcher/,
    },
    {
      name: 'an unknown fallback field',
      input: { ...base, fallbackRole: { name: 'D', permissions: 'default', claim: 'x' } },
      path: 'fallbackRole.claim',
      says: /fallbackRole may contain name, permissions, restrictSubjects/,
    },
    {
      name: 'an unknown permissions field',
      input: {
        ...base,
        fallbackRole: {
          name: 'D',
          permissions: { actions: ['s3:GetObject'], resources: ['*'], effect: 'Allow' },
        },
      },
      path: 'fallbackRole.permissions.effect',
      says: /unknown field "effect"/,
    },
    {
      name: 'restrictSubjects that is not a list',
      input: { ...base, restrictSubjects: 'alice' },
      path: 'restrictSubjects',
      says: /list of strings/,
    },
    {
      name: 'a domain with a scheme',
      input: { ...base, domain: 'https://mcp.example.com' },
      path: 'domain',
      says: /host name only/,
    },
    {
      name: 'a domain with a port',
      input: { ...base, domain: 'mcp.example.com:8443' },
      path: 'domain',
      says: /not a DNS host name/,
    },
    {
      name: 'a namespace in capitals',
      input: { ...base, namespace: 'ToolHive' },
      path: 'namespace',
      says: /lowercase/,
    },
    {
      name: 'an empty audience',
      input: { ...base, audience: '' },
      path: 'audience',
      says: /must not be empty/,
    },
    {
      name: 'roles that is not a list',
      input: { ...base, roles: { name: 'x' } },
      path: 'roles',
      says: /must be a list/,
    },
    {
      name: 'values that are not an object',
      input: ['x'] as unknown as Record<string, unknown>,
      path: '',
      says: /must be an object/,
    },
    {
      name: 'so many subjects that the trust policy exceeds 2,048 characters',
      input: {
        ...base,
        restrictSubjects: Array.from({ length: 80 }, (_, i) => `user-${i}@example.com`),
      },
      path: 'fallbackRole.restrictSubjects',
      says: /over IAM's limit of 2048/,
    },
    {
      name: 'so many actions that the permission policy exceeds 10,240 characters',
      input: {
        ...base,
        roles: [
          {
            ...S3,
            permissions: {
              actions: Array.from({ length: 800 }, (_, i) => `s3:Action${i}`),
              resources: ['*'],
            },
          },
        ],
      },
      path: 'roles[0].permissions',
      says: /over IAM's limit of 10240/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const result = validateGeneratorInput(c.input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      const found = result.issues.find((i) => i.path === c.path);
      assert.ok(found, `no issue at "${c.path}": ${JSON.stringify(result.issues)}`);
      assert.match(found.message, c.says);
    });
  }

  it('reports every problem at once', () => {
    const input = {
      issuer: 'http://idp.example.com',
      audience: 'toolhive-aws',
      accountId: '1234',
      region: 'Mars',
      namespace: 'toolhive-system',
      domain: 'mcp.example.com',
      sessionDuration: 60,
      partition: 'aws-iso',
      fallbackRole: { name: 'Default Role', permissions: 'everything' },
      roles: [
        { name: 'A', matcher: 'nope(', permissions: 'default' },
        { name: 'a', claim: 'x', permissions: 'default' },
      ],
      extra: true,
    } satisfies Record<string, unknown>;
    const result = validateGeneratorInput(input);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.issues.map((i) => i.path).sort(), [
      'accountId',
      'extra',
      'fallbackRole.name',
      'fallbackRole.permissions',
      'issuer',
      'partition',
      'region',
      'roles[0].matcher',
      'roles[1].name',
      'sessionDuration',
    ]);
  });

  it('every message names its field', () => {
    const result = validateGeneratorInput({
      ...base,
      accountId: 'x',
      region: 'x',
      sessionDuration: 1,
    } satisfies Partial<Record<keyof GeneratorInput, unknown>>);
    assert.equal(result.ok, false);
    if (result.ok) return;
    for (const found of result.issues) assert.ok(found.message.includes(found.path), found.message);
  });
});

describe('validateGeneratorInput: subjectProviderName', () => {
  it('is absent by default, and then absent from awsSts', () => {
    const result = validateGeneratorInput(TUTORIAL_VALUES);
    assert.ok(result.ok);
    assert.equal(result.values.subjectProviderName, undefined);
    assert.equal('subjectProviderName' in generateAwsStsSpec(result.values), false);
  });

  it('a provider name goes into awsSts, with a note that only a VirtualMCPServer reads it', () => {
    const result = validateGeneratorInput({ ...TUTORIAL_VALUES, subjectProviderName: 'okta' });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    assert.equal(generateAwsStsSpec(result.values).subjectProviderName, 'okta');
    assert.match(
      result.notes.join('\n'),
      /subjectProviderName okta: a VirtualMCPServer .* the MCPRemoteProxy in these files ignores it/
    );
  });

  for (const bad of ['Okta', 'okta_prod', '-okta', 'a'.repeat(64)]) {
    it(`refuses "${bad.slice(0, 12)}", which no upstream provider can be named`, () => {
      const result = validateGeneratorInput({ ...TUTORIAL_VALUES, subjectProviderName: bad });
      assert.ok(!result.ok);
      assert.deepEqual(
        result.issues.map((found) => found.path),
        ['subjectProviderName']
      );
      assert.match(result.issues[0]?.message ?? '', /can never name an upstream provider/);
    });
  }

  it('refuses a value that is not a string', () => {
    const result = validateGeneratorInput({ ...TUTORIAL_VALUES, subjectProviderName: 7 });
    assert.ok(!result.ok);
    assert.match(result.issues[0]?.message ?? '', /must be a string/);
  });
});

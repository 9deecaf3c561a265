// Policy grammar: valid documents normalise, malformed ones list every problem by path.
// Element rules: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isAwsStsError } from '../errors';
import { parsePolicy, validatePolicy } from './parsePolicy';
import type { ParsedPolicy, PolicyKind } from './types';

const TRUST = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"dev-123456.okta.com/oauth2/default:aud":"toolhive-aws"}}}]}`;

interface ValidCase {
  name: string;
  input: unknown;
  kind?: PolicyKind;
  check: (policy: ParsedPolicy) => void;
}

const valid: ValidCase[] = [
  {
    name: 'the project trust policy (JSON text)',
    input: TRUST,
    kind: 'trust',
    check: (p) => {
      assert.equal(p.version, '2012-10-17');
      assert.deepEqual(p.statements[0]?.principal, {
        Federated: ['arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default'],
      });
      assert.deepEqual(p.statements[0]?.action, ['sts:AssumeRoleWithWebIdentity']);
      assert.equal(p.statements[0]?.resource, undefined);
      assert.deepEqual(p.statements[0]?.conditions, [
        {
          operator: 'StringEquals',
          base: 'StringEquals',
          set: undefined,
          ifExists: false,
          key: 'dev-123456.okta.com/oauth2/default:aud',
          values: ['toolhive-aws'],
        },
      ]);
    },
  },
  {
    name: 'a single Statement object, no Version, NotAction and NotResource',
    input: {
      Statement: { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::b', '*'] },
    },
    check: (p) => {
      assert.equal(p.version, undefined);
      assert.deepEqual(p.statements[0]?.notAction, ['iam:*']);
      assert.deepEqual(p.statements[0]?.notResource, ['arn:aws:s3:::b', '*']);
    },
  },
  {
    name: 'condition operators with prefixes, suffixes and non-string values',
    input: {
      Version: '2008-10-17',
      Statement: [
        {
          Sid: 'S1',
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*'],
          Resource: '*',
          Condition: {
            'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*', 'b'] },
            BoolIfExists: { 'aws:ViaAWSMCPService': false },
            numericlessthan: { 's3:max-keys': 10 },
          },
        },
      ],
    },
    check: (p) => {
      const [a, b, c] = p.statements[0]?.conditions ?? [];
      assert.deepEqual(
        [a?.base, a?.set, a?.ifExists, a?.values],
        ['StringLike', 'ForAnyValue', true, ['a*', 'b']]
      );
      assert.deepEqual([b?.base, b?.ifExists, b?.values], ['Bool', true, ['false']]);
      assert.deepEqual([c?.base, c?.values], ['NumericLessThan', ['10']]);
    },
  },
  {
    name: 'principal forms in a resource-based policy',
    input: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' },
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['123456789012', 'arn:aws:iam::111122223333:root'],
            Service: 'sns.amazonaws.com',
          },
          Action: 'sqs:*',
          Resource: '*',
        },
      ],
    },
    kind: 'resource',
    check: (p) => {
      assert.equal(p.statements[0]?.principal, '*');
      assert.deepEqual(p.statements[1]?.principal, {
        AWS: ['123456789012', 'arn:aws:iam::111122223333:root'],
        Service: ['sns.amazonaws.com'],
      });
    },
  },
];

for (const c of valid) {
  test(`valid policy: ${c.name}`, () => {
    const result = validatePolicy(c.input, { kind: c.kind });
    assert.deepEqual(result.problems, []);
    assert.ok(result.ok);
    c.check(result.policy);
    assert.equal(parsePolicy(result.policy), result.policy, 'a ParsedPolicy passes through');
  });
}

interface InvalidCase {
  name: string;
  input: unknown;
  kind?: PolicyKind;
  /** Every problem in order: exact text, or a pattern for messages that embed engine text. */
  problems: Array<string | RegExp>;
}

const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const invalid: InvalidCase[] = [
  { name: 'not JSON', input: '{"Version":', problems: [/^Policy document is not valid JSON: /] },
  { name: 'not an object', input: '[]', problems: ['Policy document must be a JSON object'] },
  {
    name: 'non-Latin-1 character',
    input: `{"Version":"2012-10-17","Statement":{"Sid":"Café’s","Effect":"Allow","Action":"s3:*","Resource":"*"}}`,
    problems: [
      /^Policy document contains "’" \(U\+2019\); IAM allows only/,
      'Statement.Sid must contain only letters A-Z, a-z and digits 0-9 in IAM policies',
    ],
  },
  {
    name: 'unknown top-level field and bad Version',
    input: { Version: '2012-10-18', Statment: [], Statement: [ok] },
    problems: [
      'Policy document has an unknown field "Statment" (allowed: Version, Id, Statement)',
      'Version must be "2012-10-17" or "2008-10-17"',
    ],
  },
  {
    name: 'a look-alike of a parsed policy is validated as a document',
    input: { kind: 'toString', statements: [{ effect: 'Allow' }] },
    problems: [
      'Policy document has an unknown field "kind" (allowed: Version, Id, Statement)',
      'Policy document has an unknown field "statements" (allowed: Version, Id, Statement)',
      'Statement is required',
    ],
  },
  {
    name: 'missing Statement',
    input: { Version: '2012-10-17' },
    problems: ['Statement is required'],
  },
  {
    name: 'empty Statement array',
    input: { Statement: [] },
    problems: ['Statement must contain at least one statement'],
  },
  {
    name: 'Statement of the wrong type',
    input: { Statement: 'Allow' },
    problems: ['Statement must be an object or an array of objects'],
  },
  {
    name: 'bad Effect',
    input: { Statement: [ok, { ...ok, Effect: 'allow' }] },
    problems: ['Statement[1].Effect must be "Allow" or "Deny"'],
  },
  {
    name: 'missing Effect and Action',
    input: { Statement: [{ Resource: '*' }] },
    problems: [
      'Statement[0].Effect must be "Allow" or "Deny"',
      'Statement[0] must contain Action or NotAction',
    ],
  },
  {
    name: 'both Action and NotAction',
    input: { Statement: { ...ok, NotAction: 's3:PutObject' } },
    problems: ['Statement must not contain both Action and NotAction'],
  },
  {
    name: 'action without a service prefix',
    input: { Statement: [{ ...ok, Action: ['s3:GetObject', 'GetObject'] }] },
    problems: [
      'Statement[0].Action[1] "GetObject" must be "*" or "service:action" (e.g. "s3:GetObject")',
    ],
  },
  {
    name: 'empty Action list',
    input: { Statement: [{ ...ok, Action: [] }] },
    problems: ['Statement[0].Action must be a string or a non-empty array of strings'],
  },
  {
    name: 'identity policy without Resource',
    input: { Statement: [{ Effect: 'Allow', Action: 's3:*' }] },
    problems: ['Statement[0] must contain Resource or NotResource'],
  },
  {
    name: 'resource that is not an ARN',
    input: { Statement: [{ ...ok, Resource: 'my-bucket' }] },
    problems: [
      'Statement[0].Resource "my-bucket" must be "*" or an ARN (arn:partition:service:region:account:resource)',
    ],
  },
  {
    name: 'Principal in an identity policy',
    input: { Statement: [{ ...ok, Principal: '*' }] },
    problems: ['Statement[0].Principal is not allowed in an identity-based (permission) policy'],
  },
  {
    name: 'Resource in a trust policy',
    kind: 'trust',
    input: {
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Resource: '*',
        },
      ],
    },
    problems: ['Statement[0].Resource is not allowed in a trust policy'],
  },
  {
    name: 'trust policy without Principal',
    kind: 'trust',
    input: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] },
    problems: ['Statement[0] must contain Principal or NotPrincipal'],
  },
  {
    name: 'unknown principal type and bad AWS principal',
    kind: 'trust',
    input: {
      Statement: [
        { Effect: 'Allow', Principal: { Federate: 'x', AWS: ['bob'] }, Action: 'sts:AssumeRole' },
      ],
    },
    problems: [
      'Statement[0].Principal has an unknown principal type "Federate" (allowed: AWS, Federated, Service, CanonicalUser)',
      'Statement[0].Principal.AWS[0] "bob" must be "*", a 12-digit account ID or an ARN',
    ],
  },
  {
    name: 'empty Principal object',
    kind: 'trust',
    input: { Statement: [{ Effect: 'Allow', Principal: {}, Action: 'sts:AssumeRole' }] },
    problems: ['Statement[0].Principal must name at least one principal'],
  },
  {
    name: 'unknown statement field',
    input: { Statement: [{ ...ok, Conditions: {} }] },
    problems: [
      'Statement[0] has an unknown field "Conditions" (allowed: Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)',
    ],
  },
  {
    name: 'duplicate and non-alphanumeric Sids',
    input: {
      Statement: [
        { ...ok, Sid: 'A' },
        { ...ok, Sid: 'A' },
        { ...ok, Sid: 'has space' },
      ],
    },
    problems: [
      'Statement[1].Sid "A" is already used by Statement[0]',
      'Statement[2].Sid must contain only letters A-Z, a-z and digits 0-9 in IAM policies',
    ],
  },
  {
    name: 'unknown condition operator',
    input: { Statement: [{ ...ok, Condition: { StringEqualz: { 'aws:username': 'a' } } }] },
    problems: ['Statement[0].Condition operator "StringEqualz" is not a condition operator'],
  },
  {
    name: 'unknown set operator',
    input: {
      Statement: [{ ...ok, Condition: { 'ForEachValue:StringEquals': { 'aws:TagKeys': 'a' } } }],
    },
    problems: [
      'Statement[0].Condition operator "ForEachValue:StringEquals" has an unknown set operator "ForEachValue" (use ForAllValues or ForAnyValue)',
    ],
  },
  {
    name: 'NullIfExists',
    input: {
      Statement: [{ ...ok, Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }],
    },
    problems: ['Statement[0].Condition operator "NullIfExists" cannot use IfExists with Null'],
  },
  {
    name: 'condition values of the wrong shape',
    input: {
      Statement: [
        {
          ...ok,
          Condition: { StringEquals: { 'aws:username': [], 'aws:userid': { a: 1 } }, Bool: 'true' },
        },
      ],
    },
    problems: [
      'Statement[0].Condition.StringEquals["aws:username"] must be a string, number or boolean, or a non-empty array of them',
      'Statement[0].Condition.StringEquals["aws:userid"] must be a string, number or boolean, or a non-empty array of them',
      'Statement[0].Condition.Bool must be a non-empty object of condition keys',
    ],
  },
];

for (const c of invalid) {
  test(`malformed policy: ${c.name}`, () => {
    const result = validatePolicy(c.input, { kind: c.kind });
    assert.equal(result.ok, false);
    const messages = result.problems.map((p) => p.message);
    assert.equal(messages.length, c.problems.length, messages.join('\n'));
    c.problems.forEach((expected, i) => {
      if (typeof expected === 'string') assert.equal(messages[i], expected);
      else assert.match(messages[i] ?? '', expected);
    });
    assert.throws(
      () => parsePolicy(c.input, { kind: c.kind }),
      (e: unknown) =>
        isAwsStsError(e) && e.code === 'INVALID_INPUT' && e.message.includes(messages[0] ?? '?')
    );
  });
}

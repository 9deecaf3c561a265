// Size quotas as IAM counts them (white space excluded), per
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkPolicySize, type PolicySizeKind } from './limits';
import type { PolicyDocument } from './types';

const TRUST = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"dev-123456.okta.com/oauth2/default:aud":"toolhive-aws"}}}]}`;
const PRETTY_TRUST = JSON.stringify(JSON.parse(TRUST), null, 2);

/** A document of exactly `size` counted characters: {"Id":"xxx…"} is 9 characters plus the Id. */
const sized = (size: number): string => `{"Id": "${'x'.repeat(size - 9)}"}`;

interface Case {
  name: string;
  documents: string | PolicyDocument | Array<string | PolicyDocument>;
  kind: PolicySizeKind;
  limit?: number;
  size: number;
  ok: boolean;
  message?: string;
}

const cases: Case[] = [
  {
    name: 'the project trust policy',
    documents: TRUST,
    kind: 'trust',
    size: TRUST.length,
    ok: true,
  },
  {
    name: 'indentation is not counted',
    documents: PRETTY_TRUST,
    kind: 'trust',
    size: TRUST.length,
    ok: true,
  },
  {
    name: 'an object counts as its JSON text',
    documents: JSON.parse(TRUST) as PolicyDocument,
    kind: 'trust',
    size: TRUST.length,
    ok: true,
  },
  {
    name: 'spaces inside values are not counted either',
    documents: '{"Id": "a b\tc"}',
    kind: 'managed',
    size: 12,
    ok: true,
  },
  {
    name: 'a trust policy at the quota',
    documents: sized(2048),
    kind: 'trust',
    size: 2048,
    ok: true,
  },
  {
    name: 'a trust policy over the quota',
    documents: sized(2049),
    kind: 'trust',
    size: 2049,
    ok: false,
    message: 'Cannot exceed quota for ACLSizePerRole: 2048',
  },
  {
    name: 'a raised trust policy quota',
    documents: sized(2049),
    kind: 'trust',
    limit: 4096,
    size: 2049,
    ok: true,
  },
  {
    name: 'inline role policies add up',
    documents: [sized(6000), sized(4241)],
    kind: 'inlineRole',
    size: 10241,
    ok: false,
    message: 'Maximum policy size of 10240 bytes exceeded for role',
  },
  {
    name: 'inline role policies under the quota',
    documents: [sized(6000), sized(4240)],
    kind: 'inlineRole',
    size: 10240,
    ok: true,
  },
  {
    name: 'inline user policies',
    documents: sized(2049),
    kind: 'inlineUser',
    size: 2049,
    ok: false,
    message: 'Maximum policy size of 2048 bytes exceeded for user',
  },
  {
    name: 'inline group policies',
    documents: sized(5121),
    kind: 'inlineGroup',
    size: 5121,
    ok: false,
    message: 'Maximum policy size of 5120 bytes exceeded for group',
  },
  {
    name: 'a managed policy',
    documents: sized(6145),
    kind: 'managed',
    size: 6145,
    ok: false,
    message: 'Cannot exceed quota for PolicySize: 6144',
  },
];

for (const c of cases) {
  test(`checkPolicySize: ${c.name}`, () => {
    const result = checkPolicySize(
      c.documents,
      c.kind,
      c.limit === undefined ? {} : { limit: c.limit }
    );
    assert.equal(result.size, c.size);
    assert.equal(result.ok, c.ok);
    assert.equal(result.message, c.message);
    assert.equal(result.code, c.ok ? undefined : 'LimitExceeded');
  });
}

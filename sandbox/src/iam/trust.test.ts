// Trust policy evaluation: the project's OIDC trust policy (stacklok/docs-website
// `docs/toolhive/integrations/aws-sts.mdx`; IAM User Guide `id_roles_providers_oidc`) and the
// principal forms of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// (account ID = account root = every principal of that account; "*" = everyone).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isAwsStsError } from '../errors';
import { evaluateTrustPolicy } from './trust';
import type { Decision, PolicyDocument, PolicyInput, TrustRequest } from './types';

const ISSUER = 'dev-123456.okta.com/oauth2/default';
const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;
const PROJECT_TRUST = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"dev-123456.okta.com/oauth2/default:aud":"toolhive-aws"}}}]}`;
const WEB_IDENTITY = (
  aud: string | undefined,
  id = PROVIDER,
  action = 'sts:AssumeRoleWithWebIdentity'
): TrustRequest => ({
  principal: { type: 'Federated', id },
  action,
  context:
    aud === undefined ? {} : { [`${ISSUER}:aud`]: aud, [`${ISSUER}:sub`]: 'alice@example.com' },
});
const STRICTER_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { [`${ISSUER}:aud`]: 'toolhive-aws' },
        StringLike: { [`${ISSUER}:sub`]: '*@example.com' },
      },
    },
    {
      Sid: 'NoContractors',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:*',
      Condition: { StringLike: { [`${ISSUER}:sub`]: 'contractor-*' } },
    },
  ],
};
const ACCOUNT_TRUST = (principal: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' },
});
const SERVICE_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
    Action: 'sts:AssumeRole',
  },
};
const NOT_PRINCIPAL_DENY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' },
    {
      Effect: 'Deny',
      NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/Admin' },
      Action: 'sts:AssumeRole',
    },
  ],
};
const ROLE = 'arn:aws:iam::123456789012:role/Dev';
const AWS = (id: string): TrustRequest => ({
  principal: { type: 'AWS', id },
  action: 'sts:AssumeRole',
});

interface Case {
  name: string;
  policy: PolicyInput;
  request: TrustRequest;
  decision: Decision;
  explanation?: string;
}

const cases: Case[] = [
  {
    name: 'project trust: the right audience may assume the role',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY('toolhive-aws'),
    decision: 'Allow',
  },
  {
    name: 'project trust: a wrong audience is denied',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY('wrong'),
    decision: 'ImplicitDeny',
    explanation: `Condition StringEquals ${ISSUER}:aud: request value "wrong" ≠ "toolhive-aws" → false`,
  },
  {
    name: 'project trust: a token without aud is denied',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY(undefined),
    decision: 'ImplicitDeny',
    explanation: 'key not present in request → false',
  },
  {
    name: 'project trust: another OIDC provider is denied',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY(
      'toolhive-aws',
      'arn:aws:iam::123456789012:oidc-provider/evil.example.com'
    ),
    decision: 'ImplicitDeny',
    explanation: 'not matched by {"Federated":',
  },
  {
    name: 'project trust: the same provider in another account is denied',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY('toolhive-aws', `arn:aws:iam::210987654321:oidc-provider/${ISSUER}`),
    decision: 'ImplicitDeny',
  },
  {
    name: 'project trust: an AWS principal is not the Federated one',
    policy: PROJECT_TRUST,
    request: { ...WEB_IDENTITY('toolhive-aws'), principal: { type: 'AWS', id: PROVIDER } },
    decision: 'ImplicitDeny',
  },
  {
    name: 'project trust: sts:AssumeRole is not the allowed action',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY('toolhive-aws', PROVIDER, 'sts:AssumeRole'),
    decision: 'ImplicitDeny',
    explanation: 'Action sts:AssumeRole not matched by ["sts:AssumeRoleWithWebIdentity"]',
  },
  {
    name: 'project trust: sts:TagSession is not allowed',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY('toolhive-aws', PROVIDER, 'sts:TagSession'),
    decision: 'ImplicitDeny',
  },
  {
    name: 'project trust: actions match case-insensitively',
    policy: PROJECT_TRUST,
    request: WEB_IDENTITY('toolhive-aws', PROVIDER, 'STS:assumerolewithwebidentity'),
    decision: 'Allow',
  },
  {
    name: 'stricter trust: aud and sub both match',
    policy: STRICTER_TRUST,
    request: WEB_IDENTITY('toolhive-aws'),
    decision: 'Allow',
  },
  {
    name: 'stricter trust: a sub outside the domain',
    policy: STRICTER_TRUST,
    request: {
      ...WEB_IDENTITY('toolhive-aws'),
      context: { [`${ISSUER}:aud`]: 'toolhive-aws', [`${ISSUER}:sub`]: 'mallory@evil.example' },
    },
    decision: 'ImplicitDeny',
  },
  {
    name: 'stricter trust: a Deny beats the Allow',
    policy: STRICTER_TRUST,
    request: {
      ...WEB_IDENTITY('toolhive-aws'),
      context: { [`${ISSUER}:aud`]: 'toolhive-aws', [`${ISSUER}:sub`]: 'contractor-7@example.com' },
    },
    decision: 'ExplicitDeny',
    explanation: 'statement "NoContractors"',
  },
  {
    name: 'AWS: an account ID trusts a role of that account',
    policy: ACCOUNT_TRUST('123456789012'),
    request: AWS(ROLE),
    decision: 'Allow',
  },
  {
    name: 'AWS: the account root trusts a user of that account',
    policy: ACCOUNT_TRUST('arn:aws:iam::123456789012:root'),
    request: AWS('arn:aws:iam::123456789012:user/alice'),
    decision: 'Allow',
  },
  {
    name: 'AWS: the account root trusts an assumed-role session',
    policy: ACCOUNT_TRUST('arn:aws:iam::123456789012:root'),
    request: AWS('arn:aws:sts::123456789012:assumed-role/Dev/alice'),
    decision: 'Allow',
  },
  {
    name: 'AWS: the account root does not trust another account',
    policy: ACCOUNT_TRUST('arn:aws:iam::123456789012:root'),
    request: AWS('arn:aws:iam::210987654321:role/Dev'),
    decision: 'ImplicitDeny',
  },
  {
    name: 'AWS: the account root does not trust another partition',
    policy: ACCOUNT_TRUST('arn:aws:iam::123456789012:root'),
    request: AWS('arn:aws-cn:iam::123456789012:role/Dev'),
    decision: 'ImplicitDeny',
  },
  {
    name: 'AWS: a role ARN trusts only that role',
    policy: ACCOUNT_TRUST(ROLE),
    request: AWS('arn:aws:iam::123456789012:role/Other'),
    decision: 'ImplicitDeny',
  },
  {
    name: 'AWS: a role ARN trusts that role',
    policy: ACCOUNT_TRUST(ROLE),
    request: AWS(ROLE),
    decision: 'Allow',
  },
  {
    name: 'AWS: "*" trusts everyone',
    policy: ACCOUNT_TRUST('*'),
    request: AWS('arn:aws:iam::210987654321:role/Anyone'),
    decision: 'Allow',
  },
  {
    name: 'Principal "*" trusts a federated caller too',
    policy: {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' },
    },
    request: WEB_IDENTITY('x'),
    decision: 'Allow',
  },
  {
    name: 'Service: a listed service',
    policy: SERVICE_TRUST,
    request: {
      principal: { type: 'Service', id: 'lambda.amazonaws.com' },
      action: 'sts:AssumeRole',
    },
    decision: 'Allow',
  },
  {
    name: 'Service: another service',
    policy: SERVICE_TRUST,
    request: {
      principal: { type: 'Service', id: 'ecs-tasks.amazonaws.com' },
      action: 'sts:AssumeRole',
    },
    decision: 'ImplicitDeny',
  },
  {
    name: 'NotPrincipal: the excluded admin is not denied',
    policy: NOT_PRINCIPAL_DENY,
    request: AWS('arn:aws:iam::123456789012:role/Admin'),
    decision: 'Allow',
  },
  {
    name: 'NotPrincipal: everyone else is denied',
    policy: NOT_PRINCIPAL_DENY,
    request: AWS(ROLE),
    decision: 'ExplicitDeny',
    explanation: 'is not in NotPrincipal',
  },
];

for (const c of cases) {
  test(`evaluateTrustPolicy: ${c.name}`, () => {
    const result = evaluateTrustPolicy(c.policy, c.request);
    assert.equal(result.decision, c.decision, result.explanation);
    assert.equal(result.allowed, c.decision === 'Allow');
    if (c.explanation) assert.ok(result.explanation.includes(c.explanation), result.explanation);
  });
}

const errors: Array<{ name: string; policy: PolicyInput; request: TrustRequest; path: string }> = [
  {
    name: 'a trust policy with Resource',
    policy: {
      Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' },
    },
    request: AWS(ROLE),
    path: 'policy.Statement.Resource',
  },
  {
    name: 'a trust policy without Principal',
    policy: { Statement: { Effect: 'Allow', Action: 'sts:AssumeRole' } },
    request: AWS(ROLE),
    path: 'policy.Statement',
  },
  {
    name: 'an unknown principal type',
    policy: PROJECT_TRUST,
    request: { principal: { type: 'Saml' as 'AWS', id: 'x' }, action: 'sts:AssumeRole' },
    path: 'request.principal',
  },
  {
    name: 'an empty principal id',
    policy: PROJECT_TRUST,
    request: { principal: { type: 'AWS', id: '' }, action: 'sts:AssumeRole' },
    path: 'request.principal',
  },
];

for (const c of errors) {
  test(`evaluateTrustPolicy rejects ${c.name}`, () => {
    assert.throws(
      () => evaluateTrustPolicy(c.policy, c.request),
      (e: unknown) => isAwsStsError(e) && e.code === 'INVALID_INPUT' && e.path === c.path
    );
  });
}

// Decisions across identity policies. Examples and expected outcomes from the IAM User Guide:
// - explicit vs implicit deny (AllowGetList / DenyReports):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html
// - Bool aws:SecureTransport, Null aws:TokenIssueTime, StringLikeIfExists ec2:InstanceType:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// - ForAllValues with a Null guard (DenyRestrictedTags) and ForAnyValue (environment/webserver):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
// - DynamoDB requestedAttributes (the doc writes "GetItem"; IAM needs the "dynamodb:" prefix):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
// - Policy variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// and the project's AWS MCP permission policy (AWS Agent Toolkit User Guide,
// `security_iam_service-with-iam`; stacklok/docs-website `docs/toolhive/integrations/aws-sts.mdx`).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isAwsStsError } from '../errors';
import { evaluatePolicies } from './evaluate';
import { parsePolicy } from './parsePolicy';
import type { AuthorizationRequest, Decision, PolicyDocument, PolicyInput } from './types';

const GET_LIST_DENY_REPORTS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowGetList', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    { Sid: 'DenyReports', Effect: 'Deny', Action: 'iam:*Report', Resource: '*' },
  ],
};
const ALLOW_REPORTS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: 'iam:GenerateCredentialReport', Resource: '*' },
};
const ALLOW_S3: PolicyDocument = {
  Version: '2012-10-17',
  Statement: { Sid: 'AllowS3', Effect: 'Allow', Action: 's3:*', Resource: '*' },
};
const DENY_WITHOUT_TLS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'BooleanExample',
      Action: 's3:*',
      Effect: 'Deny',
      Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};
const EC2_ONLY_LONG_TERM: PolicyDocument = {
  Version: '2012-10-17',
  Statement: {
    Action: 'ec2:*',
    Effect: 'Allow',
    Resource: '*',
    Condition: { Null: { 'aws:TokenIssueTime': 'true' } },
  },
};
const RUN_INSTANCES: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'RunInstance',
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: '*',
      Condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
    },
    {
      Sid: 'DescribeActions',
      Effect: 'Allow',
      Action: [
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeVpcs',
        'ec2:DescribeKeyPairs',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
      ],
      Resource: '*',
    },
  ],
};
const DENY_RESTRICTED_TAGS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyRestrictedTags',
      Effect: 'Deny',
      Action: ['iam:Tag*', 'iam:UnTag*'],
      Resource: ['*'],
      Condition: {
        Null: { 'aws:TagKeys': 'false' },
        'ForAllValues:StringLike': { 'aws:TagKeys': ['key1*', 'key2*', 'key3*'] },
      },
    },
  ],
};
const DENY_SNAPSHOT_TAGS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Deny',
    Action: 'ec2:CreateSnapshot',
    Resource: '*',
    Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'webserver'] } },
  },
};
const ALLOW_ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
};
const DDB_TABLE = 'arn:aws:dynamodb:us-east-1:123456789012:table/Thread';
const DDB_ONLY_SOME_ATTRIBUTES: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: DDB_TABLE,
      Condition: {
        'ForAllValues:StringLike': {
          'dynamodb:requestedAttributes': ['PostDateTime', 'Message', 'Tags'],
        },
      },
    },
  ],
};
const HOME_DIRECTORY = (version: '2012-10-17' | '2008-10-17'): PolicyDocument => ({
  Version: version,
  Statement: [
    {
      Action: ['s3:GetObject', 's3:PutObject'],
      Effect: 'Allow',
      Resource: ['arn:aws:s3:::mybucket/${aws:username}/*'],
    },
  ],
});
const NOT_IAM: PolicyDocument = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
};

/** S3 only through the AWS MCP Server, and ToolHive's guardrail against direct calls (aws-sts.mdx). */
const MCP_POLICY = `{"Version":"2012-10-17","Statement":[
 {"Sid":"AllowS3ViaMcpOnly","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*",
  "Condition":{"StringEquals":{"aws:CalledViaAWSMCP":"aws-mcp.amazonaws.com"}}},
 {"Sid":"DenyDirectAPIAccess","Effect":"Deny","Action":"*","Resource":"*",
  "Condition":{"BoolIfExists":{"aws:ViaAWSMCPService":"false"}}}]}`;
/** ToolHive's default role, usable only through MCP (aws-sts.mdx). */
const DEFAULT_ROLE_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 'sts:GetCallerIdentity',
    Resource: '*',
    Condition: { Bool: { 'aws:ViaAWSMCPService': 'true' } },
  },
};
const DENY_LIST_BUCKET: PolicyDocument = {
  Version: '2012-10-17',
  Statement: {
    Sid: 'NoListing',
    Effect: 'Deny',
    Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::reports',
  },
};
const VIA_MCP = { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com', 'aws:ViaAWSMCPService': true };

interface Case {
  name: string;
  policies: PolicyInput[];
  request: AuthorizationRequest;
  decision: Decision;
  /** Sids (or "policy:statement") of the deciding statements, in order. */
  deciding?: string[];
  /** A fragment the explanation must contain. */
  explanation?: string;
}

const cases: Case[] = [
  {
    name: 'AWS doc: iam:GetRole is allowed by AllowGetList',
    policies: [GET_LIST_DENY_REPORTS],
    request: { action: 'iam:GetRole', resource: '*' },
    decision: 'Allow',
    deciding: ['AllowGetList'],
  },
  {
    name: 'AWS doc: iam:CreatePolicy is implicitly denied',
    policies: [GET_LIST_DENY_REPORTS],
    request: { action: 'iam:CreatePolicy', resource: '*' },
    decision: 'ImplicitDeny',
    deciding: [],
    explanation: 'Action iam:CreatePolicy not matched by ["iam:Get*", "iam:List*"]',
  },
  {
    name: 'AWS doc: iam:GetOrganizationsAccessReport is explicitly denied',
    policies: [GET_LIST_DENY_REPORTS],
    request: { action: 'iam:GetOrganizationsAccessReport', resource: '*' },
    decision: 'ExplicitDeny',
    deciding: ['DenyReports'],
    explanation: 'An explicit Deny overrides any Allow',
  },
  {
    name: 'AWS doc: another policy allowing reports does not help',
    policies: [GET_LIST_DENY_REPORTS, ALLOW_REPORTS],
    request: { action: 'iam:GenerateCredentialReport', resource: '*' },
    decision: 'ExplicitDeny',
    deciding: ['DenyReports'],
  },
  {
    name: 'AWS doc: S3 over plain HTTP is denied',
    policies: [ALLOW_S3, DENY_WITHOUT_TLS],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/a.txt',
      context: { 'aws:SecureTransport': false },
    },
    decision: 'ExplicitDeny',
    deciding: ['BooleanExample'],
  },
  {
    name: 'AWS doc: S3 over TLS is allowed',
    policies: [ALLOW_S3, DENY_WITHOUT_TLS],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/a.txt',
      context: { 'aws:SecureTransport': true },
    },
    decision: 'Allow',
    deciding: ['AllowS3'],
  },
  {
    name: 'AWS doc: the TLS deny covers only its bucket',
    policies: [ALLOW_S3, DENY_WITHOUT_TLS],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::other-bucket/a.txt',
      context: { 'aws:SecureTransport': false },
    },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: EC2 with long-term credentials',
    policies: [EC2_ONLY_LONG_TERM],
    request: { action: 'ec2:DescribeInstances', resource: '*' },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: EC2 with temporary credentials',
    policies: [EC2_ONLY_LONG_TERM],
    request: {
      action: 'ec2:DescribeInstances',
      resource: '*',
      context: { 'aws:TokenIssueTime': '2026-05-06T10:00:00Z' },
    },
    decision: 'ImplicitDeny',
    explanation: 'key is present',
  },
  {
    name: 'AWS doc: RunInstances on an image (no ec2:InstanceType)',
    policies: [RUN_INSTANCES],
    request: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1::image/ami-12345678' },
    decision: 'Allow',
    deciding: ['RunInstance'],
  },
  {
    name: 'AWS doc: RunInstances for a t2 instance',
    policies: [RUN_INSTANCES],
    request: {
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
      context: { 'ec2:InstanceType': 't2.micro' },
    },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: RunInstances for a c5 instance',
    policies: [RUN_INSTANCES],
    request: {
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
      context: { 'ec2:InstanceType': 'c5.large' },
    },
    decision: 'ImplicitDeny',
  },
  {
    name: 'AWS doc: DescribeImages',
    policies: [RUN_INSTANCES],
    request: { action: 'ec2:DescribeImages', resource: '*' },
    decision: 'Allow',
    deciding: ['DescribeActions'],
  },
  {
    name: 'AWS doc: tagging with only restricted key prefixes is denied',
    policies: [ALLOW_ALL, DENY_RESTRICTED_TAGS],
    request: {
      action: 'iam:TagRole',
      resource: 'arn:aws:iam::123456789012:role/R',
      context: { 'aws:TagKeys': ['key1-team', 'key2-cost'] },
    },
    decision: 'ExplicitDeny',
    deciding: ['DenyRestrictedTags'],
  },
  {
    name: 'AWS doc: a tag key outside the prefixes escapes ForAllValues',
    policies: [ALLOW_ALL, DENY_RESTRICTED_TAGS],
    request: {
      action: 'iam:TagRole',
      resource: 'arn:aws:iam::123456789012:role/R',
      context: { 'aws:TagKeys': ['key1-team', 'owner'] },
    },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: the Null guard stops ForAllValues matching no tags',
    policies: [ALLOW_ALL, DENY_RESTRICTED_TAGS],
    request: { action: 'iam:UntagRole', resource: 'arn:aws:iam::123456789012:role/R' },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: a snapshot tagged environment is denied',
    policies: [ALLOW_ALL, DENY_SNAPSHOT_TAGS],
    request: {
      action: 'ec2:CreateSnapshot',
      resource: '*',
      context: { 'aws:TagKeys': ['environment', 'dept'] },
    },
    decision: 'ExplicitDeny',
  },
  {
    name: 'AWS doc: a snapshot with other tags is allowed',
    policies: [ALLOW_ALL, DENY_SNAPSHOT_TAGS],
    request: { action: 'ec2:CreateSnapshot', resource: '*', context: { 'aws:TagKeys': ['dept'] } },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: reading only allowed DynamoDB attributes',
    policies: [DDB_ONLY_SOME_ATTRIBUTES],
    request: {
      action: 'dynamodb:GetItem',
      resource: DDB_TABLE,
      context: { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message'] },
    },
    decision: 'Allow',
  },
  {
    name: 'AWS doc: reading the ID attribute',
    policies: [DDB_ONLY_SOME_ATTRIBUTES],
    request: {
      action: 'dynamodb:GetItem',
      resource: DDB_TABLE,
      context: { 'dynamodb:requestedAttributes': ['ID', 'Message'] },
    },
    decision: 'ImplicitDeny',
  },
  {
    name: 'AWS doc: ${aws:username} home directory',
    policies: [HOME_DIRECTORY('2012-10-17')],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::mybucket/David/notes.txt',
      context: { 'aws:username': 'David' },
    },
    decision: 'Allow',
  },
  {
    name: "AWS doc: someone else's home directory",
    policies: [HOME_DIRECTORY('2012-10-17')],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::mybucket/Adele/notes.txt',
      context: { 'aws:username': 'David' },
    },
    decision: 'ImplicitDeny',
  },
  {
    name: 'AWS doc: variables are literal without Version 2012-10-17',
    policies: [HOME_DIRECTORY('2008-10-17')],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::mybucket/David/notes.txt',
      context: { 'aws:username': 'David' },
    },
    decision: 'ImplicitDeny',
  },
  {
    name: 'NotAction allows everything else',
    policies: [NOT_IAM],
    request: { action: 's3:GetObject', resource: '*' },
    decision: 'Allow',
    explanation: 'Action s3:GetObject is not in NotAction ["iam:*"]',
  },
  {
    name: 'NotAction excludes IAM',
    policies: [NOT_IAM],
    request: { action: 'iam:CreateUser', resource: '*' },
    decision: 'ImplicitDeny',
    explanation: 'Action iam:CreateUser is excluded by NotAction "iam:*"',
  },
  {
    name: 'no policies',
    policies: [],
    request: { action: 's3:GetObject', resource: '*' },
    decision: 'ImplicitDeny',
    explanation: 'There are no policies to evaluate.',
  },
  {
    name: 'only Deny statements',
    policies: [DENY_WITHOUT_TLS],
    request: { action: 's3:GetObject', resource: '*', context: { 'aws:SecureTransport': true } },
    decision: 'ImplicitDeny',
    explanation: 'The policies contain no Allow statement.',
  },
  // The project's AWS MCP permission policy (see MCP_POLICY)
  {
    name: 'MCP: S3 through the AWS MCP Server is allowed',
    policies: [MCP_POLICY],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::reports', context: VIA_MCP },
    decision: 'Allow',
    deciding: ['AllowS3ViaMcpOnly'],
  },
  {
    name: 'MCP: a direct call without the MCP keys is denied by the guardrail',
    policies: [MCP_POLICY],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv' },
    decision: 'ExplicitDeny',
    deciding: ['DenyDirectAPIAccess'],
    explanation: 'Condition BoolIfExists aws:ViaAWSMCPService: key not present → true (IfExists)',
  },
  {
    name: 'MCP: a call marked as not via MCP is denied',
    policies: [MCP_POLICY],
    request: {
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::reports',
      context: { 'aws:ViaAWSMCPService': false },
    },
    decision: 'ExplicitDeny',
    deciding: ['DenyDirectAPIAccess'],
  },
  {
    name: 'MCP: an action outside the allow list is implicitly denied',
    policies: [MCP_POLICY],
    request: { action: 's3:PutObject', resource: 'arn:aws:s3:::reports/x', context: VIA_MCP },
    decision: 'ImplicitDeny',
    explanation: 'Action s3:PutObject not matched by ["s3:GetObject", "s3:ListBucket"]',
  },
  {
    name: 'MCP: another managed MCP server is not aws-mcp',
    policies: [MCP_POLICY],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::reports/x',
      context: { 'aws:CalledViaAWSMCP': 'eks-mcp.amazonaws.com', 'aws:ViaAWSMCPService': true },
    },
    decision: 'ImplicitDeny',
    explanation: 'request value "eks-mcp.amazonaws.com" ≠ "aws-mcp.amazonaws.com"',
  },
  {
    name: 'MCP: an explicit Deny in another policy beats the Allow',
    policies: [MCP_POLICY, DENY_LIST_BUCKET],
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::reports', context: VIA_MCP },
    decision: 'ExplicitDeny',
    deciding: ['NoListing'],
  },
  {
    name: 'MCP: the default role through MCP',
    policies: [DEFAULT_ROLE_POLICY],
    request: { action: 'sts:GetCallerIdentity', resource: '*', context: VIA_MCP },
    decision: 'Allow',
  },
  {
    name: 'MCP: the default role called directly',
    policies: [DEFAULT_ROLE_POLICY],
    request: { action: 'sts:GetCallerIdentity', resource: '*' },
    decision: 'ImplicitDeny',
    explanation: 'key not present in request → false',
  },
  // A resource-based policy (parsed explicitly) consults the request principal
  {
    name: 'resource policy names the caller',
    policies: [
      parsePolicy(
        {
          Version: '2012-10-17',
          Statement: {
            Effect: 'Allow',
            Principal: { AWS: '123456789012' },
            Action: 'sqs:SendMessage',
            Resource: '*',
          },
        },
        { kind: 'resource' }
      ),
    ],
    request: {
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:us-east-1:123456789012:q',
      principal: { type: 'AWS', id: 'arn:aws:iam::123456789012:role/App' },
    },
    decision: 'Allow',
  },
  {
    name: 'resource policy without a request principal',
    policies: [
      parsePolicy(
        {
          Version: '2012-10-17',
          Statement: { Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' },
        },
        { kind: 'resource' }
      ),
    ],
    request: { action: 'sqs:SendMessage', resource: '*' },
    decision: 'ImplicitDeny',
    explanation: 'the request names no principal',
  },
];

for (const c of cases) {
  test(`evaluatePolicies: ${c.name}`, () => {
    const result = evaluatePolicies(c.policies, c.request);
    assert.equal(result.decision, c.decision, result.explanation);
    assert.equal(result.allowed, c.decision === 'Allow');
    if (c.deciding) {
      assert.deepEqual(
        result.deciding.map((d) => d.sid ?? `${d.policyIndex}:${d.statementIndex}`),
        c.deciding
      );
    }
    if (c.explanation) assert.ok(result.explanation.includes(c.explanation), result.explanation);
    const total = c.policies.reduce(
      (n, p) =>
        n +
        (typeof p === 'object' && 'statements' in p
          ? p.statements.length
          : parsePolicy(p).statements.length),
      0
    );
    assert.equal(result.statements.length, total, 'every statement is traced');
  });
}

test('evaluatePolicies: the trace explains the wrong-audience style of reason', () => {
  const result = evaluatePolicies([MCP_POLICY], {
    action: 's3:GetObject',
    resource: '*',
    context: { 'aws:CalledViaAWSMCP': 'wrong', 'aws:ViaAWSMCPService': true },
  });
  const allow = result.statements[0];
  assert.equal(allow?.applies, false);
  assert.equal(
    allow?.reason,
    'Condition StringEquals aws:CalledViaAWSMCP: request value "wrong" ≠ "aws-mcp.amazonaws.com" → false'
  );
  assert.deepEqual(
    allow?.checks.map((c) => [c.element, c.matched]),
    [
      ['Action', true],
      ['Resource', true],
      ['Condition', false],
    ]
  );
});

const errors: Array<{
  name: string;
  policies: PolicyInput[];
  request: AuthorizationRequest;
  path: string;
}> = [
  {
    name: 'a malformed second policy',
    policies: [
      ALLOW_S3,
      {
        Statement: [{ Effect: 'Permit', Action: 's3:*', Resource: '*' }],
      } as unknown as PolicyDocument,
    ],
    request: { action: 's3:GetObject', resource: '*' },
    path: 'policies[1].Statement[0].Effect',
  },
  {
    name: 'a Principal in an identity policy',
    policies: [{ Statement: { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' } }],
    request: { action: 's3:GetObject', resource: '*' },
    path: 'policies[0].Statement.Principal',
  },
  {
    name: 'an action without a service',
    policies: [ALLOW_S3],
    request: { action: 'GetObject', resource: '*' },
    path: 'request.action',
  },
  {
    name: 'an empty resource',
    policies: [ALLOW_S3],
    request: { action: 's3:GetObject', resource: '' },
    path: 'request.resource',
  },
];

for (const c of errors) {
  test(`evaluatePolicies rejects ${c.name}`, () => {
    assert.throws(
      () => evaluatePolicies(c.policies, c.request),
      (e: unknown) => isAwsStsError(e) && e.code === 'INVALID_INPUT' && e.path === c.path
    );
  });
}

// Wildcard matching for Action (case-insensitive) and Resource/ARN (case-sensitive, segment-wise),
// per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// ("wildcard characters (* and ?) within any ARN segment (the parts separated by colons)").
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { contextLookup } from './context';
import { matchAction, matchArn, matchResource } from './matchPattern';

interface Case {
  name: string;
  kind: 'action' | 'resource' | 'arn';
  pattern: string;
  value: string;
  expected: boolean;
  context?: Record<string, string | string[]>;
  unresolved?: string;
}

const cases: Case[] = [
  {
    name: '* matches any action',
    kind: 'action',
    pattern: '*',
    value: 's3:GetObject',
    expected: true,
  },
  {
    name: 'exact action',
    kind: 'action',
    pattern: 's3:GetObject',
    value: 's3:GetObject',
    expected: true,
  },
  {
    name: 'actions are case-insensitive',
    kind: 'action',
    pattern: 'S3:getobject',
    value: 's3:GetObject',
    expected: true,
  },
  {
    name: 'prefix wildcard',
    kind: 'action',
    pattern: 'iam:Get*',
    value: 'iam:GetRole',
    expected: true,
  },
  {
    name: 'suffix wildcard (AWS doc DenyReports)',
    kind: 'action',
    pattern: 'iam:*Report',
    value: 'iam:GetOrganizationsAccessReport',
    expected: true,
  },
  {
    name: 'suffix wildcard misses',
    kind: 'action',
    pattern: 'iam:*Report',
    value: 'iam:GenerateCredentialReports',
    expected: false,
  },
  {
    name: '? is one character',
    kind: 'action',
    pattern: 's3:Get?bject',
    value: 's3:GetObject',
    expected: true,
  },
  {
    name: '? is not zero characters',
    kind: 'action',
    pattern: 's3:GetO?bject',
    value: 's3:GetObject',
    expected: false,
  },
  {
    name: 'other service',
    kind: 'action',
    pattern: 's3:*',
    value: 'sts:GetCallerIdentity',
    expected: false,
  },
  {
    name: 'regex characters are literal',
    kind: 'action',
    pattern: 's3:Get.bject',
    value: 's3:GetObject',
    expected: false,
  },
  {
    name: '* matches any resource',
    kind: 'resource',
    pattern: '*',
    value: 'arn:aws:s3:::bucket',
    expected: true,
  },
  {
    name: 'bucket objects',
    kind: 'resource',
    pattern: 'arn:aws:s3:::my_corporate_bucket/*',
    value: 'arn:aws:s3:::my_corporate_bucket/a/b.txt',
    expected: true,
  },
  {
    name: 'bucket itself is not an object',
    kind: 'resource',
    pattern: 'arn:aws:s3:::my_corporate_bucket/*',
    value: 'arn:aws:s3:::my_corporate_bucket',
    expected: false,
  },
  {
    name: 'resources are case-sensitive',
    kind: 'resource',
    pattern: 'arn:aws:s3:::Bucket/*',
    value: 'arn:aws:s3:::bucket/k',
    expected: false,
  },
  {
    name: 'IAM users under a path',
    kind: 'resource',
    pattern: 'arn:aws:iam::123456789012:user/accounting/*',
    value: 'arn:aws:iam::123456789012:user/accounting/bob',
    expected: true,
  },
  {
    name: 'wildcard region segment',
    kind: 'resource',
    pattern: 'arn:aws:sqs:*:123456789012:queue1',
    value: 'arn:aws:sqs:us-east-2:123456789012:queue1',
    expected: true,
  },
  {
    name: 'a segment wildcard does not span colons',
    kind: 'resource',
    pattern: 'arn:aws:sqs:*:queue1:*',
    value: 'arn:aws:sqs:us-east-2:123456789012:queue1:x',
    expected: false,
  },
  {
    name: 'a pattern with too few segments',
    kind: 'arn',
    pattern: 'arn:aws:sqs:*:queue1',
    value: 'arn:aws:sqs:us-east-2:123456789012:queue1',
    expected: false,
  },
  {
    name: 'the resource part keeps its colons',
    kind: 'resource',
    pattern: 'arn:aws:s3:::bucket/*',
    value: 'arn:aws:s3:::bucket/a:b:c',
    expected: true,
  },
  {
    name: 'a non-ARN request resource',
    kind: 'resource',
    pattern: 'arn:aws:s3:::*',
    value: 'bucket',
    expected: false,
  },
  {
    name: 'policy variable in the resource',
    kind: 'resource',
    pattern: 'arn:aws:s3:::mybucket/${aws:username}/*',
    value: 'arn:aws:s3:::mybucket/David/notes.txt',
    expected: true,
    context: { 'aws:username': 'David' },
  },
  {
    name: 'policy variable for someone else',
    kind: 'resource',
    pattern: 'arn:aws:s3:::mybucket/${aws:username}/*',
    value: 'arn:aws:s3:::mybucket/Adele/notes.txt',
    expected: false,
    context: { 'aws:username': 'David' },
  },
  {
    name: 'a variable value with a colon stays in its segment',
    kind: 'resource',
    pattern: 'arn:aws:s3:::b/${aws:userid}',
    value: 'arn:aws:s3:::b/AROAEXAMPLE:alice',
    expected: true,
    context: { 'aws:userid': 'AROAEXAMPLE:alice' },
  },
  {
    name: 'a variable value with * is literal',
    kind: 'resource',
    pattern: 'arn:aws:s3:::b/${aws:username}',
    value: 'arn:aws:s3:::b/anything',
    expected: false,
    context: { 'aws:username': '*' },
  },
  {
    name: 'an absent variable never matches',
    kind: 'resource',
    pattern: 'arn:aws:s3:::b/${aws:username}',
    value: 'arn:aws:s3:::b/x',
    expected: false,
    context: {},
    unresolved: 'aws:username',
  },
  {
    name: 'a multivalued key is not a variable',
    kind: 'resource',
    pattern: 'arn:aws:s3:::b/${aws:TagKeys}',
    value: 'arn:aws:s3:::b/a',
    expected: false,
    context: { 'aws:TagKeys': ['a', 'b'] },
    unresolved: 'aws:TagKeys',
  },
  {
    name: 'ArnLike with * as the whole pattern',
    kind: 'arn',
    pattern: '*',
    value: 'arn:aws:iam::123456789012:role/X',
    expected: true,
  },
  {
    name: 'ArnLike account wildcard',
    kind: 'arn',
    pattern: 'arn:aws:iam::*:role/MCP*',
    value: 'arn:aws:iam::123456789012:role/MCPReader',
    expected: true,
  },
];

for (const c of cases) {
  test(`match ${c.kind}: ${c.name}`, () => {
    const variables = c.context ? contextLookup(c.context) : undefined;
    if (c.kind === 'action') {
      assert.equal(matchAction(c.pattern, c.value), c.expected);
      return;
    }
    const result =
      c.kind === 'resource'
        ? matchResource(c.pattern, c.value, variables)
        : matchArn(c.pattern, c.value, variables);
    assert.equal(result.matched, c.expected);
    assert.equal(result.unresolved, c.unresolved);
  });
}

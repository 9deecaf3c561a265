// Condition block semantics, one table. Expected outcomes follow the IAM User Guide:
// - Condition operators (missing keys, negated operators, IfExists, Null, ARN segments):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// - AND across operators and keys, OR across values, NOR for negated operators:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
// - ForAllValues / ForAnyValue (DynamoDB requestedAttributes examples, empty data sets):
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
// - Policy variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { evaluateConditions } from './conditions';
import { contextLookup } from './context';
import { parsePolicy } from './parsePolicy';
import type { PolicyCondition, PolicyVersion, RequestContext } from './types';

interface Case {
  name: string;
  condition: PolicyCondition;
  context: RequestContext;
  expected: boolean;
  /** A fragment the trace must contain. */
  detail?: string;
  version?: PolicyVersion;
}

const AUD = 'dev-123456.okta.com/oauth2/default:aud';
const DDB_ALLOWED = ['PostDateTime', 'Message', 'Tags'];

const cases: Case[] = [
  // String operators
  {
    name: 'StringEquals matches the audience',
    condition: { StringEquals: { [AUD]: 'toolhive-aws' } },
    context: { [AUD]: 'toolhive-aws' },
    expected: true,
    detail: '"toolhive-aws" = "toolhive-aws"',
  },
  {
    name: 'StringEquals names the wrong audience',
    condition: { StringEquals: { [AUD]: 'toolhive-aws' } },
    context: { [AUD]: 'wrong' },
    expected: false,
    detail: `Condition StringEquals ${AUD}: request value "wrong" ≠ "toolhive-aws" → false`,
  },
  {
    name: 'StringEquals with the key absent is false',
    condition: { StringEquals: { [AUD]: 'toolhive-aws' } },
    context: {},
    expected: false,
    detail: 'key not present in request → false',
  },
  {
    name: 'condition keys are case-insensitive',
    condition: { StringEquals: { 'AWS:CalledViaAWSMCP': 'aws-mcp.amazonaws.com' } },
    context: { 'aws:calledviaawsmcp': 'aws-mcp.amazonaws.com' },
    expected: true,
  },
  {
    name: 'StringEquals values are case-sensitive',
    condition: { StringEquals: { [AUD]: 'toolhive-aws' } },
    context: { [AUD]: 'Toolhive-AWS' },
    expected: false,
  },
  {
    name: 'StringEqualsIgnoreCase ignores case',
    condition: { StringEqualsIgnoreCase: { [AUD]: 'toolhive-aws' } },
    context: { [AUD]: 'Toolhive-AWS' },
    expected: true,
  },
  {
    name: 'StringEquals has no wildcards',
    condition: { StringEquals: { 'aws:username': '*' } },
    context: { 'aws:username': 'alice' },
    expected: false,
  },
  {
    name: 'StringEquals compares "*" literally',
    condition: { StringEquals: { 'aws:username': '*' } },
    context: { 'aws:username': '*' },
    expected: true,
  },
  {
    name: 'several values are ORed',
    condition: { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } },
    context: { 'aws:PrincipalTag/team': 'blue' },
    expected: true,
  },
  {
    name: 'several keys are ANDed (one missing)',
    condition: { StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/dept': 'eng' } },
    context: { 'aws:PrincipalTag/team': 'red' },
    expected: false,
  },
  {
    name: 'several keys are ANDed (both match)',
    condition: { StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/dept': 'eng' } },
    context: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/dept': 'eng' },
    expected: true,
  },
  {
    name: 'several operators are ANDed',
    condition: {
      StringEquals: { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com' },
      Bool: { 'aws:ViaAWSMCPService': 'true' },
    },
    context: { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com', 'aws:ViaAWSMCPService': false },
    expected: false,
  },
  {
    name: 'StringNotEquals: a value outside the list',
    condition: { StringNotEquals: { 'aws:RequestTag/DataClass': ['public', 'internal'] } },
    context: { 'aws:RequestTag/DataClass': 'private' },
    expected: true,
  },
  {
    name: 'StringNotEquals: values are NORed',
    condition: { StringNotEquals: { 'aws:RequestTag/DataClass': ['public', 'internal'] } },
    context: { 'aws:RequestTag/DataClass': 'internal' },
    expected: false,
    detail: 'request value "internal" = "internal" → false',
  },
  {
    name: 'negated operator with the key absent is true',
    condition: { StringNotEquals: { 'aws:RequestTag/DataClass': 'public' } },
    context: {},
    expected: true,
    detail: 'key not present → true (negated operator)',
  },
  {
    name: 'StringNotEqualsIgnoreCase',
    condition: { StringNotEqualsIgnoreCase: { 'aws:RequestTag/DataClass': 'Public' } },
    context: { 'aws:RequestTag/DataClass': 'PUBLIC' },
    expected: false,
  },
  {
    name: 'StringLike with *',
    condition: { StringLike: { 's3:prefix': 'home/*' } },
    context: { 's3:prefix': 'home/alice/notes' },
    expected: true,
  },
  {
    name: 'StringLike is case-sensitive',
    condition: { StringLike: { 's3:prefix': 'home/*' } },
    context: { 's3:prefix': 'Home/alice' },
    expected: false,
  },
  {
    name: 'StringLike ? is exactly one character',
    condition: { StringLike: { 'ec2:InstanceType': 't?.micro' } },
    context: { 'ec2:InstanceType': 't23.micro' },
    expected: false,
  },
  {
    name: 'StringNotLike with the key absent',
    condition: { StringNotLike: { 'aws:TagKeys': 'key1*' } },
    context: {},
    expected: true,
  },
  // Numeric: the s3:max-keys example
  {
    name: 'NumericLessThanEquals at the bound',
    condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '10' },
    expected: true,
  },
  {
    name: 'NumericLessThanEquals above the bound',
    condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': 11 },
    expected: false,
    detail: 'request value "11" is not ≤ "10"',
  },
  {
    name: 'Numeric request value that is not a number',
    condition: { NumericLessThan: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': 'ten' },
    expected: false,
    detail: 'request value "ten" is not a number',
  },
  {
    name: 'NumericNotEquals with several values',
    condition: { NumericNotEquals: { 's3:max-keys': ['1', '2'] } },
    context: { 's3:max-keys': 2 },
    expected: false,
  },
  {
    name: 'NumericGreaterThan with decimals',
    condition: { NumericGreaterThan: { 'ec2:VolumeSize': 1.5 } },
    context: { 'ec2:VolumeSize': '2' },
    expected: true,
  },
  // Date: the aws:TokenIssueTime example
  {
    name: 'DateGreaterThan: credentials issued after',
    condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } },
    context: { 'aws:TokenIssueTime': '2020-06-01T00:00:00Z' },
    expected: true,
  },
  {
    name: 'DateGreaterThan: credentials issued before',
    condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } },
    context: { 'aws:TokenIssueTime': '2019-12-31T23:59:59Z' },
    expected: false,
  },
  {
    name: 'DateGreaterThan: long-term keys carry no aws:TokenIssueTime',
    condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } },
    context: {},
    expected: false,
  },
  {
    name: 'DateLessThan with epoch seconds in the request',
    condition: { DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' } },
    context: { 'aws:CurrentTime': 1767225600 },
    expected: true,
  },
  {
    name: 'DateEquals: epoch seconds equal an ISO date',
    condition: { DateEquals: { 'aws:CurrentTime': '1577836801' } },
    context: { 'aws:CurrentTime': '2020-01-01T00:00:01Z' },
    expected: true,
  },
  {
    name: 'DateEquals honours UTC offsets',
    condition: { DateEquals: { 'aws:CurrentTime': '2020-01-01T01:00:01+01:00' } },
    context: { 'aws:CurrentTime': '2020-01-01T00:00:01Z' },
    expected: true,
  },
  {
    name: 'DateLessThanEquals with a date only',
    condition: { DateLessThanEquals: { 'aws:CurrentTime': '2020-01-01' } },
    context: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
    expected: true,
  },
  {
    name: 'Date policy value that is not a date',
    condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } },
    context: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
    expected: false,
    detail: 'policy value "tomorrow" is not a date',
  },
  {
    name: 'DateNotEquals with the key absent',
    condition: { DateNotEquals: { 'aws:CurrentTime': '2020-01-01' } },
    context: {},
    expected: true,
  },
  // Bool: the aws:SecureTransport example
  {
    name: 'Bool false matches a plain-HTTP request',
    condition: { Bool: { 'aws:SecureTransport': 'false' } },
    context: { 'aws:SecureTransport': false },
    expected: true,
  },
  {
    name: 'Bool false does not match HTTPS',
    condition: { Bool: { 'aws:SecureTransport': 'false' } },
    context: { 'aws:SecureTransport': true },
    expected: false,
  },
  {
    name: 'Bool accepts "true" text in the request',
    condition: { Bool: { 'aws:ViaAWSMCPService': true } },
    context: { 'aws:ViaAWSMCPService': 'true' },
    expected: true,
  },
  {
    name: 'Bool with the key absent',
    condition: { Bool: { 'aws:ViaAWSMCPService': 'true' } },
    context: {},
    expected: false,
  },
  // IfExists
  {
    name: 'BoolIfExists with the key absent is true',
    condition: { BoolIfExists: { 'aws:ViaAWSMCPService': 'false' } },
    context: {},
    expected: true,
    detail: 'key not present → true (IfExists)',
  },
  {
    name: 'BoolIfExists with the key present compares',
    condition: { BoolIfExists: { 'aws:ViaAWSMCPService': 'false' } },
    context: { 'aws:ViaAWSMCPService': true },
    expected: false,
  },
  {
    name: 'StringLikeIfExists: a resource without ec2:InstanceType',
    condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
    context: {},
    expected: true,
  },
  {
    name: 'StringLikeIfExists: an allowed instance type',
    condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
    context: { 'ec2:InstanceType': 't2.micro' },
    expected: true,
  },
  {
    name: 'StringLikeIfExists: another instance type',
    condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
    context: { 'ec2:InstanceType': 'c5.large' },
    expected: false,
  },
  {
    name: 'StringLike (no IfExists) without ec2:InstanceType fails',
    condition: { StringLike: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
    context: {},
    expected: false,
  },
  {
    name: 'StringNotEqualsIfExists with the key absent',
    condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/env': 'prod' } },
    context: {},
    expected: true,
  },
  {
    name: 'NumericLessThanIfExists with the key present',
    condition: { NumericLessThanIfExists: { 's3:max-keys': '3' } },
    context: { 's3:max-keys': 5 },
    expected: false,
  },
  // Null: the aws:TokenIssueTime example
  {
    name: 'Null true: long-term credentials (key absent)',
    condition: { Null: { 'aws:TokenIssueTime': 'true' } },
    context: {},
    expected: true,
  },
  {
    name: 'Null true: temporary credentials (key present)',
    condition: { Null: { 'aws:TokenIssueTime': 'true' } },
    context: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
    expected: false,
  },
  {
    name: 'Null false: key present',
    condition: { Null: { 'aws:TokenIssueTime': false } },
    context: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
    expected: true,
  },
  {
    name: 'Null false: an empty multivalued key counts as absent',
    condition: { Null: { 'aws:TagKeys': 'false' } },
    context: { 'aws:TagKeys': [] },
    expected: false,
  },
  // ForAllValues / ForAnyValue: the DynamoDB requestedAttributes examples
  {
    name: 'ForAllValues: every requested attribute is allowed',
    condition: { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': DDB_ALLOWED } },
    context: { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message'] },
    expected: true,
  },
  {
    name: 'ForAllValues: UserName is not in the list',
    condition: { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': DDB_ALLOWED } },
    context: { 'dynamodb:requestedAttributes': ['PostDateTime', 'UserName'] },
    expected: false,
    detail: 'request value "UserName" does not match any of',
  },
  {
    name: 'ForAllValues: an empty data set is true',
    condition: { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': DDB_ALLOWED } },
    context: { 'dynamodb:requestedAttributes': [] },
    expected: true,
  },
  {
    name: 'ForAllValues: a missing key is true',
    condition: { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': DDB_ALLOWED } },
    context: {},
    expected: true,
    detail: 'true (ForAllValues)',
  },
  {
    name: 'ForAnyValue: PostDateTime is forbidden',
    condition: {
      'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID', 'PostDateTime'] },
    },
    context: { 'dynamodb:requestedAttributes': ['UserName', 'Message', 'PostDateTime'] },
    expected: true,
  },
  {
    name: 'ForAnyValue: only UserName',
    condition: {
      'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID', 'PostDateTime'] },
    },
    context: { 'dynamodb:requestedAttributes': ['UserName'] },
    expected: false,
  },
  {
    name: 'ForAnyValue: an empty data set is false',
    condition: { 'ForAnyValue:StringLike': { 'dynamodb:requestedAttributes': ['ID'] } },
    context: { 'dynamodb:requestedAttributes': [] },
    expected: false,
  },
  {
    name: 'ForAnyValue: a missing key is false',
    condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } },
    context: {},
    expected: false,
    detail: 'false (ForAnyValue)',
  },
  {
    name: 'ForAnyValue…IfExists: a missing key is true (IfExists)',
    condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['environment'] } },
    context: {},
    expected: true,
  },
  {
    name: 'ForAllValues:StringNotEquals: no request value is listed',
    condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } },
    context: { 'aws:TagKeys': ['Dept', 'SIC'] },
    expected: true,
  },
  {
    name: 'ForAllValues:StringNotEquals: one request value is listed',
    condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } },
    context: { 'aws:TagKeys': ['Dept', 'DataClass'] },
    expected: false,
  },
  {
    name: 'ForAnyValue:StringNotEquals: some request value is not listed',
    condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } },
    context: { 'aws:TagKeys': ['Dept', 'DataClass'] },
    expected: true,
  },
  {
    name: 'ForAnyValue:StringNotEquals: every request value is listed',
    condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['DataClass', 'Owner'] } },
    context: { 'aws:TagKeys': ['DataClass', 'Owner'] },
    expected: false,
  },
  {
    name: 'a plain operator on a multivalued key: any value matches',
    condition: { StringEquals: { 'aws:TagKeys': 'Owner' } },
    context: { 'aws:TagKeys': ['Dept', 'Owner'] },
    expected: true,
  },
  {
    name: 'a negated plain operator on a multivalued key: none may match',
    condition: { StringNotEquals: { 'aws:TagKeys': 'Owner' } },
    context: { 'aws:TagKeys': ['Dept', 'Owner'] },
    expected: false,
  },
  // ARN operators: the someservice example (StringLike matches across colons, ArnLike does not)
  {
    name: 'StringLike spans colons',
    condition: { StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
    context: {
      'aws:SourceArn':
        'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    },
    expected: true,
  },
  {
    name: 'ArnLike matches segment by segment',
    condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
    context: {
      'aws:SourceArn':
        'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    },
    expected: false,
  },
  {
    name: 'ArnEquals behaves like ArnLike',
    condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:TOPIC-*' } },
    context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:TOPIC-ID' },
    expected: true,
  },
  {
    name: 'ArnNotLike with a matching ARN',
    condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin*' } },
    context: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/AdminMCPRole' },
    expected: false,
  },
  // IP addresses and binary
  {
    name: 'IpAddress inside an IPv4 range',
    condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    context: { 'aws:SourceIp': '203.0.113.77' },
    expected: true,
  },
  {
    name: 'IpAddress with IPv4 and IPv6 ranges',
    condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } },
    context: { 'aws:SourceIp': '2001:db8:1234:5678::1' },
    expected: true,
  },
  {
    name: 'NotIpAddress outside the range',
    condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    context: { 'aws:SourceIp': '198.51.100.1' },
    expected: true,
  },
  {
    name: 'BinaryEquals compares base64 text',
    condition: { BinaryEquals: { 'custom:key': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
    context: { 'custom:key': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' },
    expected: true,
  },
  // Policy variables (2012-10-17 only)
  {
    name: 'a policy variable resolves from the request',
    condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
    context: { 's3:prefix': 'home/alice/x', 'aws:username': 'alice' },
    expected: true,
  },
  {
    name: 'a policy variable for another user',
    condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
    context: { 's3:prefix': 'home/bob/x', 'aws:username': 'alice' },
    expected: false,
  },
  {
    name: 'an unresolved policy variable matches nothing',
    condition: { StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } },
    context: { 'aws:PrincipalTag/team': '${aws:username}' },
    expected: false,
    detail: 'policy variable ${aws:username} has no value',
  },
  {
    name: 'a policy variable default value',
    condition: { StringEquals: { 'aws:PrincipalTag/team': "${aws:userid, 'anonymous'}" } },
    context: { 'aws:PrincipalTag/team': 'anonymous' },
    expected: true,
  },
  {
    name: '${*} is not a wildcard',
    condition: { StringLike: { 's3:prefix': 'a${*}b' } },
    context: { 's3:prefix': 'axxb' },
    expected: false,
  },
  {
    name: '${*} is a literal asterisk',
    condition: { StringLike: { 's3:prefix': 'a${*}b' } },
    context: { 's3:prefix': 'a*b' },
    expected: true,
  },
  {
    name: 'variables are literal text in Version 2008-10-17',
    condition: { StringEquals: { 's3:prefix': '${aws:username}' } },
    context: { 's3:prefix': '${aws:username}', 'aws:username': 'alice' },
    expected: true,
    version: '2008-10-17',
  },
];

/** Wraps a Condition block in a minimal valid policy, so the cases exercise real parsing too. */
function clausesOf(condition: PolicyCondition, version: PolicyVersion) {
  const policy = parsePolicy({
    Version: version,
    Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition },
  });
  return { clauses: policy.statements[0]?.conditions ?? [], version: policy.version };
}

for (const c of cases) {
  test(`condition: ${c.name}`, () => {
    const { clauses, version } = clausesOf(c.condition, c.version ?? '2012-10-17');
    const result = evaluateConditions(clauses, contextLookup(c.context), version);
    const details = result.results.map((r) => r.detail).join(' | ');
    assert.equal(result.holds, c.expected, details);
    if (c.detail) assert.ok(details.includes(c.detail), `expected "${c.detail}" in: ${details}`);
  });
}

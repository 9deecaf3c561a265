import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizeCall, mcpRequestContext } from './authorize';
import { callerFor, type AwsCaller } from './caller';
import { issueTestCredentials, tutorialTestAccount } from '../../../test/support/accounts';

const NOW = new Date('2026-06-01T12:00:00Z');
const state = tutorialTestAccount();

function caller(roleName: string, session: string, policies?: string[]): AwsCaller {
  const creds = issueTestCredentials(state, roleName, session, new Date(NOW.getTime() + 3600_000));
  const base = callerFor(
    creds,
    state.findRoleByArn(creds.roleArn),
    state.accountId,
    state.partition
  );
  return policies ? { ...base, policies } : base;
}

describe('mcpRequestContext', () => {
  it('carries the AWS MCP keys, the principal and the time', () => {
    assert.deepEqual(mcpRequestContext(caller('DefaultMCPRole', 'bob'), NOW, 'us-east-1'), {
      'aws:ViaAWSMCPService': true,
      'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com',
      'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/DefaultMCPRole',
      'aws:PrincipalAccount': '123456789012',
      'aws:PrincipalType': 'AssumedRole',
      'aws:userid': 'AROADEFAULTEXAMPLE01:bob',
      'aws:RequestedRegion': 'us-east-1',
      'aws:SecureTransport': true,
      'aws:CurrentTime': '2026-06-01T12:00:00Z',
      'aws:EpochTime': 1780315200,
    });
  });
});

describe('authorizeCall', () => {
  const onlyOutsideMcp = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: '*',
        Condition: { Bool: { 'aws:ViaAWSMCPService': 'false' } },
      },
    ],
  });
  const byPrincipal = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::example-bucket',
        Condition: {
          ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/DefaultMCPRole' },
        },
      },
    ],
  });
  const cases: {
    name: string;
    who: AwsCaller;
    action: string;
    resource: string;
    allowed: boolean;
    message?: RegExp;
  }[] = [
    {
      name: 'S3 role may list the bucket through MCP',
      who: caller('S3ReadOnlyMCPRole', 'alice'),
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::example-bucket',
      allowed: true,
    },
    {
      name: 'default role may not, and the message names action and resource',
      who: caller('DefaultMCPRole', 'bob'),
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::example-bucket',
      allowed: false,
      message:
        /^User: arn:aws:sts::123456789012:assumed-role\/DefaultMCPRole\/bob is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::example-bucket" because no identity-based policy allows the s3:ListBucket action$/,
    },
    {
      name: 'a statement for direct calls does not apply through MCP',
      who: caller('DefaultMCPRole', 'bob', [onlyOutsideMcp]),
      action: 's3:ListBucket',
      resource: '*',
      allowed: false,
    },
    {
      name: 'aws:PrincipalArn is the role ARN',
      who: caller('DefaultMCPRole', 'bob', [byPrincipal]),
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::example-bucket',
      allowed: true,
    },
    {
      name: 'a malformed policy allows nothing',
      who: caller('DefaultMCPRole', 'bob', ['{not json']),
      action: 'sts:GetCallerIdentity',
      resource: '*',
      allowed: false,
      message: /not authorized to perform: sts:GetCallerIdentity because/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outcome = authorizeCall(
        c.who,
        { action: c.action, resource: c.resource },
        NOW,
        'us-east-1'
      );
      assert.equal(outcome.allowed, c.allowed);
      if (c.message) assert.match(outcome.allowed ? '' : outcome.message, c.message);
    });
  }
});

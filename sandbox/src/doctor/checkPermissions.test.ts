import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_ROLE,
  GUARDRAIL,
  NOW,
  S3_PERMISSIONS,
  S3_ROLE,
  fakeIam,
} from '../../test/support/doctorFixtures';
import { pastedAccount, readAccount } from './accountFacts';
import { checkPermissions } from './checkPermissions';

const policy = (...statements: unknown[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const DEFAULT_PERMISSIONS = policy(GUARDRAIL);
const S3_WITHOUT_KEYS = policy({
  Sid: 'S3Read',
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: '*',
});

async function run(
  policies: Record<string, string>,
  others: Record<string, string> = { DefaultMCPPermissions: DEFAULT_PERMISSIONS }
) {
  const facts = await readAccount(
    fakeIam({
      roles: {
        [S3_ROLE]: { trust: '{}', policies },
        [DEFAULT_ROLE]: { trust: '{}', policies: others },
      },
    }),
    [DEFAULT_ROLE, S3_ROLE],
    undefined
  );
  return checkPermissions(facts, S3_ROLE, 'us-east-1', NOW);
}

describe('checkPermissions', () => {
  it("passes the tutorial's policies: allowed through the AWS MCP Server, denied outside it", async () => {
    const check = await run({ S3ReadOnlyMCPPermissions: S3_PERMISSIONS });
    assert.equal(check.status, 'pass', check.message);
    assert.equal(
      check.message,
      'S3ReadOnlyMCPRole: s3:GetObject, s3:ListBucket, s3:ListAllMyBuckets allowed through the AWS MCP Server and denied outside it; 1 other role(s) fine too'
    );
    assert.deepEqual(check.details, [
      "DefaultMCPRole: allows no AWS actions (inline DefaultMCPPermissions); the AWS MCP Server's knowledge tools and sts:GetCallerIdentity need none",
    ]);
  });

  const failures: {
    name: string;
    policies: Record<string, string>;
    message: RegExp;
    fix: RegExp;
  }[] = [
    {
      name: 'a permission policy without the AWS MCP condition keys',
      policies: { S3Read: S3_WITHOUT_KEYS },
      message:
        /^S3ReadOnlyMCPRole: statement "S3Read" of inline S3Read allows s3:GetObject outside the AWS MCP Server too: no statement uses the AWS MCP condition keys \(aws:ViaAWSMCPService, aws:CalledViaAWSMCP\)/,
      fix: /^add the guardrail statement \{"Sid":"DenyOutsideMcp","Effect":"Deny","Action":"\*","Resource":"\*","Condition":\{"BoolIfExists":\{"aws:ViaAWSMCPService":"false"\}\}\} to inline S3Read .*then aws iam put-role-policy --role-name S3ReadOnlyMCPRole --policy-name S3Read --policy-document file:\/\/permission-policy.json$/,
    },
    {
      name: "AWS's inverse example that blocks MCP use",
      policies: {
        P: policy(
          { Sid: 'S3Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
          {
            Sid: 'DenyViaMcp',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { Bool: { 'aws:ViaAWSMCPService': 'true' } },
          }
        ),
      },
      message:
        /allows s3:GetObject, but not through the AWS MCP Server: statement "DenyViaMcp" denies it/,
      fix: /calls with aws:ViaAWSMCPService=true and aws:CalledViaAWSMCP=aws-mcp.amazonaws.com pass/,
    },
    {
      name: 'an Allow scoped to another MCP server',
      policies: {
        P: policy(
          {
            Sid: 'EksOnly',
            Effect: 'Allow',
            Action: 'eks:ListClusters',
            Resource: '*',
            Condition: { StringEquals: { 'aws:CalledViaAWSMCP': 'eks-mcp.amazonaws.com' } },
          },
          GUARDRAIL
        ),
      },
      message:
        /statement "EksOnly" of inline P allows eks:ListClusters, but not through the AWS MCP Server: it does not apply: Condition StringEquals aws:CalledViaAWSMCP/,
      fix: /put-role-policy/,
    },
    {
      name: 'only the retired aws-mcp:* actions',
      policies: {
        Legacy: policy({
          Effect: 'Allow',
          Action: ['aws-mcp:InvokeMcp', 'aws-mcp:CallReadOnlyTool'],
          Resource: '*',
        }),
      },
      message:
        /allow only aws-mcp:InvokeMcp, aws-mcp:CallReadOnlyTool; the aws-mcp:\* actions were retired on 2026-03-24 and grant nothing/,
      fix: /allow the service actions the tools call instead/,
    },
    {
      name: 'a malformed policy',
      policies: { Bad: '{"Statement": []}' },
      message: /policy inline Bad is malformed/,
      fix: /put-role-policy --role-name S3ReadOnlyMCPRole --policy-name Bad/,
    },
    {
      name: 'a managed policy without the keys',
      policies: {
        'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': policy({
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*'],
          Resource: '*',
        }),
      },
      message:
        /Statement\[0\] of managed arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess allows s3:Get\* outside the AWS MCP Server too/,
      fix: /aws iam create-policy-version --policy-arn arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess/,
    },
  ];
  for (const c of failures) {
    it(`fails ${c.name}`, async () => {
      const check = await run(c.policies);
      assert.equal(check.link, 'permissions');
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.match(check.fix ?? '', c.fix);
    });
  }

  it("fails another configured role's policy too, with the token's role fine", async () => {
    const check = await run(
      { S3ReadOnlyMCPPermissions: S3_PERMISSIONS },
      { Wide: S3_WITHOUT_KEYS }
    );
    assert.equal(check.status, 'fail');
    assert.match(check.message, /^DefaultMCPRole: statement "S3Read"/);
    assert.match(check.details?.[0] ?? '', /^S3ReadOnlyMCPRole: s3:GetObject/);
  });

  it('notes retired actions next to working ones', async () => {
    const check = await run({
      P: policy(...JSON.parse(S3_PERMISSIONS).Statement, {
        Effect: 'Allow',
        Action: 'aws-mcp:InvokeMcp',
        Resource: '*',
      }),
    });
    assert.equal(check.status, 'pass', check.message);
    assert.match(check.message, /\(aws-mcp:InvokeMcp are retired and ignored\)/);
  });

  it('judges pasted policies (get-role-policy output) for the token role', () => {
    const pasted = JSON.stringify({
      RoleName: 'S3ReadOnlyMCPRole',
      PolicyName: 'S3Read',
      PolicyDocument: JSON.parse(S3_WITHOUT_KEYS),
    });
    const check = checkPermissions(
      pastedAccount({ permissionPolicies: [pasted] }, S3_ROLE),
      S3_ROLE,
      'us-east-1',
      NOW
    );
    assert.equal(check.status, 'fail');
    assert.match(check.message, /of inline S3Read allows s3:GetObject outside/);
  });

  it('fails when IAM refuses to list the policies, skips without facts', async () => {
    const facts = await readAccount(
      fakeIam({
        roles: { [S3_ROLE]: { trust: '{}' } },
        refuse: { getRolePermissionPolicies: 'AccessDenied' },
      }),
      [S3_ROLE],
      undefined
    );
    const check = checkPermissions(facts, S3_ROLE, 'us-east-1', NOW);
    assert.equal(check.status, 'fail');
    assert.match(check.message, /reading its policies failed: AccessDenied/);
    assert.match(checkPermissions(undefined, S3_ROLE, 'us-east-1', NOW).message, /add --aws/);
  });
});

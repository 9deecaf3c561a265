// The IAM server against the real @aws-sdk/client-iam (dummy credentials: the emulator requires a
// signature but does not check it): the tutorial's flow end to end, the updates setup.sh makes on
// a second run, and each IAM error as the SDK's exception.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { AccountState } from '../state';
import { createIamServer } from './server';
import type { ListeningServer } from '../aws-query/server';

const NOW = new Date('2026-03-01T12:00:00Z');
const ISSUER = 'dev-123456.okta.com/oauth2/default';
const PROVIDER_ARN = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;

/** The tutorial's files, as `file://` would send them (with their white space). */
const TRUST_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowToolHiveWebIdentity',
        Effect: 'Allow',
        Principal: { Federated: PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${ISSUER}:aud`]: 'toolhive-aws' } },
      },
    ],
  },
  null,
  2
);
const GUARDRAIL = {
  Sid: 'DenyOutsideMcp',
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition: { BoolIfExists: { 'aws:ViaAWSMCPService': 'false' } },
};
const DEFAULT_PERMISSIONS = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowCallerIdentityViaMcp',
        Effect: 'Allow',
        Action: 'sts:GetCallerIdentity',
        Resource: '*',
        Condition: { Bool: { 'aws:ViaAWSMCPService': 'true' } },
      },
      GUARDRAIL,
    ],
  },
  null,
  2
);
const S3_PERMISSIONS = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowS3ReadViaAwsMcp',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket', 's3:ListAllMyBuckets'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com' } },
      },
      GUARDRAIL,
    ],
  },
  null,
  2
);

const state = new AccountState();
let server: ListeningServer;
let iam: IAMClient;
let url: string;
const calls: { action: string | undefined; status: number }[] = [];

before(async () => {
  server = createIamServer({ state, now: () => NOW, onCall: (call) => calls.push(call) });
  ({ url } = await server.listen(0, '127.0.0.1'));
  iam = new IAMClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy-secret' },
    maxAttempts: 1,
  });
});
after(async () => {
  iam.destroy();
  await server.close();
});

interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}
const refusal = (promise: Promise<unknown>): Promise<SdkError> =>
  promise.then(
    () => assert.fail('expected IAM to refuse'),
    (error: unknown) => error as SdkError
  );

describe('IAM server: the tutorial flow with @aws-sdk/client-iam', () => {
  it('registers the OIDC provider and reads it back', async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://${ISSUER}`,
        ClientIDList: ['toolhive-aws'],
      })
    );
    assert.equal(created.OpenIDConnectProviderArn, PROVIDER_ARN);
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: PROVIDER_ARN,
        ClientID: 'second-audience',
      })
    );
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: PROVIDER_ARN,
        ClientID: 'second-audience',
      })
    );
    const got = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: PROVIDER_ARN })
    );
    assert.equal(got.Url, ISSUER);
    assert.deepEqual(got.ClientIDList, ['toolhive-aws', 'second-audience']);
    assert.deepEqual(got.ThumbprintList ?? [], []);
    assert.equal(got.CreateDate?.toISOString(), NOW.toISOString());
    const list = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    assert.deepEqual(list.OpenIDConnectProviderList, [{ Arn: PROVIDER_ARN }]);
  });

  it('creates both roles with the trust policy and puts their permission policies', async () => {
    for (const [roleName, policyName, document] of [
      ['DefaultMCPRole', 'DefaultMCPPermissions', DEFAULT_PERMISSIONS],
      ['S3ReadOnlyMCPRole', 'S3ReadOnlyMCPPermissions', S3_PERMISSIONS],
    ] as const) {
      const created = await iam.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: TRUST_POLICY,
          Tags: [{ Key: 'app', Value: 'toolhive' }],
        })
      );
      assert.equal(created.Role?.Arn, `arn:aws:iam::123456789012:role/${roleName}`);
      assert.match(created.Role?.RoleId ?? '', /^AROA[A-Z0-9]{17}$/);
      assert.equal(created.Role?.MaxSessionDuration, 3600);
      assert.deepEqual(created.Role?.Tags, [{ Key: 'app', Value: 'toolhive' }]);
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: roleName,
          PolicyName: policyName,
          PolicyDocument: document,
        })
      );
    }
  });

  it('returns the documents URL-encoded, decoding to what was sent', async () => {
    const role = await iam.send(new GetRoleCommand({ RoleName: 'S3ReadOnlyMCPRole' }));
    assert.match(role.Role?.AssumeRolePolicyDocument ?? '', /^%7B/);
    assert.equal(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''), TRUST_POLICY);
    assert.equal(role.Role?.Path, '/');
    assert.equal(role.Role?.CreateDate?.toISOString(), NOW.toISOString());
    const policy = await iam.send(
      new GetRolePolicyCommand({
        RoleName: 'S3ReadOnlyMCPRole',
        PolicyName: 'S3ReadOnlyMCPPermissions',
      })
    );
    assert.equal(policy.RoleName, 'S3ReadOnlyMCPRole');
    assert.equal(decodeURIComponent(policy.PolicyDocument ?? ''), S3_PERMISSIONS);
    const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'DefaultMCPRole' }));
    assert.deepEqual(names.PolicyNames, ['DefaultMCPPermissions']);
    assert.equal(names.IsTruncated, false);
    const attached = await iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'DefaultMCPRole' })
    );
    assert.deepEqual(attached.AttachedPolicies ?? [], []);
    assert.equal(attached.IsTruncated, false);
    await assert.rejects(
      iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'NoSuchRole' })),
      { name: 'NoSuchEntityException' }
    );
    const roles = await iam.send(new ListRolesCommand({}));
    assert.deepEqual(
      roles.Roles?.map((r) => [r.RoleName, decodeURIComponent(r.AssumeRolePolicyDocument ?? '')]),
      [
        ['DefaultMCPRole', TRUST_POLICY],
        ['S3ReadOnlyMCPRole', TRUST_POLICY],
      ]
    );
    const page = await iam.send(new ListRolesCommand({ MaxItems: 1 }));
    assert.equal(page.IsTruncated, true);
    const rest = await iam.send(new ListRolesCommand({ MaxItems: 1, Marker: page.Marker }));
    assert.deepEqual(
      rest.Roles?.map((r) => r.RoleName),
      ['S3ReadOnlyMCPRole']
    );
    assert.equal(rest.IsTruncated, false);
  });

  it('updates a trust policy and the maximum session, as a second run of setup.sh does', async () => {
    const stricter = JSON.stringify({
      ...JSON.parse(TRUST_POLICY),
      Statement: [{ ...JSON.parse(TRUST_POLICY).Statement[0], Sid: 'Stricter' }],
    });
    await iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'S3ReadOnlyMCPRole', PolicyDocument: stricter })
    );
    await iam.send(
      new UpdateRoleCommand({ RoleName: 's3readonlymcprole', MaxSessionDuration: 7200 })
    );
    const role = await iam.send(new GetRoleCommand({ RoleName: 's3readonlymcprole' }));
    assert.equal(role.Role?.RoleName, 'S3ReadOnlyMCPRole', 'role names match in any case');
    assert.equal(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''), stricter);
    assert.equal(role.Role?.MaxSessionDuration, 7200);
    await iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'S3ReadOnlyMCPRole',
        PolicyDocument: TRUST_POLICY,
      })
    );
    await iam.send(
      new UpdateRoleCommand({ RoleName: 'S3ReadOnlyMCPRole', MaxSessionDuration: 3600 })
    );
    assert.deepEqual(calls.slice(-5), [
      { action: 'UpdateAssumeRolePolicy', status: 200 },
      { action: 'UpdateRole', status: 200 },
      { action: 'GetRole', status: 200 },
      { action: 'UpdateAssumeRolePolicy', status: 200 },
      { action: 'UpdateRole', status: 200 },
    ]);
  });

  it('refuses unsigned requests with MissingAuthenticationToken', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetRole&Version=2010-05-08&RoleName=DefaultMCPRole',
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>MissingAuthenticationToken<\/Code>/);
  });

  const errors: {
    name: string;
    call: () => Promise<unknown>;
    error: string;
    status: number;
    message: string;
  }[] = [
    {
      name: 'a second provider for the same URL',
      call: () =>
        iam.send(
          new CreateOpenIDConnectProviderCommand({ Url: `https://${ISSUER}`, ClientIDList: ['x'] })
        ),
      error: 'EntityAlreadyExistsException',
      status: 409,
      message: `Provider with url https://${ISSUER} already exists.`,
    },
    {
      name: 'a second role with the same name (any case)',
      call: () =>
        iam.send(
          new CreateRoleCommand({
            RoleName: 'defaultmcprole',
            AssumeRolePolicyDocument: TRUST_POLICY,
          })
        ),
      error: 'EntityAlreadyExistsException',
      status: 409,
      message: 'Role with name defaultmcprole already exists.',
    },
    {
      name: 'a role that does not exist',
      call: () => iam.send(new GetRoleCommand({ RoleName: 'NoSuchRole' })),
      error: 'NoSuchEntityException',
      status: 404,
      message: 'The role with name NoSuchRole cannot be found.',
    },
    {
      name: 'a role policy that does not exist',
      call: () =>
        iam.send(new GetRolePolicyCommand({ RoleName: 'DefaultMCPRole', PolicyName: 'Nope' })),
      error: 'NoSuchEntityException',
      status: 404,
      message: 'The role policy with name Nope cannot be found.',
    },
    {
      name: 'a provider that does not exist',
      call: () =>
        iam.send(
          new GetOpenIDConnectProviderCommand({
            OpenIDConnectProviderArn: 'arn:aws:iam::123456789012:oidc-provider/nobody.example.com',
          })
        ),
      error: 'NoSuchEntityException',
      status: 404,
      message:
        'OpenIDConnect Provider not found for arn arn:aws:iam::123456789012:oidc-provider/nobody.example.com',
    },
    {
      name: 'a trust policy with Resource',
      call: () =>
        iam.send(
          new CreateRoleCommand({
            RoleName: 'Broken',
            AssumeRolePolicyDocument: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: PROVIDER_ARN },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                  Resource: '*',
                },
              ],
            }),
          })
        ),
      error: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'Has prohibited field Resource',
    },
    {
      name: 'a role trusting an OIDC provider that is not registered',
      call: () =>
        iam.send(
          new CreateRoleCommand({
            RoleName: 'Stranger',
            AssumeRolePolicyDocument: TRUST_POLICY.replace(ISSUER, 'unknown.example.com'),
          })
        ),
      error: 'MalformedPolicyDocumentException',
      status: 400,
      message:
        'Invalid principal in policy: "Federated":"arn:aws:iam::123456789012:oidc-provider/unknown.example.com"',
    },
    {
      name: 'a new trust policy for a role that does not exist',
      call: () =>
        iam.send(
          new UpdateAssumeRolePolicyCommand({
            RoleName: 'NoSuchRole',
            PolicyDocument: TRUST_POLICY,
          })
        ),
      error: 'NoSuchEntityException',
      status: 404,
      message: 'The role with name NoSuchRole cannot be found.',
    },
    {
      name: 'a permission policy that is not JSON',
      call: () =>
        iam.send(
          new PutRolePolicyCommand({
            RoleName: 'DefaultMCPRole',
            PolicyName: 'Bad',
            PolicyDocument: '{"Version":',
          })
        ),
      error: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'This policy contains invalid Json',
    },
    {
      name: 'a provider URL with http://',
      call: () =>
        iam.send(
          new CreateOpenIDConnectProviderCommand({
            Url: 'http://idp.example.com',
            ClientIDList: ['x'],
          })
        ),
      error: 'InvalidInputException',
      status: 400,
      message: 'Invalid Openid Connect Provider URL: http://idp.example.com',
    },
    {
      name: 'a provider URL with a query string',
      call: () =>
        iam.send(
          new CreateOpenIDConnectProviderCommand({
            Url: 'https://idp.example.com/?x=1',
            ClientIDList: ['x'],
          })
        ),
      error: 'InvalidInputException',
      status: 400,
      message: 'Invalid Openid Connect Provider URL: https://idp.example.com/?x=1',
    },
    {
      name: 'deleting a role that still has inline policies',
      call: () => iam.send(new DeleteRoleCommand({ RoleName: 'DefaultMCPRole' })),
      error: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must delete policies first.',
    },
    {
      name: 'a MaxSessionDuration below 3600',
      call: () =>
        iam.send(
          new CreateRoleCommand({
            RoleName: 'Short',
            AssumeRolePolicyDocument: TRUST_POLICY,
            MaxSessionDuration: 900,
          })
        ),
      error: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value '900' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    },
  ];
  for (const e of errors) {
    it(`refuses ${e.name} with ${e.error}`, async () => {
      const error = await refusal(e.call());
      assert.equal(error.name, e.error);
      assert.equal(error.$metadata.httpStatusCode, e.status);
      assert.equal(error.message, e.message);
    });
  }

  it('cleans up in the tutorial order: policies, roles, provider', async () => {
    await iam.send(
      new DeleteRolePolicyCommand({
        RoleName: 'S3ReadOnlyMCPRole',
        PolicyName: 'S3ReadOnlyMCPPermissions',
      })
    );
    await iam.send(new DeleteRoleCommand({ RoleName: 'S3ReadOnlyMCPRole' }));
    await iam.send(
      new DeleteRolePolicyCommand({
        RoleName: 'DefaultMCPRole',
        PolicyName: 'DefaultMCPPermissions',
      })
    );
    await iam.send(new DeleteRoleCommand({ RoleName: 'DefaultMCPRole' }));
    await iam.send(
      new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: PROVIDER_ARN })
    );
    // Idempotent, as IAM documents.
    await iam.send(
      new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: PROVIDER_ARN })
    );
    assert.equal(state.roles.size, 0);
    assert.equal(state.oidcProviders.size, 0);
    const roles = await iam.send(new ListRolesCommand({}));
    assert.deepEqual(roles.Roles ?? [], []);
  });
});

// The IAM mock speaks the IAM Query API the way @aws-sdk/client-iam expects: the real client,
// intercepted in-process by msw's setupServer, parses its XML replies and maps its errors to
// the SDK's exception classes.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { setupServer } from 'msw/node';
import { createIamHandlers } from './iamMockHandlers';
import { IamMockModel } from './iamMockModel';

const ENDPOINT = 'https://iam.mock.invalid';
const model = new IamMockModel();
const server = setupServer(...createIamHandlers(model, ENDPOINT));
const client = new IAMClient({
  endpoint: ENDPOINT,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDMOCK', secretAccessKey: 'mock' },
  maxAttempts: 1,
});
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => {
  server.close();
  client.destroy();
});

const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/my-tenant.us.auth0.com/';
const trust = (federated: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: federated },
        Action: 'sts:AssumeRoleWithWebIdentity',
      },
    ],
  });
const permissions = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
});

describe('IAM mock with @aws-sdk/client-iam (msw setupServer)', () => {
  it('registers a provider and reads it back (URL without scheme, client IDs as a list)', async () => {
    const created = await client.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://my-tenant.us.auth0.com/',
        ClientIDList: ['aud-1', 'aud-2'],
      })
    );
    assert.equal(created.OpenIDConnectProviderArn, PROVIDER);
    const read = await client.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: PROVIDER })
    );
    assert.equal(read.Url, 'my-tenant.us.auth0.com/');
    assert.deepEqual(read.ClientIDList, ['aud-1', 'aud-2']);
    assert.ok(read.CreateDate instanceof Date);
  });

  it('creates a role and returns its trust policy URL-encoded, as IAM does', async () => {
    const created = await client.send(
      new CreateRoleCommand({
        RoleName: 'R',
        AssumeRolePolicyDocument: trust(PROVIDER),
        MaxSessionDuration: 7200,
      })
    );
    assert.equal(created.Role?.Arn, 'arn:aws:iam::123456789012:role/R');
    assert.equal(created.Role?.MaxSessionDuration, 7200);
    const read = await client.send(new GetRoleCommand({ RoleName: 'r' }));
    assert.equal(
      JSON.parse(decodeURIComponent(read.Role?.AssumeRolePolicyDocument ?? '')).Statement[0]
        .Principal.Federated,
      PROVIDER
    );
  });

  it('stores inline policies', async () => {
    await client.send(
      new PutRolePolicyCommand({ RoleName: 'R', PolicyName: 'P', PolicyDocument: permissions })
    );
    const read = await client.send(new GetRolePolicyCommand({ RoleName: 'R', PolicyName: 'P' }));
    assert.equal(decodeURIComponent(read.PolicyDocument ?? ''), permissions);
  });

  const errors: {
    name: string;
    send: () => Promise<unknown>;
    type: new (...args: never[]) => Error;
    code: string;
  }[] = [
    {
      name: 'a missing role',
      send: () => client.send(new GetRoleCommand({ RoleName: 'Nope' })),
      type: NoSuchEntityException,
      code: 'NoSuchEntity',
    },
    {
      name: 'a provider registered twice',
      send: () =>
        client.send(
          new CreateOpenIDConnectProviderCommand({ Url: 'https://my-tenant.us.auth0.com/' })
        ),
      type: EntityAlreadyExistsException,
      code: 'EntityAlreadyExists',
    },
    {
      name: 'a role trusting an unknown provider',
      send: () =>
        client.send(
          new CreateRoleCommand({
            RoleName: 'Q',
            AssumeRolePolicyDocument: trust(
              'arn:aws:iam::123456789012:oidc-provider/unknown.example.com'
            ),
          })
        ),
      type: MalformedPolicyDocumentException,
      code: 'MalformedPolicyDocument',
    },
    {
      name: 'a malformed permission policy',
      send: () =>
        client.send(
          new PutRolePolicyCommand({
            RoleName: 'R',
            PolicyName: 'X',
            PolicyDocument: '{"Statement": []',
          })
        ),
      type: MalformedPolicyDocumentException,
      code: 'MalformedPolicyDocument',
    },
    {
      name: 'deleting a role that still has inline policies',
      send: () => client.send(new DeleteRoleCommand({ RoleName: 'R' })),
      type: DeleteConflictException,
      code: 'DeleteConflict',
    },
  ];
  for (const c of errors) {
    it(`refuses ${c.name} with ${c.code}`, async () => {
      await assert.rejects(c.send(), (error: Error) => {
        assert.ok(error instanceof c.type, `${error.name}: ${error.message}`);
        return true;
      });
    });
  }

  it('refuses unsigned requests', async () => {
    const response = await fetch(`${ENDPOINT}/`, {
      method: 'POST',
      body: 'Action=GetRole&Version=2010-05-08&RoleName=R',
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>MissingAuthenticationToken<\/Code>/);
  });
});

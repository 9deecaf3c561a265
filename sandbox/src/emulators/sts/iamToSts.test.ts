// One account, two emulators: what @aws-sdk/client-iam creates through the IAM server is what the
// STS server then trusts, with a token from a real local issuer; changes through IAM take effect.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AssumeRoleWithWebIdentityCommandOutput } from '@aws-sdk/client-sts';
import { startTestIssuer } from '../../../test/support/testIssuer';
import type { TestIssuer } from '../../../test/support/testIssuer';
import { createIamServer } from '../iam/server';
import { AccountState } from '../state';
import { createStsServer } from './server';
import type { ListeningServer } from '../aws-query/server';

const NOW = new Date('2026-03-01T12:00:00Z');
const state = new AccountState({ accountId: '210987654321' });
let idp: TestIssuer;
let iamServer: ListeningServer;
let stsServer: ListeningServer;
let iam: IAMClient;
let sts: STSClient;
let providerArn = '';

before(async () => {
  idp = await startTestIssuer({ issuerPath: '/realms/engineering' });
  await idp.addKey('k1');
  iamServer = createIamServer({ state, allowLoopbackHttp: true, now: () => NOW });
  stsServer = createStsServer({ state, now: () => NOW });
  const [{ url: iamUrl }, { url: stsUrl }] = await Promise.all([
    iamServer.listen(0, '127.0.0.1'),
    stsServer.listen(0, '127.0.0.1'),
  ]);
  iam = new IAMClient({
    region: 'us-east-1',
    endpoint: iamUrl,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy-secret' },
    maxAttempts: 1,
  });
  sts = new STSClient({ region: 'us-east-1', endpoint: stsUrl, maxAttempts: 1 });
});
after(async () => {
  iam.destroy();
  sts.destroy();
  await Promise.all([iamServer.close(), stsServer.close(), idp.close()]);
});

const hostPath = (): string => idp.issuer.replace(/^http:\/\//, '');
const token = (): Promise<string> =>
  idp.sign(
    { iss: idp.issuer, sub: 'alice', aud: 'toolhive-aws', exp: NOW.getTime() / 1000 + 600 },
    'k1'
  );
const assume = async (): Promise<AssumeRoleWithWebIdentityCommandOutput> =>
  sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: 'arn:aws:iam::210987654321:role/S3ReadOnlyMCPRole',
      RoleSessionName: 'alice',
      WebIdentityToken: await token(),
      DurationSeconds: 900,
    })
  );

describe('IAM server → shared AccountState → STS server', () => {
  it('assumes a role that was created through the IAM API', async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: idp.issuer, ClientIDList: ['toolhive-aws'] })
    );
    providerArn = created.OpenIDConnectProviderArn ?? '';
    assert.equal(providerArn, `arn:aws:iam::210987654321:oidc-provider/${hostPath()}`);
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'S3ReadOnlyMCPRole',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: providerArn },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { [`${hostPath()}:aud`]: 'toolhive-aws' } },
            },
          ],
        }),
      })
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'S3ReadOnlyMCPRole',
        PolicyName: 'S3ReadOnlyMCPPermissions',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      })
    );
    const out = await assume();
    assert.equal(
      out.AssumedRoleUser?.Arn,
      'arn:aws:sts::210987654321:assumed-role/S3ReadOnlyMCPRole/alice'
    );
    assert.equal(out.Provider, providerArn);
    const issued = state.findCredentials(out.Credentials?.AccessKeyId ?? '');
    const role = state.findRole('S3ReadOnlyMCPRole');
    assert.equal(issued?.roleId, role?.roleId);
    assert.equal(out.AssumedRoleUser?.AssumedRoleId, `${role?.roleId}:alice`);
    assert.ok(role?.inlinePolicies.has('S3ReadOnlyMCPPermissions'));
  });

  it('refuses the same token once IAM no longer lists its audience', async () => {
    await iam.send(
      new RemoveClientIDFromOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: providerArn,
        ClientID: 'toolhive-aws',
      })
    );
    const error = await assume().then(
      () => assert.fail('expected InvalidIdentityToken'),
      (e: unknown) => e as { name: string; message: string }
    );
    assert.equal(error.name, 'InvalidIdentityTokenException');
    assert.equal(error.message, 'Incorrect token audience');
  });
});

// The browser path: the STS core behind msw (setupServer here, the service worker on the site)
// answering the real @aws-sdk/client-sts, which must parse our XML and our errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import { createSigningKey, localKeySet, signToken } from '../token-issuer';
import type { SigningKey } from '../token-issuer';
import { stsHandlers } from './stsHandlers';
import type { StsExplanation } from './types';
import { accountTrusting, AUDIENCE, ROLE_ID } from '../../../test/support/accounts';

const STS_URL = 'https://sts.mock.invalid/';
const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const ISSUER = 'https://idp.example.com';

const state = accountTrusting(ISSUER, {
  roles: [{ name: 'S3ReadOnlyMCPRole', restrictSubjects: ['alice'] }],
});
const roleArn = state.roleArn('S3ReadOnlyMCPRole');
const explanations: StsExplanation[] = [];
let signer: SigningKey;
const server = setupServer();
const sts = new STSClient({ region: 'us-east-1', endpoint: STS_URL, maxAttempts: 1 });

before(async () => {
  signer = await createSigningKey('k1');
  server.use(
    ...stsHandlers({
      state,
      resolveJwks: () => localKeySet([signer]),
      url: STS_URL,
      now: () => NOW,
      onExplain: (e) => explanations.push(e),
    })
  );
  server.listen({ onUnhandledRequest: 'error' });
});
after(() => {
  server.close();
  sts.destroy();
});

const token = (sub: string): Promise<string> =>
  signToken(signer, { iss: ISSUER, sub, aud: AUDIENCE, exp: NOW_S + 600 });

describe('stsHandlers with @aws-sdk/client-sts', () => {
  it('the SDK parses credentials, AssumedRoleUser, subject, audience and provider', async () => {
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: 'alice',
        WebIdentityToken: await token('alice'),
        DurationSeconds: 900,
      })
    );
    assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA[A-Z0-9]{16}$/);
    assert.equal(out.Credentials?.SecretAccessKey?.length, 40);
    assert.equal(out.Credentials?.Expiration?.toISOString(), '2026-03-01T12:15:00.000Z');
    assert.equal(
      out.AssumedRoleUser?.Arn,
      'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice'
    );
    assert.equal(out.AssumedRoleUser?.AssumedRoleId, `${ROLE_ID}:alice`);
    assert.equal(out.SubjectFromWebIdentityToken, 'alice');
    assert.equal(out.Audience, AUDIENCE);
    assert.equal(out.Provider, 'arn:aws:iam::123456789012:oidc-provider/idp.example.com');
    assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
    const stored = state.findCredentials(out.Credentials?.AccessKeyId ?? '');
    assert.equal(stored?.sessionToken, out.Credentials?.SessionToken);
  });

  it("GetCallerIdentity signed with the issued credentials (the SDK clock set to the emulator's)", async () => {
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: 'alice',
        WebIdentityToken: await token('alice'),
        DurationSeconds: 900,
      })
    );
    const c = out.Credentials;
    assert.ok(c?.AccessKeyId && c.SecretAccessKey && c.SessionToken);
    const caller = new STSClient({
      region: 'us-east-1',
      endpoint: STS_URL,
      maxAttempts: 1,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
      },
      systemClockOffset: NOW.getTime() - Date.now(),
    });
    try {
      const identity = await caller.send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, 'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice');
      assert.equal(identity.UserId, `${ROLE_ID}:alice`);
      assert.equal(identity.Account, '123456789012');
    } finally {
      caller.destroy();
    }
  });

  it('a refusal surfaces as the SDK error, and the explanation reaches onExplain', async () => {
    explanations.length = 0;
    const error = await sts
      .send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: 'mallory',
          WebIdentityToken: await token('mallory'),
        })
      )
      .then(
        () => assert.fail('expected AccessDenied'),
        (e: unknown) =>
          e as { name: string; message: string; $metadata: { httpStatusCode?: number } }
      );
    assert.equal(error.name, 'AccessDenied');
    assert.equal(error.message, 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    assert.equal(error.$metadata.httpStatusCode, 403);
    assert.equal(explanations.length, 1);
    assert.equal(explanations[0]?.step, 'trustPolicy');
    assert.match(explanations[0]?.detail ?? '', /request value "mallory" ≠ "alice"/);
  });
});

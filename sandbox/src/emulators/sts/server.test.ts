// The STS server against the real @aws-sdk/client-sts and a real local OIDC issuer (discovery +
// JWKS over loopback HTTP): success, every refusal as the SDK's exception, stats, latency, CORS;
// then GetCallerIdentity signed with the exchanged credentials, by the SDK and by the AWS CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import type {
  AssumeRoleWithWebIdentityCommandInput,
  AssumeRoleWithWebIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import type { JWTPayload } from 'jose';
import { startTestIssuer } from '../../../test/support/testIssuer';
import type { TestIssuer } from '../../../test/support/testIssuer';
import type { StsExplanation } from '../sts-core';
import type { AccountState } from '../state';
import { createStsServer } from './server';
import type { StsServer } from './server';
import { accountTrusting, AUDIENCE } from '../../../test/support/accounts';
import { findRealAwsCli, isolatedAwsEnv, runCommand } from '../../../test/support/realAwsCli';

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;

let idp: TestIssuer;
let server: StsServer;
let sts: STSClient;
let url: string;
let state: AccountState;
const explanations: StsExplanation[] = [];
const roles = { open: '', aliceOnly: '' };

before(async () => {
  idp = await startTestIssuer({ issuerPath: '/oauth2/default' });
  await idp.addKey('k1');
  await idp.addKey('hidden', { publish: false });
  state = accountTrusting(idp.issuer, {
    roles: [{ name: 'S3ReadOnlyMCPRole' }, { name: 'AdminMCPRole', restrictSubjects: ['alice'] }],
  });
  roles.open = state.roleArn('S3ReadOnlyMCPRole');
  roles.aliceOnly = state.roleArn('AdminMCPRole');
  server = createStsServer({ state, now: () => NOW, onExplain: (e) => explanations.push(e) });
  ({ url } = await server.listen(0, '127.0.0.1'));
  sts = new STSClient({ region: 'us-east-1', endpoint: url, maxAttempts: 1 });
});
after(async () => {
  sts.destroy();
  await server.close();
  await idp.close();
});

const claims = (over: JWTPayload = {}): JWTPayload => ({
  iss: idp.issuer,
  sub: 'alice',
  aud: AUDIENCE,
  exp: NOW_S + 600,
  ...over,
});

async function assume(
  over: Partial<AssumeRoleWithWebIdentityCommandInput> & { claims?: JWTPayload } = {}
): Promise<AssumeRoleWithWebIdentityCommandOutput> {
  const { claims: c, ...input } = over;
  return sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roles.open,
      RoleSessionName: 'alice',
      WebIdentityToken: input.WebIdentityToken ?? (await idp.sign(claims(c), 'k1')),
      DurationSeconds: 900,
      ...input,
    })
  );
}

interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

async function refusal(promise: Promise<unknown>): Promise<SdkError> {
  return promise.then(
    () => assert.fail('expected STS to refuse'),
    (error: unknown) => error as SdkError
  );
}

describe('STS server with @aws-sdk/client-sts', () => {
  it('issues credentials the SDK parses, using discovery and the remote JWKS', async () => {
    const out = await assume();
    assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA[A-Z0-9]{16}$/);
    assert.equal(out.Credentials?.SecretAccessKey?.length, 40);
    assert.ok((out.Credentials?.SessionToken ?? '').length > 100);
    assert.equal(out.Credentials?.Expiration?.toISOString(), '2026-03-01T12:15:00.000Z');
    assert.equal(
      out.AssumedRoleUser?.Arn,
      'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice'
    );
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]+:alice$/);
    assert.equal(out.SubjectFromWebIdentityToken, 'alice');
    assert.equal(out.Audience, AUDIENCE);
    assert.equal(
      out.Provider,
      `arn:aws:iam::123456789012:oidc-provider/${idp.issuer.replace('http://', '')}`
    );
    assert.ok(idp.hits.discovery >= 1 && idp.hits.jwks >= 1);
    assert.ok(state.findCredentials(out.Credentials?.AccessKeyId ?? ''));
  });

  const refusals: {
    name: string;
    call: () => Promise<unknown>;
    error: string;
    status: number;
    message?: string | RegExp;
    step: string;
  }[] = [
    {
      name: 'no provider for the issuer',
      call: () => assume({ claims: { iss: 'https://unregistered.example.com' } }),
      error: 'InvalidIdentityTokenException',
      status: 400,
      message:
        'No OpenIDConnect provider found in your account for https://unregistered.example.com',
      step: 'provider',
    },
    {
      name: 'the wrong audience',
      call: () => assume({ claims: { aud: 'api://default' } }),
      error: 'InvalidIdentityTokenException',
      status: 400,
      message: 'Incorrect token audience',
      step: 'audience',
    },
    {
      name: 'a signature by a key the issuer does not publish',
      call: async () =>
        assume({ WebIdentityToken: await idp.sign(claims(), 'hidden', { kid: 'k1' }) }),
      error: 'InvalidIdentityTokenException',
      status: 400,
      step: 'signature',
    },
    {
      name: 'a token expired 5 minutes and 1 second ago',
      call: () => assume({ claims: { exp: NOW_S - 301 } }),
      error: 'ExpiredTokenException',
      status: 400,
      message: `Token expired: current date/time ${NOW_S} must be before the expiration date/time ${NOW_S - 301}`,
      step: 'expiry',
    },
    {
      name: 'a trust policy whose aud condition the token fails',
      call: async () => {
        state.findOidcProviderByIssuer(idp.issuer)?.clientIds.push('second-audience');
        return assume({ claims: { aud: 'second-audience' } });
      },
      error: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      step: 'trustPolicy',
    },
    {
      name: 'a sub-restricted trust policy and another subject',
      call: () =>
        assume({ RoleArn: roles.aliceOnly, RoleSessionName: 'bob', claims: { sub: 'bob' } }),
      error: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      step: 'trustPolicy',
    },
    {
      name: 'a duration above the role maximum',
      call: () => assume({ DurationSeconds: 3601 }),
      error: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      step: 'duration',
    },
    {
      name: 'an invalid session name',
      call: () => assume({ RoleSessionName: 'auth0|alice' }),
      error: 'ValidationError',
      status: 400,
      message:
        /at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      step: 'request',
    },
    {
      name: 'an unknown role',
      call: () => assume({ RoleArn: 'arn:aws:iam::123456789012:role/NoSuchRole' }),
      error: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      step: 'role',
    },
    {
      name: 'a malformed token',
      call: () => assume({ WebIdentityToken: 'not.a.jwt' }),
      error: 'InvalidIdentityTokenException',
      status: 400,
      step: 'token',
    },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} with ${r.error}`, async () => {
      explanations.length = 0;
      const error = await refusal(r.call());
      assert.equal(error.name, r.error);
      assert.equal(error.$metadata.httpStatusCode, r.status);
      if (typeof r.message === 'string') assert.equal(error.message, r.message);
      else if (r.message) assert.match(error.message, r.message);
      assert.equal(explanations.at(-1)?.step, r.step);
    });
  }

  it('explains the aud mismatch that the wire hides', async () => {
    explanations.length = 0;
    await refusal(assume({ claims: { aud: 'second-audience' } }));
    const explain = explanations.at(-1);
    assert.equal(explain?.outcome, 'AccessDenied');
    assert.equal(explain?.trust?.evaluation.decision, 'ImplicitDeny');
    assert.match(explain?.detail ?? '', /:aud: request value "second-audience" ≠ "toolhive-aws"/);
  });

  const accepted: { name: string; call: () => Promise<unknown> }[] = [
    {
      name: 'a token expired exactly 5 minutes ago',
      call: () => assume({ claims: { exp: NOW_S - 300 } }),
    },
    {
      name: 'the allowed subject of a sub-restricted role',
      call: () => assume({ RoleArn: roles.aliceOnly }),
    },
    { name: 'a duration equal to the role maximum', call: () => assume({ DurationSeconds: 3600 }) },
  ];
  for (const a of accepted) {
    it(`accepts ${a.name}`, async () => {
      await a.call();
    });
  }

  it('counts calls by outcome', () => {
    const stats = server.stats();
    const sum = Object.values(stats.byOutcome).reduce((a, b) => a + b, 0);
    assert.equal(sum, stats.calls);
    assert.equal(stats.byOutcome.Issued, 4);
    assert.equal(stats.byOutcome.AccessDenied, 4);
    assert.equal(stats.byOutcome.ExpiredTokenException, 1);
  });
});

describe('STS server options', () => {
  it('waits latencyMs before every answer', async () => {
    const waits: number[] = [];
    const slow = createStsServer({
      state,
      now: () => NOW,
      latencyMs: 30,
      delay: async (ms) => {
        waits.push(ms);
      },
    });
    const { url: slowUrl } = await slow.listen(0, '127.0.0.1');
    try {
      const res = await fetch(slowUrl, {
        method: 'POST',
        body: 'Action=AssumeRole&Version=2011-06-15',
      });
      assert.equal(res.status, 400);
      assert.deepEqual(waits, [30]);
      assert.deepEqual(slow.stats(), { calls: 1, byOutcome: { InvalidAction: 1 } });
    } finally {
      await slow.close();
    }
  });

  it('answers CORS preflights only for allowed origins', async () => {
    const open = createStsServer({ state, allowedOrigins: ['http://localhost:3000'] });
    const { url: corsUrl } = await open.listen(0, '127.0.0.1');
    try {
      const headers = {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,amz-sdk-invocation-id',
      };
      const ok = await fetch(corsUrl, { method: 'OPTIONS', headers });
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:3000');
      assert.equal(
        ok.headers.get('access-control-allow-headers'),
        'content-type,amz-sdk-invocation-id'
      );
      const denied = await fetch(corsUrl, {
        method: 'OPTIONS',
        headers: { ...headers, Origin: 'https://evil.example' },
      });
      assert.equal(denied.status, 403);
      const post = await fetch(corsUrl, {
        method: 'POST',
        headers: { Origin: 'http://localhost:3000' },
        body: 'Action=X&Version=2011-06-15',
      });
      assert.equal(post.headers.get('access-control-allow-origin'), 'http://localhost:3000');
      assert.equal(post.headers.get('access-control-expose-headers'), 'x-amzn-RequestId');
    } finally {
      await open.close();
    }
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const res = await fetch(url, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    assert.equal(res.status, 413);
  });
});

describe('GetCallerIdentity with the exchanged credentials (real clock)', () => {
  let live: StsServer;
  let liveUrl: string;
  let liveSts: STSClient;
  const work = mkdtempSync(join(tmpdir(), 'sts-caller-'));

  before(async () => {
    live = createStsServer({ state });
    ({ url: liveUrl } = await live.listen(0, '127.0.0.1'));
    liveSts = new STSClient({ region: 'us-east-1', endpoint: liveUrl, maxAttempts: 1 });
  });
  after(async () => {
    liveSts.destroy();
    await live.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function exchange(sessionName: string) {
    const now = Math.floor(Date.now() / 1000);
    const out = await liveSts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roles.open,
        RoleSessionName: sessionName,
        WebIdentityToken: await idp.sign(
          { iss: idp.issuer, sub: sessionName, aud: AUDIENCE, exp: now + 600 },
          'k1'
        ),
        DurationSeconds: 900,
      })
    );
    const c = out.Credentials;
    assert.ok(c?.AccessKeyId && c.SecretAccessKey && c.SessionToken);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      roleId: (out.AssumedRoleUser?.AssumedRoleId ?? '').split(':')[0],
    };
  }

  const callerWith = (credentials: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  }) => new STSClient({ region: 'us-east-1', endpoint: liveUrl, maxAttempts: 1, credentials });

  it('@aws-sdk/client-sts: the assumed role and session of the credentials', async () => {
    const credentials = await exchange('alice');
    const client = callerWith(credentials);
    try {
      const identity = await client.send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, 'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice');
      assert.equal(identity.UserId, `${credentials.roleId}:alice`);
      assert.match(identity.UserId ?? '', /^AROA[A-Z0-9]{17}:alice$/);
      assert.equal(identity.Account, '123456789012');
    } finally {
      client.destroy();
    }
  });

  it('@aws-sdk/client-sts: a wrong secret, a missing session token, expired credentials', async () => {
    const credentials = await exchange('bob');
    const cases: [Parameters<typeof callerWith>[0], string][] = [
      [{ ...credentials, secretAccessKey: 'x'.repeat(40) }, 'SignatureDoesNotMatch'],
      [
        { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
        'InvalidClientTokenId',
      ],
    ];
    for (const [creds, code] of cases) {
      const client = callerWith(creds);
      try {
        const error = await refusal(client.send(new GetCallerIdentityCommand({})));
        assert.equal(error.name, code);
        assert.equal(error.$metadata.httpStatusCode, 403);
      } finally {
        client.destroy();
      }
    }
    const issued = state.findCredentials(credentials.accessKeyId);
    assert.ok(issued);
    issued.expiration = new Date(Date.now() - 1000);
    const client = callerWith(credentials);
    try {
      const error = await refusal(client.send(new GetCallerIdentityCommand({})));
      assert.equal(error.name, 'ExpiredToken');
      assert.equal(error.$metadata.httpStatusCode, 403);
      assert.equal(error.message, 'The security token included in the request is expired');
    } finally {
      client.destroy();
    }
  });

  it(
    'the AWS CLI: aws sts get-caller-identity, and its refusals',
    { timeout: 120_000 },
    async () => {
      const cli = findRealAwsCli();
      const credentials = await exchange('carol');
      const run = (extra: Record<string, string>) =>
        runCommand(
          cli.path,
          ['sts', 'get-caller-identity', '--endpoint-url', liveUrl, '--output', 'json'],
          { env: isolatedAwsEnv(work, extra) }
        );
      const env = {
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_SESSION_TOKEN: credentials.sessionToken,
      };
      const ok = await run(env);
      assert.equal(ok.code, 0, `${cli.version}: ${ok.stderr}`);
      assert.deepEqual(JSON.parse(ok.stdout), {
        UserId: `${credentials.roleId}:carol`,
        Account: '123456789012',
        Arn: 'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/carol',
      });
      const { AWS_SESSION_TOKEN: _token, ...withoutToken } = env;
      const invalid = await run(withoutToken);
      assert.notEqual(invalid.code, 0);
      assert.match(
        invalid.stderr,
        /An error occurred \(InvalidClientTokenId\) when calling the GetCallerIdentity operation(?: \(reached max retries: \d+\))?: The security token included in the request is invalid\./
      );
      const issued = state.findCredentials(credentials.accessKeyId);
      assert.ok(issued);
      issued.expiration = new Date(Date.now() - 1000);
      const expired = await run(env);
      assert.notEqual(expired.code, 0);
      assert.match(
        expired.stderr,
        /An error occurred \(ExpiredToken\) when calling the GetCallerIdentity operation(?: \(reached max retries: \d+\))?: The security token included in the request is expired/
      );
    }
  );
});

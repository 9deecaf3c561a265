import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { AwsStsError } from '../errors';
import { createStsClient, defaultStsEndpoint } from './client';
import { StsExchangeError } from './errors';
import type { StsFailureKind } from './errors';
import { exchangeToken } from './exchange';
import type { ExchangeTokenInput } from './exchange';
import {
  assumeRoleWithWebIdentityResponse,
  stsErrorResponse,
} from '../../test/support/stsResponses';

const ENDPOINT = 'https://sts.mock.invalid/';
const ISSUER = 'https://dev-123456.okta.com/oauth2/default';
const TOKEN = fakeJwt({ iss: ISSUER, sub: 'alice', aud: 'toolhive-aws' });
const ROLE = 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const SESSION_TOKEN = 'AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE';
const EXPIRATION = new Date('2030-01-01T01:00:00Z');

interface Seen {
  url: string;
  headers: Headers;
  params: URLSearchParams;
}
let seen: Seen[] = [];
const server = setupServer();

function answer(respond: () => Response | Promise<Response>, url = ENDPOINT): void {
  server.use(
    http.post(url, async ({ request }) => {
      seen.push({
        url: request.url,
        headers: request.headers,
        params: new URLSearchParams(await request.text()),
      });
      return respond();
    })
  );
}

const ok = (): Response =>
  assumeRoleWithWebIdentityResponse({
    accessKeyId: 'ASIAEXAMPLE',
    secretAccessKey: SECRET,
    sessionToken: SESSION_TOKEN,
    expiration: EXPIRATION,
    assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice',
    subject: 'alice',
    requestId: 'req-ok',
  });

const input = (over: Partial<ExchangeTokenInput> = {}): ExchangeTokenInput => ({
  token: TOKEN,
  roleArn: ROLE,
  sessionName: 'alice',
  durationSeconds: 900,
  region: 'us-east-1',
  endpoint: ENDPOINT,
  maxAttempts: 1,
  ...over,
});

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen = [];
});
after(() => server.close());

describe('exchangeToken: request and result', () => {
  it('sends an unsigned, form-encoded AssumeRoleWithWebIdentity with the given fields', async () => {
    answer(ok);
    const creds = await exchangeToken(input({ durationSeconds: 7200 }));

    assert.equal(seen.length, 1);
    const req = seen[0]!;
    assert.equal(req.headers.get('authorization'), null);
    assert.equal(req.headers.get('x-amz-security-token'), null);
    assert.match(req.headers.get('content-type') ?? '', /^application\/x-www-form-urlencoded/);
    assert.equal(req.params.get('Action'), 'AssumeRoleWithWebIdentity');
    assert.equal(req.params.get('Version'), '2011-06-15');
    assert.equal(req.params.get('RoleArn'), ROLE);
    assert.equal(req.params.get('RoleSessionName'), 'alice');
    assert.equal(req.params.get('WebIdentityToken'), TOKEN);
    assert.equal(req.params.get('DurationSeconds'), '7200');
    assert.equal(req.params.get('ProviderId'), null);

    assert.equal(creds.accessKeyId, 'ASIAEXAMPLE');
    assert.equal(creds.secretAccessKey, SECRET);
    assert.equal(creds.sessionToken, SESSION_TOKEN);
    assert.equal(creds.expiration.toISOString(), EXPIRATION.toISOString());
    assert.equal(
      creds.assumedRoleArn,
      'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice'
    );
    assert.equal(creds.subject, 'alice');
  });

  it('defaults DurationSeconds to 3600', async () => {
    answer(ok);
    await exchangeToken(input({ durationSeconds: undefined }));
    assert.equal(seen[0]?.params.get('DurationSeconds'), '3600');
  });

  it('uses the regional endpoint by default', async () => {
    answer(ok, 'https://sts.eu-west-2.amazonaws.com/');
    await exchangeToken(input({ endpoint: undefined, region: 'eu-west-2' }));
    assert.equal(seen[0]?.url, 'https://sts.eu-west-2.amazonaws.com/');
    assert.equal(defaultStsEndpoint('cn-north-1'), 'https://sts.cn-north-1.amazonaws.com.cn');
  });

  it('sends no Authorization even when AWS credentials are in the environment', async () => {
    const saved = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFROMENVIRONMENT';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-from-environment';
    try {
      answer(ok);
      await exchangeToken(input());
      assert.equal(seen[0]?.headers.get('authorization'), null);
    } finally {
      process.env = saved;
    }
  });

  it('reuses a caller-provided client without destroying it', async () => {
    answer(ok);
    const client = createStsClient({ region: 'us-east-1', endpoint: ENDPOINT, maxAttempts: 1 });
    await exchangeToken(input({ client }));
    await exchangeToken(input({ client }));
    assert.equal(seen.length, 2);
    client.destroy();
  });

  it('redacts the secret key and session token in JSON, String() and inspect', async () => {
    answer(ok);
    const creds = await exchangeToken(input());
    for (const printed of [JSON.stringify(creds), String(creds), inspect(creds), `${creds}`]) {
      assert.ok(!printed.includes(SECRET), printed);
      assert.ok(!printed.includes(SESSION_TOKEN), printed);
      assert.ok(printed.includes('ASIAEXAMPLE'), printed);
    }
    assert.equal(JSON.parse(JSON.stringify(creds)).expiration, EXPIRATION.toISOString());
  });

  it('rejects a response without credentials', async () => {
    answer(
      () =>
        new HttpResponse(
          `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`,
          { headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'r' } }
        )
    );
    await assert.rejects(exchangeToken(input()), (err: unknown) => {
      assert.ok(err instanceof StsExchangeError);
      assert.equal(err.stsCode, 'MissingCredentials');
      assert.equal(err.kind, 'failed');
      return true;
    });
  });
});

describe('exchangeToken: inputs are validated again before the call', () => {
  const cases: {
    name: string;
    over: Partial<ExchangeTokenInput>;
    code: string;
    message: RegExp;
  }[] = [
    {
      name: 'empty token',
      over: { token: '' },
      code: 'MISSING_TOKEN',
      message: /token is required/,
    },
    { name: 'empty ARN', over: { roleArn: '' }, code: 'INVALID_ROLE_ARN', message: /ARN is empty/ },
    {
      name: 'user ARN',
      over: { roleArn: 'arn:aws:iam::123456789012:user/alice' },
      code: 'INVALID_ROLE_ARN',
      message: /not a role ARN/,
    },
    {
      name: 'session name with |',
      over: { sessionName: 'auth0|user' },
      code: 'INVALID_SESSION_NAME',
      message: /invalid characters/,
    },
    {
      name: 'session name too short',
      over: { sessionName: 'a' },
      code: 'INVALID_SESSION_NAME',
      message: /at least 2/,
    },
    {
      name: 'duration 899',
      over: { durationSeconds: 899 },
      code: 'INVALID_CONFIG',
      message: /899 is below minimum 900 seconds/,
    },
    {
      name: 'duration 43201',
      over: { durationSeconds: 43201 },
      code: 'INVALID_CONFIG',
      message: /43201 exceeds maximum 43200 seconds/,
    },
    {
      name: 'region that would change the STS host',
      over: { region: 'evil.example/x', endpoint: undefined },
      code: 'INVALID_CONFIG',
      message: /invalid AWS region/,
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.code}, no STS call`, async () => {
      answer(ok);
      await assert.rejects(exchangeToken(input(c.over)), (err: unknown) => {
        assert.ok(err instanceof AwsStsError);
        assert.equal(err.code, c.code);
        assert.match(err.message, c.message);
        return true;
      });
      assert.equal(seen.length, 0);
    });
  }
});

describe('exchangeToken: STS errors are mapped', () => {
  const cases: {
    code: string;
    http: number;
    kind: StsFailureKind;
    reason: RegExp;
  }[] = [
    { code: 'InvalidIdentityToken', http: 400, kind: 'token_rejected', reason: /OIDC provider/ },
    { code: 'ExpiredTokenException', http: 400, kind: 'token_rejected', reason: /expired/ },
    { code: 'IDPRejectedClaim', http: 403, kind: 'denied', reason: /client ID list/ },
    {
      code: 'AccessDenied',
      http: 403,
      kind: 'denied',
      reason:
        /trust policy of role arn:aws:iam::123456789012:role\/S3ReadOnlyMCPRole does not allow this token: check the Federated principal .*oidc-provider\/dev-123456\.okta\.com\/oauth2\/default\), and the dev-123456\.okta\.com\/oauth2\/default:aud condition/,
    },
    { code: 'RegionDisabledException', http: 403, kind: 'denied', reason: /us-east-1/ },
    { code: 'ValidationError', http: 400, kind: 'misconfigured', reason: /MaxSessionDuration/ },
    { code: 'IDPCommunicationError', http: 400, kind: 'transient', reason: /jwks_uri/ },
    { code: 'Throttling', http: 400, kind: 'throttled', reason: /throttling/ },
    { code: 'ThrottlingException', http: 400, kind: 'throttled', reason: /throttling/ },
    { code: 'RequestLimitExceeded', http: 400, kind: 'throttled', reason: /throttling/ },
    { code: 'InternalFailure', http: 500, kind: 'transient', reason: /server error/ },
    { code: 'ServiceUnavailable', http: 503, kind: 'unavailable', reason: /server error/ },
    { code: 'SomethingNew', http: 400, kind: 'failed', reason: /SomethingNew/ },
  ];
  for (const c of cases) {
    it(`${c.code} (HTTP ${c.http}) → ${c.kind}`, async () => {
      answer(() =>
        stsErrorResponse(c.code, c.http, `AWS says ${c.code}`, { requestId: `req-${c.code}` })
      );
      const err = await exchangeToken(input()).then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e
      );
      assert.ok(err instanceof StsExchangeError);
      assert.equal(err.code, 'STS_EXCHANGE_FAILED');
      assert.equal(err.stsCode, c.code);
      assert.equal(err.kind, c.kind);
      assert.equal(err.httpStatus, c.http);
      assert.equal(err.requestId, `req-${c.code}`);
      assert.equal(err.summary.message, `AWS says ${c.code}`);
      assert.equal(err.retryAfterSeconds, undefined, 'STS sent no Retry-After');
      assert.match(err.reason, c.reason);
      const printed = [JSON.stringify(err), inspect(err, { depth: Infinity }), String(err)];
      for (const p of printed) assert.ok(!p.includes(TOKEN), 'token leaked into the error');
    });
  }

  it('takes Retry-After from the STS response when present', async () => {
    answer(() =>
      stsErrorResponse('Throttling', 400, 'Rate exceeded', { headers: { 'Retry-After': '7' } })
    );
    await assert.rejects(exchangeToken(input()), (err: unknown) => {
      assert.ok(err instanceof StsExchangeError);
      assert.equal(err.retryAfterSeconds, 7);
      return true;
    });
  });

  it('scrubs the token if AWS echoes it in the message', async () => {
    answer(() => stsErrorResponse('InvalidIdentityToken', 400, `Bad token ${TOKEN}`));
    await assert.rejects(exchangeToken(input()), (err: unknown) => {
      assert.ok(err instanceof StsExchangeError);
      assert.equal(err.summary.message, 'Bad token [REDACTED]');
      return true;
    });
  });

  it('maps a network failure to a transient NetworkError', async () => {
    answer(() => HttpResponse.error());
    await assert.rejects(exchangeToken(input()), (err: unknown) => {
      assert.ok(err instanceof StsExchangeError);
      assert.equal(err.stsCode, 'NetworkError');
      assert.equal(err.kind, 'transient');
      assert.match(err.reason, /sts\.mock\.invalid/);
      return true;
    });
  });

  it('maps a timeout to a transient TimeoutError', async () => {
    answer(async () => {
      await delay('infinite');
      return ok();
    });
    await assert.rejects(exchangeToken(input({ timeoutMs: 50 })), (err: unknown) => {
      assert.ok(err instanceof StsExchangeError);
      assert.equal(err.stsCode, 'TimeoutError');
      assert.equal(err.kind, 'transient');
      return true;
    });
  });
});

describe('exchangeToken: retries', () => {
  const cases = [
    { code: 'IDPCommunicationError', http: 400, calls: 2 },
    { code: 'InternalFailure', http: 500, calls: 2 },
    { code: 'InvalidIdentityToken', http: 400, calls: 1 },
    { code: 'AccessDenied', http: 403, calls: 1 },
  ];
  for (const c of cases) {
    it(`${c.code}: ${c.calls} attempt(s) with the default maxAttempts`, async () => {
      answer(() => stsErrorResponse(c.code, c.http, 'no'));
      await assert.rejects(exchangeToken(input({ maxAttempts: undefined })), StsExchangeError);
      assert.equal(seen.length, c.calls);
    });
  }

  it('a transient failure followed by success returns the credentials', async () => {
    let n = 0;
    answer(() => (n++ === 0 ? stsErrorResponse('IDPCommunicationError', 400, 'flaky') : ok()));
    const creds = await exchangeToken(input({ maxAttempts: undefined }));
    assert.equal(creds.accessKeyId, 'ASIAEXAMPLE');
    assert.equal(seen.length, 2);
  });
});

function fakeJwt(claims: Record<string, unknown>): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64(claims)}.c2lnbmF0dXJl`;
}

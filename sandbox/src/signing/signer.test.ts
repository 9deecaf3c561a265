import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsStsError } from '../errors';
import { signForUpstream } from './signer';
import type { UpstreamRequest } from './signer';
import { verifySigV4 } from './verifier';

// AWS SigV4 test suite constants (botocore aws4_testsuite; smithy suite.fixture.ts).
const VECTOR = {
  credentials: {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  },
  options: {
    region: 'us-east-1',
    service: 'service',
    signingDate: new Date('2015-08-30T12:36:00Z'),
  },
  scope: 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_request',
};
const STS_VECTOR_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

const vectors: {
  name: string;
  request: UpstreamRequest;
  sessionToken?: string;
  signedHeaders: string;
  signature: string;
}[] = [
  {
    name: 'get-vanilla',
    request: { method: 'GET', url: 'https://example.amazonaws.com/', headers: {} },
    signedHeaders: 'host;x-amz-date',
    signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  },
  {
    name: 'get-vanilla-query-order-key-case',
    request: {
      method: 'GET',
      url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
      headers: {},
    },
    signedHeaders: 'host;x-amz-date',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  {
    name: 'get-vanilla-utf8-query',
    request: { method: 'GET', url: 'https://example.amazonaws.com/?ሴ=bar', headers: {} },
    signedHeaders: 'host;x-amz-date',
    signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04',
  },
  {
    name: 'get-header-value-trim',
    request: {
      method: 'GET',
      url: 'https://example.amazonaws.com/',
      headers: { 'My-Header1': 'value1', 'My-Header2': '"a   b   c"' },
    },
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  {
    name: 'post-x-www-form-urlencoded (payload hash of the body)',
    request: {
      method: 'POST',
      url: 'https://example.amazonaws.com/',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new TextEncoder().encode('Param1=value1'),
    },
    signedHeaders: 'content-type;host;x-amz-date',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
  {
    name: 'post-sts-header-before (session token)',
    request: { method: 'POST', url: 'https://example.amazonaws.com/', headers: {} },
    sessionToken: STS_VECTOR_TOKEN,
    signedHeaders: 'host;x-amz-date;x-amz-security-token',
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
  },
];

describe('signForUpstream: AWS SigV4 test-suite vectors', () => {
  for (const v of vectors) {
    it(v.name, async () => {
      const credentials = v.sessionToken
        ? { ...VECTOR.credentials, sessionToken: v.sessionToken }
        : VECTOR.credentials;
      const { headers } = await signForUpstream(v.request, credentials, VECTOR.options);
      assert.equal(
        headers.authorization,
        `AWS4-HMAC-SHA256 Credential=${VECTOR.scope}, SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`
      );
      assert.equal(headers['x-amz-date'], '20150830T123600Z');
      assert.equal(headers.host, 'example.amazonaws.com');
      assert.equal(headers['x-amz-content-sha256'], undefined);
      assert.equal(headers['x-amz-security-token'], v.sessionToken);
    });

    it(`${v.name}: verifySigV4 accepts it`, async () => {
      const { headers } = await signForUpstream(
        v.request,
        v.sessionToken
          ? { ...VECTOR.credentials, sessionToken: v.sessionToken }
          : VECTOR.credentials,
        VECTOR.options
      );
      const url = new URL(v.request.url);
      const result = await verifySigV4(
        {
          method: v.request.method,
          url: url.pathname + url.search,
          headers,
          body: v.request.body ?? new Uint8Array(),
        },
        (id) =>
          id === 'AKIDEXAMPLE'
            ? {
                secretAccessKey: VECTOR.credentials.secretAccessKey,
                ...(v.sessionToken ? { sessionToken: v.sessionToken } : {}),
              }
            : undefined,
        { service: 'service', region: 'us-east-1', now: VECTOR.options.signingDate }
      );
      assert.deepEqual(result.ok && result.signedHeaders.join(';'), v.signedHeaders);
    });
  }
});

describe('signForUpstream: what is sent', () => {
  const BEARER = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
  const creds = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' };
  const options = { region: 'us-east-1', signingDate: new Date('2030-01-01T00:00:00Z') };
  const body = new TextEncoder().encode('{"jsonrpc":"2.0","id":1,"method":"tools/list"}');
  const incoming = {
    host: 'proxy.example.com',
    authorization: `Bearer ${BEARER}`,
    'proxy-authorization': `Bearer ${BEARER}`,
    connection: 'keep-alive, X-Amz-Date, X-Custom-Hop',
    'keep-alive': 'timeout=5',
    'x-custom-hop': 'dropped',
    te: 'trailers',
    'transfer-encoding': 'chunked',
    upgrade: 'h2c',
    'x-amz-date': '19990101T000000Z',
    'x-amz-security-token': 'client-supplied',
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    'x-forwarded-for': '203.0.113.9',
    'X-Forwarded-Host': 'evil.example',
    'x-forwarded-proto': 'https',
    forwarded: 'for=203.0.113.9;proto=https',
    'x-real-ip': '203.0.113.9',
    'content-type': 'application/json',
    'content-length': '999',
    accept: ['application/json', 'text/event-stream'],
    'mcp-session-id': 'session-1',
  };

  it('replaces the bearer token and drops hop-by-hop, Connection-named and forwarding headers', async () => {
    const { headers, signedHeaders } = await signForUpstream(
      { method: 'post', url: 'https://aws-mcp.us-east-1.api.aws/mcp', headers: incoming, body },
      creds,
      options
    );
    assert.ok(!JSON.stringify(headers).includes(BEARER), 'bearer token forwarded');
    assert.match(
      headers.authorization ?? '',
      /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/20300101\/us-east-1\/aws-mcp\/aws4_request, /
    );
    assert.deepEqual(Object.keys(headers).sort(), [
      'accept',
      'authorization',
      'content-length',
      'content-type',
      'host',
      'mcp-session-id',
      'x-amz-date',
      'x-amz-security-token',
    ]);
    assert.equal(headers.host, 'aws-mcp.us-east-1.api.aws');
    assert.equal(headers['x-amz-date'], '20300101T000000Z');
    assert.equal(headers['x-amz-security-token'], 'session');
    assert.equal(headers['content-length'], String(body.byteLength));
    assert.equal(headers.accept, 'application/json, text/event-stream');
    assert.deepEqual(signedHeaders, [
      'accept',
      'content-length',
      'content-type',
      'host',
      'mcp-session-id',
      'x-amz-date',
      'x-amz-security-token',
    ]);
  });

  it('signs the upstream host with its port', async () => {
    const { headers } = await signForUpstream(
      { method: 'GET', url: 'http://127.0.0.1:8443/mcp', headers: { host: 'proxy' } },
      creds,
      options
    );
    assert.equal(headers.host, '127.0.0.1:8443');
  });

  it('fails with SIGNING_FAILED above the body limit', async () => {
    await assert.rejects(
      signForUpstream(
        {
          method: 'POST',
          url: 'https://aws-mcp.us-east-1.api.aws/mcp',
          headers: {},
          body: new Uint8Array(11),
        },
        creds,
        { ...options, maxBodyBytes: 10 }
      ),
      (err: unknown) =>
        err instanceof AwsStsError &&
        err.code === 'SIGNING_FAILED' &&
        err.message === 'request body exceeds maximum size of 10 bytes'
    );
  });

  it('fails with SIGNING_FAILED without credentials', async () => {
    await assert.rejects(
      signForUpstream(
        { method: 'GET', url: 'https://aws-mcp.us-east-1.api.aws/mcp', headers: {} },
        { accessKeyId: '', secretAccessKey: '' },
        options
      ),
      (err: unknown) => err instanceof AwsStsError && err.code === 'SIGNING_FAILED'
    );
  });
});

// The proxy's lean signer (createUpstreamSigner on node:crypto) against signForUpstream on
// @smithy/signature-v4: the same headers sent and the same signature, byte for byte, on AWS's
// vectors and on thousands of generated MCP requests. A failure prints its seed to replay it:
//   SIGV4_FUZZ_SEED=<seed> node --import tsx --test sandbox/src/signing/leanSigner.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signUpstream } from '../proxy/nodeSigner';
import { AwsStsError } from '../errors';
import { flattenHeaders, stripForwardingHeaders, stripHopByHopHeaders } from './headers';
import type { HeaderInput } from './headers';
import { signForUpstream, upstreamHeaders } from './signer';
import type { SignForUpstreamOptions, SigningCredentials, UpstreamRequest } from './signer';

const SEED = Number(process.env.SIGV4_FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.SIGV4_FUZZ_CASES ?? 4000);

/** mulberry32: a small seeded PRNG, so every run generates the same requests. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  const oddCase = (name: string) =>
    [...name].map((c) => (chance(0.3) ? c.toUpperCase() : c)).join('');
  const text = (alphabet: readonly string[], max: number) =>
    Array.from({ length: int(max + 1) }, () => pick(alphabet)).join('');
  const VALUE_CHARS = [
    ...'abcXYZ019-_.~/=;,:"\'()*!@#$%^&+?',
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n ',
    '\u00a0',
    'é',
    'ሴ',
    '😀',
  ];
  const QUERY_CHARS = [
    ...'abcXYZ019-_.~',
    '%20',
    '%2B',
    '+',
    '%E1%88%B4',
    'ሴ',
    '%zz',
    '*',
    "'",
    '!',
    '/',
  ];
  const BODY_PARTS = [
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"aws___call_aws"}}',
    '{"text":"grüße, 東京 😀"}',
    ' ',
    '\n',
    'ሴ',
  ];
  const NAMES = [
    'accept',
    'content-type',
    'content-length',
    'mcp-session-id',
    'mcp-protocol-version',
    'x-request-id',
    'user-agent',
    'cache-control',
    'date',
    'referer',
    'x-custom',
    'x-trace',
    'sec-fetch-mode',
    'proxy-authorization',
    'connection',
    'keep-alive',
    'transfer-encoding',
    'upgrade',
    'te',
    'x-forwarded-for',
    'x-forwarded-proto',
    'forwarded',
    'x-real-ip',
    'authorization',
    'host',
    'x-amz-date',
    'x-amz-security-token',
    'x-amz-content-sha256',
    'x-amz-target',
    'cookie',
    'expect',
    'max-forwards',
  ];

  return (): {
    request: UpstreamRequest;
    credentials: SigningCredentials;
    options: SignForUpstreamOptions;
  } => {
    const headers: Record<string, string | string[]> = {};
    for (let i = int(9); i > 0; i--) {
      const name = pick(NAMES);
      const value = (): string => text(VALUE_CHARS, 12);
      let key = oddCase(name);
      if (name === 'connection') {
        headers[key] = [pick(NAMES), 'keep-alive', ` ${pick(NAMES).toUpperCase()} `].join(
          pick([',', ', ', ' ,'])
        );
        continue;
      }
      // A duplicate under another spelling, or an array of values (repeated header lines).
      if (headers[key] !== undefined) key = oddCase(name);
      headers[key] = chance(0.2) ? Array.from({ length: 1 + int(3) }, value) : value();
    }
    const search = chance(0.5)
      ? ''
      : `?${Array.from(
          { length: 1 + int(4) },
          () => `${text(QUERY_CHARS, 4)}${chance(0.8) ? `=${text(QUERY_CHARS, 5)}` : ''}`
        ).join(pick(['&', '&', '&&']))}`;
    const path = pick(['/mcp', '/mcp/', '/signed/mcp', '/a b/../mcp', '/%7Euser/mcp', '/ሴ']);
    const body = chance(0.3) ? undefined : new TextEncoder().encode(text(BODY_PARTS, 3));
    return {
      request: {
        method: pick(['POST', 'post', 'GET', 'DELETE']),
        url: `https://aws-mcp.${pick(['us-east-1', 'eu-central-1'])}.api.aws${pick(['', ':8443'])}${path}${search}`,
        headers,
        ...(body === undefined ? {} : { body }),
      },
      credentials: {
        accessKeyId: `ASIA${text([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'], 16)}`,
        secretAccessKey: text([...'abcdefABCDEF0123456789/+'], 40) || 'x',
        ...(chance(0.9) ? { sessionToken: text([...'abcXYZ019/+='], 60) || 't' } : {}),
      },
      options: {
        region: pick(['us-east-1', 'eu-central-1', 'ap-southeast-2']),
        ...(chance(0.3) ? { service: pick(['aws-mcp', 'execute-api']) } : {}),
        signingDate: new Date(Date.UTC(2026, int(12), 1 + int(28), int(24), int(60), int(60))),
      },
    };
  };
}

describe('createUpstreamSigner (node:crypto) equals signForUpstream (@smithy/signature-v4)', () => {
  it(`on ${CASES} generated MCP requests (seed ${SEED})`, async () => {
    const next = generator(SEED);
    for (let i = 0; i < CASES; i++) {
      const { request, credentials, options } = next();
      const context = () =>
        `case ${i} of seed ${SEED} (replay: SIGV4_FUZZ_SEED=${SEED}): ${JSON.stringify({
          ...request,
          body: request.body ? new TextDecoder().decode(request.body) : undefined,
          options,
        })}`;
      const reference = await signForUpstream(request, credentials, options);
      const lean = signUpstream(request, credentials, options);
      assert.deepStrictEqual(lean.headers, reference.headers, context());
      assert.deepStrictEqual(
        Object.keys(lean.headers),
        Object.keys(reference.headers),
        `header order: ${context()}`
      );
      assert.deepStrictEqual(lean.signedHeaders, reference.signedHeaders, context());
    }
  });

  it('keeps the header hygiene: forwarding, hop-by-hop and Connection-named headers never sent or signed', () => {
    const { headers, signedHeaders } = signUpstream(
      {
        method: 'POST',
        url: 'https://aws-mcp.us-east-1.api.aws/mcp',
        headers: {
          connection: 'keep-alive, X-Amz-Date, x-trace',
          'x-trace': '1',
          'X-Forwarded-For': '203.0.113.9',
          'x-forwarded-host': 'evil.example',
          forwarded: 'for=203.0.113.9',
          'x-real-ip': '203.0.113.9',
          'transfer-encoding': 'chunked',
          'proxy-authorization': 'Basic x',
          authorization: 'Bearer client-token',
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
          host: 'proxy.example',
          'content-type': 'application/json',
        },
        body: new TextEncoder().encode('{}'),
      },
      { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
      { region: 'us-east-1' }
    );
    assert.deepEqual(Object.keys(headers).sort(), [
      'authorization',
      'content-type',
      'host',
      'x-amz-date',
      'x-amz-security-token',
    ]);
    assert.equal(headers.host, 'aws-mcp.us-east-1.api.aws');
    assert.match(headers.authorization ?? '', /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\//);
    assert.deepEqual(signedHeaders, ['content-type', 'host', 'x-amz-date', 'x-amz-security-token']);
  });

  it('refuses what signForUpstream refuses, with the same errors', async () => {
    const ok: UpstreamRequest = { method: 'POST', url: 'https://h/mcp', headers: {} };
    const creds = { accessKeyId: 'A', secretAccessKey: 'S' };
    for (const [request, credentials, options] of [
      [{ ...ok, body: new Uint8Array(11) }, creds, { region: 'r', maxBodyBytes: 10 }],
      [ok, creds, { region: '' }],
      [ok, { accessKeyId: '', secretAccessKey: 'S' }, { region: 'r' }],
      [{ ...ok, url: 'not a url' }, creds, { region: 'r' }],
    ] as const) {
      const expected = await signForUpstream(request, credentials, options).then(
        () => assert.fail('signForUpstream accepted it'),
        (error: unknown) => error as AwsStsError
      );
      assert.throws(
        () => signUpstream(request, credentials, options),
        (error: unknown) =>
          error instanceof AwsStsError &&
          error.code === expected.code &&
          error.message === expected.message
      );
    }
  });
});

describe('upstreamHeaders in one pass', () => {
  it('equals the composition of the hygiene steps on generated header sets', () => {
    const next = generator(SEED + 1);
    const OWNED = [
      'authorization',
      'host',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-content-sha256',
    ];
    for (let i = 0; i < CASES; i++) {
      const { request } = next();
      const headers = request.headers as HeaderInput;
      const expected = flattenHeaders(stripForwardingHeaders(stripHopByHopHeaders(headers)));
      for (const name of OWNED) delete expected[name];
      expected.host = 'upstream.example';
      if (expected['content-length'] !== undefined) expected['content-length'] = '42';
      const actual = upstreamHeaders(headers, 'upstream.example', 42);
      const context = `case ${i} of seed ${SEED + 1}: ${JSON.stringify(headers)}`;
      assert.deepStrictEqual(actual, expected, context);
      assert.deepStrictEqual(Object.keys(actual), Object.keys(expected), context);
    }
  });

  it('takes fetch Headers too', () => {
    const headers = new Headers({
      Accept: 'a',
      'X-Forwarded-For': 'x',
      Connection: 'x-b',
      'x-b': '1',
    });
    assert.deepEqual(upstreamHeaders(headers, 'h', 0), { accept: 'a', host: 'h' });
  });
});

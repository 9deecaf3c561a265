// The lean SigV4 (sigv4.ts) against AWS's published test suite (vendored under
// sandbox/test/fixtures/aws4_testsuite): canonical request, string to sign and Authorization
// byte for byte, with @smithy/signature-v4 (the reference) run on the same input and compared too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HeaderBag, HttpRequest as SmithyHttpRequest } from '@smithy/types';
import { nodeSigV4Hashing } from '../proxy/nodeSigner';
import { parseQuery } from './request';
import { signerInit } from './signer';
import { canonicalQuery, canonicalizePath, createSigV4Signer, normalizeHeaderValue } from './sigv4';

const SUITE = join(import.meta.dirname, '../../test/fixtures/aws4_testsuite');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const SIGNING_TIME = Date.UTC(2015, 7, 30, 12, 36, 0);

interface Vector {
  name: string;
  method: string;
  path: string;
  search: string;
  /** Lower-case names; repeated headers joined with `,` as the suite's canonical form has them. */
  headers: Record<string, string>;
  body: Uint8Array;
  sessionToken?: string;
  creq: string;
  sts: string;
  authz: string;
}

/** Every folder of the suite with a `.req`, parsed (multi-line values keep their line breaks). */
function loadSuite(dir: string): Vector[] {
  const vectors: Vector[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    const files = readdirSync(path);
    if (files.includes(`${name}.req`)) vectors.push(parseVector(path, name));
    else vectors.push(...loadSuite(path));
  }
  return vectors;
}

function parseVector(dir: string, name: string): Vector {
  const read = (ext: string) => readFileSync(join(dir, `${name}.${ext}`), 'utf8');
  const req = read('req');
  const blank = req.indexOf('\n\n');
  const head = (blank >= 0 ? req.slice(0, blank) : req).split('\n');
  const body = new TextEncoder().encode(blank >= 0 ? req.slice(blank + 2) : '');
  const requestLine = head.shift() ?? '';
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' HTTP/'));
  const q = target.indexOf('?');
  const raw: [string, string][] = [];
  for (const line of head) {
    if (line === '') continue;
    if (/^\s/.test(line) && raw.length > 0) {
      const last = raw[raw.length - 1] as [string, string];
      last[1] += `\n${line}`;
    } else {
      const colon = line.indexOf(':');
      raw.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1)]);
    }
  }
  const headers: Record<string, string> = {};
  let sessionToken: string | undefined;
  for (const [key, value] of raw) {
    if (key === 'x-amz-date') continue; // the signer writes it
    if (key === 'x-amz-security-token') sessionToken = value;
    else headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`;
  }
  const creq = read('creq');
  // get-vanilla-with-session-token names its token in the canonical request only.
  sessionToken ??= /^x-amz-security-token:(.*)$/m.exec(creq)?.[1];
  return {
    name: dir.slice(SUITE.length + 1),
    method,
    path: q >= 0 ? target.slice(0, q) : target,
    search: q >= 0 ? target.slice(q + 1) : '',
    headers,
    body,
    ...(sessionToken === undefined ? {} : { sessionToken }),
    creq,
    sts: read('sts'),
    authz: read('authz'),
  };
}

/** @smithy/signature-v4, remembering the canonical request it builds. */
class ObservedSignatureV4 extends SignatureV4 {
  canonicalRequest = '';
  protected override createCanonicalRequest(
    request: SmithyHttpRequest,
    canonicalHeaders: HeaderBag,
    payloadHash: string
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    return this.canonicalRequest;
  }
}

async function smithySign(v: Vector): Promise<{ authorization: string; canonicalRequest: string }> {
  const credentials = v.sessionToken
    ? { ...CREDENTIALS, sessionToken: v.sessionToken }
    : CREDENTIALS;
  const signer = new ObservedSignatureV4(signerInit(credentials, 'us-east-1', 'service'));
  const signed = (await signer.sign(
    new HttpRequest({
      method: v.method,
      protocol: 'https:',
      hostname: 'example.amazonaws.com',
      path: v.path,
      query: parseQuery(v.search),
      headers: { ...v.headers },
      body: v.body,
    }),
    { signingDate: new Date(SIGNING_TIME) }
  )) as HttpRequest;
  return {
    authorization: signed.headers.authorization ?? '',
    canonicalRequest: signer.canonicalRequest,
  };
}

const vectors = loadSuite(SUITE);

describe('lean SigV4: AWS SigV4 test suite', () => {
  it('reads the whole suite', () => {
    assert.ok(vectors.length >= 30, `only ${vectors.length} vectors found under ${SUITE}`);
    for (const covered of [
      'get-vanilla',
      'post-vanilla',
      'get-header-key-duplicate',
      'get-header-value-multiline',
      'get-header-value-order',
      'get-header-value-trim',
      'get-unreserved',
      'get-utf8',
      'get-vanilla-utf8-query',
      'get-vanilla-query-order-key-case',
      'get-vanilla-query-order-value',
      'post-sts-token/post-sts-header-before',
      'get-vanilla-with-session-token',
      'post-x-www-form-urlencoded',
      'normalize-path/get-relative-relative',
    ]) {
      assert.ok(
        vectors.some((v) => v.name === covered),
        `${covered} is missing`
      );
    }
  });

  const signer = createSigV4Signer(nodeSigV4Hashing);
  for (const v of vectors) {
    it(`${v.name}: canonical request, string to sign and Authorization as AWS publishes them, and as @smithy/signature-v4 makes them`, async () => {
      const credentials = v.sessionToken
        ? { ...CREDENTIALS, sessionToken: v.sessionToken }
        : CREDENTIALS;
      const headers = { ...v.headers };
      const result = signer.sign(
        { method: v.method, path: v.path, search: v.search, headers, body: v.body },
        credentials,
        { region: 'us-east-1', service: 'service', timeMs: SIGNING_TIME }
      );
      assert.equal(result.canonicalRequest, v.creq);
      assert.equal(result.stringToSign, v.sts);
      assert.equal(result.authorization, v.authz);
      assert.equal(headers.authorization, v.authz);
      assert.equal(headers['x-amz-date'], '20150830T123600Z');
      assert.equal(headers['x-amz-security-token'], v.sessionToken);

      const reference = await smithySign(v);
      assert.equal(reference.canonicalRequest, result.canonicalRequest);
      assert.equal(reference.authorization, result.authorization);
    });
  }
});

describe('lean SigV4: its parts', () => {
  it('normalizes header values exactly as the SDK (CR/LF, runs of spaces and tabs, one edge space)', () => {
    for (const [value, expected] of [
      ['plain', 'plain'],
      ['', ''],
      [' ', ''],
      ['  a  ', 'a'],
      ['a\tb', 'a b'],
      ['a\r\n  b', 'a b'],
      ['\u00a0a\u00a0', '\u00a0a\u00a0'],
      ['a \u00a0 b', 'a \u00a0 b'],
      ['x\u000bx', 'x\u000bx'],
    ] as const) {
      assert.equal(normalizeHeaderValue(value), expected, JSON.stringify(value));
    }
  });

  it('canonicalizes paths and queries as the SDK', () => {
    assert.equal(canonicalizePath('/a b/./c/../d/'), '/a%20b/d/');
    assert.equal(canonicalizePath('/mcp%2Fx'), '/mcp%252Fx');
    assert.equal(canonicalizePath(''), '');
    assert.equal(canonicalQuery(''), '');
    assert.equal(canonicalQuery('?'), '');
    assert.equal(canonicalQuery('b=2&a=1&a=0&X-Amz-Signature=x&c'), 'a=0&a=1&b=2&c=');
    assert.equal(canonicalQuery('a+b=c%2Bd&%zz=1'), '%25zz=1&a%2Bb=c%2Bd');
  });

  it('derives the signing key once per credential set and day, not per request', () => {
    let hmacs = 0;
    const counting = {
      ...nodeSigV4Hashing,
      hmacSha256: (key: string | Uint8Array, data: string) => {
        hmacs++;
        return nodeSigV4Hashing.hmacSha256(key, data);
      },
    };
    const signer = createSigV4Signer(counting);
    const credentials = { ...CREDENTIALS, sessionToken: 'token' };
    const sign = (timeMs: number, region = 'us-east-1') =>
      signer.sign(
        {
          method: 'POST',
          path: '/mcp',
          search: '',
          headers: { host: 'h' },
          body: new Uint8Array(),
        },
        credentials,
        { region, service: 'aws-mcp', timeMs }
      );
    sign(SIGNING_TIME);
    sign(SIGNING_TIME + 1000);
    sign(SIGNING_TIME + 3_600_000);
    assert.equal(hmacs, 4, 'four HMACs derive the key, once');
    sign(SIGNING_TIME + 86_400_000);
    assert.equal(hmacs, 8, 'a new day derives a new key');
    sign(SIGNING_TIME + 86_400_000, 'eu-west-1');
    assert.equal(hmacs, 12, 'another Region derives a new key');
    signer.sign(
      { method: 'GET', path: '/', search: '', headers: { host: 'h' }, body: new Uint8Array() },
      { ...credentials },
      { region: 'eu-west-1', service: 'aws-mcp', timeMs: SIGNING_TIME + 86_400_000 }
    );
    assert.equal(hmacs, 16, 'another credential set derives its own key');
  });

  it('never hashes an empty body', () => {
    let hashed = 0;
    const signer = createSigV4Signer({
      ...nodeSigV4Hashing,
      sha256Hex: (data) => {
        if (typeof data !== 'string') hashed++;
        return nodeSigV4Hashing.sha256Hex(data);
      },
    });
    const sign = (body: Uint8Array) =>
      signer.sign(
        { method: 'POST', path: '/', search: '', headers: { host: 'h' }, body },
        CREDENTIALS,
        { region: 'us-east-1', service: 'service', timeMs: SIGNING_TIME }
      );
    const empty = sign(new Uint8Array());
    assert.equal(hashed, 0);
    assert.ok(
      empty.canonicalRequest.endsWith(
        '\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
      )
    );
    sign(new TextEncoder().encode('{}'));
    assert.equal(hashed, 1);
  });
});

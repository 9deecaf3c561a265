// Sign → send over a real loopback HTTP connection → verify what the server received.
import assert from 'node:assert/strict';
import { request as httpRequest, createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { stripHopByHopHeaders } from './headers';
import { signForUpstream } from './signer';
import { verifySigV4 } from './verifier';
import type { SigningSecret } from './verifier';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

const BEARER = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.bearer-signature';
const CREDS = {
  accessKeyId: 'ASIAWIRE',
  secretAccessKey: 'wire-secret',
  sessionToken: 'wire-session',
};
const lookup = (id: string): SigningSecret | undefined =>
  id === CREDS.accessKeyId
    ? { secretAccessKey: CREDS.secretAccessKey, sessionToken: CREDS.sessionToken }
    : undefined;
const BODY = new TextEncoder().encode(
  JSON.stringify({
    jsonrpc: '2.0',
    id: 2,
    method: 'tools/call',
    params: { name: 'aws___run_script', arguments: { script: 'print("héllo")' } },
  })
);
/** What a client sends the proxy: bearer auth, hop-by-hop headers, gateway headers. */
const INCOMING = {
  host: 'mcp.example.com',
  authorization: `Bearer ${BEARER}`,
  connection: 'keep-alive, X-Amz-Date, X-Debug-Hop',
  'keep-alive': 'timeout=5',
  'x-debug-hop': '1',
  te: 'trailers',
  'x-amz-date': '20000101T000000Z',
  'x-forwarded-for': '203.0.113.9',
  'x-forwarded-host': 'mcp.example.com',
  'x-forwarded-proto': 'https',
  forwarded: 'for=203.0.113.9;host=mcp.example.com;proto=https',
  'x-real-ip': '203.0.113.9',
  'content-type': 'application/json',
  'content-length': String(BODY.byteLength),
  accept: 'application/json, text/event-stream',
  'mcp-session-id': 'abc123',
};

let server: Server;
let port: number;
let received: Received[] = [];

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: new Uint8Array(Buffer.concat(chunks)),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(
  headers: Record<string, string>,
  body: Uint8Array,
  path = '/mcp?session=1'
): Promise<Received> {
  received = [];
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path, headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => {
          const got = received[0];
          if (got) resolve(got);
          else reject(new Error('server recorded nothing'));
        });
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

const verify = (
  r:
    | Received
    | { method: string; url: string; headers: Record<string, string | string[]>; body: Uint8Array }
) => verifySigV4(r, lookup, { service: 'aws-mcp', region: 'us-east-1', now: new Date() });

describe('signature survives the wire', () => {
  it('verifies from what a node:http server received, hop-by-hop and forwarding headers removed', async () => {
    const target = `http://127.0.0.1:${port}/mcp?session=1`;
    const { headers } = await signForUpstream(
      { method: 'POST', url: target, headers: INCOMING, body: BODY },
      CREDS,
      { region: 'us-east-1' }
    );
    const got = await send(headers, BODY);

    const result = await verify(got);
    assert.equal(result.ok, true, JSON.stringify(result));
    for (const name of [
      'x-debug-hop',
      'keep-alive',
      'te',
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'forwarded',
      'x-real-ip',
    ]) {
      assert.equal(got.headers[name], undefined, `${name} reached the upstream`);
    }
    assert.notEqual(got.headers['x-amz-date'], '20000101T000000Z');
    assert.ok(!JSON.stringify(got.headers).includes(BEARER), 'bearer token reached the upstream');
    assert.match(String(got.headers.authorization), /^AWS4-HMAC-SHA256 /);
    assert.equal(got.headers.host, `127.0.0.1:${port}`);

    // A hop-by-hop-compliant intermediary between proxy and upstream changes nothing signed.
    assert.equal((await verify({ ...got, headers: stripHopByHopHeaders(got.headers) })).ok, true);
  });

  it('verifies when a gateway adds X-Forwarded-* after signing (ToolHive #4670)', async () => {
    const { headers } = await signForUpstream(
      {
        method: 'POST',
        url: `http://127.0.0.1:${port}/mcp?session=1`,
        headers: INCOMING,
        body: BODY,
      },
      CREDS,
      { region: 'us-east-1' }
    );
    const got = await send(
      { ...headers, 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'http' },
      BODY
    );
    assert.equal((await verify(got)).ok, true);
  });

  it('control: forwarding the client Connection header would lose X-Amz-Date at the next hop (ToolHive #5835)', async () => {
    const { headers } = await signForUpstream(
      {
        method: 'POST',
        url: `http://127.0.0.1:${port}/mcp?session=1`,
        headers: INCOMING,
        body: BODY,
      },
      CREDS,
      { region: 'us-east-1' }
    );
    const got = await send({ ...headers, connection: 'X-Amz-Date' }, BODY);
    const afterHop = await verify({ ...got, headers: stripHopByHopHeaders(got.headers) });
    assert.equal(afterHop.ok === false && afterHop.code, 'IncompleteSignatureException');
  });

  it('rejects a body changed in transit', async () => {
    const { headers } = await signForUpstream(
      {
        method: 'POST',
        url: `http://127.0.0.1:${port}/mcp?session=1`,
        headers: INCOMING,
        body: BODY,
      },
      CREDS,
      { region: 'us-east-1' }
    );
    const altered = new Uint8Array(BODY);
    altered[altered.length - 2] = 0x20;
    const got = await send(headers, altered);
    const result = await verify(got);
    assert.equal(result.ok === false && result.code, 'InvalidSignatureException');
  });
});

// Proxy ↔ upstream over real HTTP: what the upstream receives (signature, header hygiene, MCP
// headers), what the client gets back (relay, hygiene, SSE streaming), and transport failures.

import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { startHarness } from '../../test/support/proxyHarness';
import type { Harness, UpstreamHandler } from '../../test/support/proxyHarness';

let h: Harness;
let defaultHandler: UpstreamHandler;
before(async () => {
  h = await startHarness();
  defaultHandler = h.upstream.handler;
});
afterEach(() => {
  h.upstream.handler = defaultHandler;
});
after(() => h.close());

/** A deferred promise: the tests' latch. */
function latch<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/** Sends with node:http, so that hop-by-hop and forwarding headers can be set at all. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string }
): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ res, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('what the upstream receives', () => {
  it('a valid SigV4 signature for STS credentials; no bearer token, forwarding or hop-by-hop headers', async () => {
    const token = await h.token();
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/list',
      params: { é: 'ü' },
    });
    const { res } = await send(`${h.url}?x=1&y=a%20b`, {
      body,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        connection: 'keep-alive, X-Debug-Hop, X-Amz-Date',
        'keep-alive': 'timeout=5',
        'x-debug-hop': '1',
        te: 'trailers',
        trailer: 'x-checksum',
        'proxy-authorization': 'Basic Zm9vOmJhcg==',
        'proxy-connection': 'keep-alive',
        'x-amz-date': '20000101T000000Z',
        'x-amz-content-sha256': 'deadbeef',
        'x-amz-security-token': 'client-supplied',
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-host': 'mcp.example.com',
        'x-forwarded-proto': 'https',
        'x-forwarded-port': '443',
        forwarded: 'for=203.0.113.9;proto=https',
        'x-real-ip': '203.0.113.9',
        'mcp-session-id': 'sess-1',
        'mcp-protocol-version': '2025-06-18',
        'x-request-id': 'client-req-1',
      },
    });
    assert.equal(res.statusCode, 200);
    const seen = h.upstream.received.at(-1);
    assert.ok(seen);
    assert.equal(seen.signature.ok, true, JSON.stringify(seen.signature));
    assert.match(
      seen.headers.authorization ?? '',
      /^AWS4-HMAC-SHA256 Credential=ASIASTUB\d{8}\/\d{8}\/us-east-1\/aws-mcp\/aws4_request, /
    );
    const issued = [...h.sts.issued.values()].map((c) => c.sessionToken);
    assert.ok(issued.includes(String(seen.headers['x-amz-security-token'])));
    assert.notEqual(seen.headers['x-amz-date'], '20000101T000000Z');

    const everything = JSON.stringify(seen.headers) + seen.body.toString('utf8');
    assert.ok(!everything.includes(token), 'the bearer token never reaches the upstream');
    assert.ok(!/bearer/i.test(everything));
    for (const name of [
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'x-forwarded-port',
      'forwarded',
      'x-real-ip',
      'keep-alive',
      'te',
      'trailer',
      'proxy-authorization',
      'proxy-connection',
      'x-debug-hop',
      'x-amz-content-sha256',
    ]) {
      assert.ok(!seen.rawHeaderNames.includes(name), `${name} must not be forwarded`);
    }
    // The proxy's own keep-alive connection, not the client's Connection list.
    assert.equal(seen.headers.connection, 'keep-alive');
    if (seen.signature.ok) {
      for (const name of seen.signature.signedHeaders) {
        assert.ok(
          !/^(x-forwarded-|forwarded$|x-real-ip$|connection$|keep-alive$|te$)/.test(name),
          name
        );
      }
    }

    assert.equal(seen.url, '/mcp?x=1&y=a%20b');
    assert.equal(seen.headers.host, new URL(h.upstream.origin).host);
    assert.equal(seen.body.toString('utf8'), body);
    assert.equal(seen.headers['content-length'], String(Buffer.byteLength(body)));
    assert.equal(seen.headers['mcp-session-id'], 'sess-1');
    assert.equal(seen.headers['mcp-protocol-version'], '2025-06-18');
    assert.equal(seen.headers['x-request-id'], 'client-req-1');
    assert.equal(res.headers['x-request-id'], 'client-req-1');
  });

  for (const method of ['GET', 'DELETE']) {
    it(`${method} is forwarded and signed with the empty-body hash`, async () => {
      h.upstream.handler = (_req, res) => void res.writeHead(202).end();
      const { res } = await send(h.url, {
        method,
        headers: {
          authorization: `Bearer ${await h.token()}`,
          accept: 'text/event-stream',
          'mcp-session-id': 'sess-1',
        },
      });
      assert.equal(res.statusCode, 202);
      const seen = h.upstream.received.at(-1);
      assert.equal(seen?.method, method);
      assert.equal(seen?.signature.ok, true);
      assert.equal(seen?.body.byteLength, 0);
      assert.equal(seen?.headers['content-length'], undefined);
      assert.equal(seen?.headers['mcp-session-id'], 'sess-1');
    });
  }
});

describe('what the client gets back', () => {
  it('status, body and MCP headers relayed; hop-by-hop and upstream CORS headers stripped', async () => {
    h.upstream.handler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'mcp-session-id': 'sess-2',
        'mcp-protocol-version': '2025-06-18',
        connection: 'X-Upstream-Hop',
        'x-upstream-hop': 'hop-value',
        'keep-alive': 'timeout=99',
        'access-control-allow-origin': '*',
        'x-upstream-id': 'u-1',
      });
      res.end('{"jsonrpc":"2.0","id":1,"result":{}}');
    };
    const { res, body } = await send(h.url, {
      headers: { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(res.statusCode, 200);
    assert.equal(body, '{"jsonrpc":"2.0","id":1,"result":{}}');
    assert.equal(res.headers['mcp-session-id'], 'sess-2');
    assert.equal(res.headers['mcp-protocol-version'], '2025-06-18');
    assert.equal(res.headers['x-upstream-id'], 'u-1');
    assert.equal(res.headers['x-upstream-hop'], undefined);
    assert.notEqual(res.headers['keep-alive'], 'timeout=99');
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  const relayed: { status: number; headers: Record<string, string>; body: string }[] = [
    {
      status: 429,
      headers: { 'retry-after': '30', 'content-type': 'application/json' },
      body: '{"message":"Too many requests"}',
    },
    {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","error":{"code":-32001,"message":"Session not found"},"id":null}',
    },
    {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"User is not authorized"}',
    },
    { status: 500, headers: { 'content-type': 'text/plain' }, body: 'upstream broke' },
  ];
  for (const c of relayed) {
    it(`upstream ${c.status} is relayed as-is`, async () => {
      h.upstream.handler = (_req, res) => void res.writeHead(c.status, c.headers).end(c.body);
      const res = await fetch(h.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.token()}` },
        body: '{}',
      });
      assert.equal(res.status, c.status);
      assert.equal(await res.text(), c.body);
      for (const [name, value] of Object.entries(c.headers))
        assert.equal(res.headers.get(name), value);
    });
  }

  // Latch-based tests: if the proxy buffered or kept the upstream open they would wait forever;
  // the timeout turns that into a failure (it is not a timing assertion).
  it(
    'SSE is streamed: the client has the first event before the upstream sends the last',
    { timeout: 15_000 },
    async () => {
      const last = latch();
      let sentLast = false;
      h.upstream.handler = async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write('id: 1\nevent: message\ndata: {"n":1}\n\n');
        await last.promise;
        sentLast = true;
        res.end('id: 2\nevent: message\ndata: {"n":2}\n\n');
      };
      const res = await fetch(h.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.token()}`, accept: 'text/event-stream' },
        body: '{}',
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes('"n":1')) {
        const { value, done } = await reader.read();
        assert.equal(done, false, 'stream ended before the first event');
        text += value;
      }
      assert.equal(sentLast, false, 'first event arrived while the upstream still held the last');
      last.open();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
      assert.equal(sentLast, true);
      assert.equal(
        text,
        'id: 1\nevent: message\ndata: {"n":1}\n\nid: 2\nevent: message\ndata: {"n":2}\n\n'
      );
    }
  );

  it(
    'the upstream request is aborted when the client disconnects',
    { timeout: 15_000 },
    async () => {
      const upstreamClosed = latch();
      const firstSent = latch();
      h.upstream.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"n":1}\n\n', () => firstSent.open());
        res.on('close', () => upstreamClosed.open());
      };
      const token = await h.token();
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(h.url, {
          method: 'GET',
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        });
        req.on('response', (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
        req.end();
      });
      await firstSent.promise;
      await upstreamClosed.promise; // never resolves (test times out) if the proxy kept it open
      let inFlight = h.proxy.stats().inFlight;
      while (inFlight !== 0) {
        await new Promise((r) => setImmediate(r));
        inFlight = h.proxy.stats().inFlight;
      }
      assert.equal(inFlight, 0);
    }
  );

  it('an upstream that breaks off mid-stream gives the client a broken stream, not a complete one', async () => {
    h.upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n', () => res.socket?.destroy());
    };
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token()}` },
      body: '{}',
    });
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
  });
});

describe('upstream transport failures', () => {
  it('a keep-alive socket the upstream dropped is retried once on a new connection', async () => {
    const served = new WeakMap<object, number>();
    h.upstream.handler = (req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      // The second request on a connection finds it closed, as after an upstream idle timeout.
      if (count > 1) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    };
    const { url } = await h.extraProxy({});
    const token = await h.token();
    const before = h.upstream.received.length;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: '{}',
      });
      assert.equal(res.status, 200, `request ${i + 1}`);
      assert.equal(await res.text(), '{"ok":true}');
    }
    assert.equal(h.upstream.received.length - before, 3, 'two requests, one resent');
  });

  it('connection refused → 502', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { url } = await h.extraProxy({ upstreamUrl: `http://127.0.0.1:${port}/mcp` });
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token()}` },
      body: '{}',
    });
    assert.equal(res.status, 502);
    assert.equal(await res.text(), 'Upstream unreachable: could not reach the MCP server\n');
  });

  it('no response headers within upstreamTimeoutMs → 504', async () => {
    const hold = latch();
    h.upstream.handler = async (_req, res) => {
      await hold.promise;
      res.end();
    };
    try {
      const { url } = await h.extraProxy({ upstreamTimeoutMs: 150 });
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.token()}` },
        body: '{}',
      });
      assert.equal(res.status, 504);
      assert.match(
        await res.text(),
        /^Upstream timeout: the MCP server sent no response within 150 ms/
      );
    } finally {
      hold.open();
    }
  });
});

// What the cache spares a token seen again (signature check, role selection, STS), that `cache:
// false` spares nothing, the pass-through floor of the benchmark, and early SSE headers.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createProxyLogger } from './logger';
import { createPassThroughProxy } from '../../test/support/passThroughProxy';
import { startHarness, TEST_AUDIENCE, TEST_CONFIG } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

async function post(url: string, token: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
  });
  await res.arrayBuffer();
  return res.status;
}

describe('a token seen again', () => {
  it('is not verified, mapped or exchanged again while the cache is on', async () => {
    assert.equal(await post(h.url, await h.token({ sub: 'warm-up' })), 200); // keys fetched
    const token = await h.token({ sub: 'cache-user' });
    const before = { sts: h.sts.calls.length, stats: h.proxy.stats() };
    h.issuer.resetHits();
    for (let i = 0; i < 3; i++) assert.equal(await post(h.url, token), 200);
    const stats = h.proxy.stats();
    assert.equal(h.sts.calls.length - before.sts, 1);
    assert.equal(stats.verifiedTokens.hits - before.stats.verifiedTokens.hits, 2);
    assert.equal(stats.cacheHits - before.stats.cacheHits, 2);
    assert.deepEqual({ ...h.issuer.hits }, { discovery: 0, jwks: 0 });
    const signed = h.upstream.received.slice(-3);
    assert.ok(signed.every((seen) => seen.signature.ok));
  });

  it('an admin and a reader keep their own roles when both are cached', async () => {
    const admin = await h.token({ sub: 'cache-admin', groups: ['admins'] });
    const reader = await h.token({ sub: 'cache-reader', groups: ['s3-readers'] });
    for (let i = 0; i < 2; i++) {
      assert.equal(await post(h.url, admin), 200);
      assert.equal(await post(h.url, reader), 200);
    }
    const calls = h.sts.calls.filter((c) => c.roleSessionName.startsWith('cache-'));
    const roleOf = (session: string) =>
      calls
        .find((c) => c.roleSessionName === session)
        ?.roleArn.split('/')
        .pop();
    assert.equal(roleOf('cache-admin'), 'AdminMCPRole');
    assert.equal(roleOf('cache-reader'), 'S3ReadOnlyMCPRole');
  });

  it('with cache: false every request is verified and exchanged (ToolHive)', async () => {
    const { proxy, url } = await h.extraProxy({ cache: false });
    const token = await h.token({ sub: 'no-cache-user' });
    const before = h.sts.calls.length;
    for (let i = 0; i < 3; i++) assert.equal(await post(url, token), 200);
    assert.equal(h.sts.calls.length - before, 3);
    assert.deepEqual(proxy.stats().verifiedTokens, { hits: 0, size: 0 });
  });
});

describe('pass-through (the benchmark floor)', () => {
  it('relays without authentication or signing, and listens on loopback only', async () => {
    const seen: (string | undefined)[] = [];
    const upstream = createServer((req, res) => {
      seen.push(req.headers.authorization);
      req.resume();
      req.on('end', () => res.writeHead(202, { 'content-type': 'text/plain' }).end('ok'));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    const options = {
      config: TEST_CONFIG,
      upstreamUrl: `http://127.0.0.1:${port}/mcp`,
      issuer: h.issuer.issuer,
      audience: TEST_AUDIENCE,
      logger: createProxyLogger({ level: 'silent' }),
    };
    const floor = createPassThroughProxy(options);
    try {
      const { url } = await floor.listen(0, '127.0.0.1');
      const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer x' } });
      assert.equal(res.status, 202);
      assert.equal(await res.text(), 'ok');
      assert.deepEqual(seen, [undefined], 'the client credential is not passed on');
      assert.equal(floor.stats().stsCalls, 0);
      await assert.rejects(createPassThroughProxy(options).listen(0, '0.0.0.0'), /loopback only/);
    } finally {
      await floor.close();
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});

describe('relay', () => {
  it('an SSE stream with no event yet shows its headers at once', { timeout: 15_000 }, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    h.upstream.handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      await held;
      res.end('data: {"n":1}\n\n');
    };
    try {
      // fetch resolves on the headers: it would wait forever (the test times out) if the
      // proxy held them back until the first event.
      const res = await fetch(h.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.token()}` },
        body: '{}',
      });
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      release();
      assert.equal(await res.text(), 'data: {"n":1}\n\n');
    } finally {
      release();
      h.upstream.handler = (req, res, seen) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, bytes: seen.body.byteLength }));
      };
    }
  });
});

describe('decisions by token cache key', () => {
  it('keep at most maxEntries, the oldest dropped first', async () => {
    const { createDecisionCache } = await import('./handleMcpRequest');
    const decisions = createDecisionCache(2);
    const decision = (roleArn: string) => ({
      roleArn,
      roleFallback: false,
      sessionName: 's',
      sessionNameSanitized: false,
    });
    decisions.set('k1', decision('a'));
    decisions.set('k2', decision('b'));
    decisions.set('k3', decision('c'));
    assert.equal(decisions.size, 2);
    assert.equal(decisions.get('k1'), undefined);
    assert.equal(decisions.get('k3')?.roleArn, 'c');
  });
});

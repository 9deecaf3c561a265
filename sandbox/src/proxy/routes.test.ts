// The proxy's own endpoints over real sockets: /health, RFC 9728 metadata, CORS for the docs
// site, Origin checks, 404/405, request ids, listen/close and startup checks.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AwsStsError } from '../errors';
import { createProxy } from './createProxy';
import { TEST_CONFIG, roleArn, startHarness } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

const DOCS = 'http://localhost:3000';
let h: Harness;
let corsUrl: string;
before(async () => {
  h = await startHarness();
  corsUrl = (await h.extraProxy({ allowedOrigins: [`${DOCS}/`] })).url;
});
after(() => h.close());

describe('/health and metadata', () => {
  it('/health needs no token and reports counters, no secrets', async () => {
    await fetch(h.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token()}` },
      body: '{}',
    });
    const res = await fetch(new URL('/health', h.url));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    assert.equal(body.cacheEnabled, true);
    assert.equal(typeof body.cacheHits, 'number');
    assert.equal((body.cache as { size: number }).size >= 1, true);
    const text = JSON.stringify(body);
    for (const secret of [...h.sts.issued.values()].flatMap((c) => [
      c.secretAccessKey,
      c.sessionToken ?? '',
    ])) {
      assert.ok(!text.includes(secret));
    }
  });

  it('RFC 9728 metadata on the path-suffixed and the root well-known path', async () => {
    const origin = new URL(h.url).origin;
    for (const path of [
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
    ]) {
      const res = await fetch(`${origin}${path}`);
      assert.equal(res.status, 200, path);
      assert.deepEqual(await res.json(), {
        resource: `${origin}/mcp`,
        authorization_servers: [h.issuer.issuer],
        bearer_methods_supported: ['header'],
      });
    }
  });

  it('a configured resourceUrl is advertised and decides the MCP path', async () => {
    const { url, proxy } = await h.extraProxy({ resourceUrl: 'https://mcp.example.com/aws/mcp' });
    const origin = new URL(url).origin;
    assert.equal(url, `${origin}/aws/mcp`);
    const doc = (await (
      await fetch(`${origin}/.well-known/oauth-protected-resource/aws/mcp`)
    ).json()) as { resource: string };
    assert.equal(doc.resource, 'https://mcp.example.com/aws/mcp');
    const res = await fetch(url, { method: 'POST' });
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/aws/mcp"'
    );
    assert.equal((await fetch(`${origin}/mcp`, { method: 'POST' })).status, 404);
    assert.equal(proxy.stats().mcpRequests, 1);
  });
});

describe('routing', () => {
  const cases: { name: string; path: string; method: string; status: number; allow?: string }[] = [
    { name: 'unknown path', path: '/other', method: 'GET', status: 404 },
    { name: 'trailing slash is another path', path: '/mcp/', method: 'POST', status: 404 },
    {
      name: 'PUT on the MCP endpoint',
      path: '/mcp',
      method: 'PUT',
      status: 405,
      allow: 'GET, POST, DELETE, OPTIONS',
    },
    {
      name: 'POST on /health',
      path: '/health',
      method: 'POST',
      status: 405,
      allow: 'GET, HEAD, OPTIONS',
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.status}`, async () => {
      const res = await fetch(new URL(c.path, h.url), { method: c.method });
      assert.equal(res.status, c.status);
      assert.equal(res.headers.get('allow'), c.allow ?? null);
      await res.body?.cancel();
    });
  }

  it('x-request-id: a sane one is echoed, an insane one replaced', async () => {
    const sane = await fetch(new URL('/health', h.url), {
      headers: { 'x-request-id': 'trace-42' },
    });
    assert.equal(sane.headers.get('x-request-id'), 'trace-42');
    const insane = await fetch(new URL('/health', h.url), {
      headers: { 'x-request-id': 'a b "c"' },
    });
    assert.match(insane.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    await Promise.all([sane.body?.cancel(), insane.body?.cancel()]);
  });
});

describe('CORS and Origin', () => {
  it('preflight from the docs site → 204 with the MCP headers allowed', async () => {
    const res = await fetch(corsUrl, {
      method: 'OPTIONS',
      headers: {
        origin: DOCS,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, mcp-session-id',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), DOCS);
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, DELETE');
    assert.match(
      res.headers.get('access-control-allow-headers') ?? '',
      /Authorization.*Mcp-Session-Id.*MCP-Protocol-Version.*Last-Event-ID/
    );
  });

  it('preflight from another origin → 403 without a grant', async () => {
    const res = await fetch(corsUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    await res.body?.cancel();
  });

  it('an actual request from the docs site carries the grant and exposes the MCP headers', async () => {
    const res = await fetch(corsUrl, {
      method: 'POST',
      headers: { origin: DOCS, authorization: `Bearer ${await h.token()}` },
      body: '{}',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), DOCS);
    assert.match(
      res.headers.get('access-control-expose-headers') ?? '',
      /Mcp-Session-Id.*WWW-Authenticate/
    );
    assert.equal(h.upstream.received.at(-1)?.headers.origin, undefined, 'Origin is not forwarded');
    await res.body?.cancel();
  });

  it('a 401 to the docs site is readable by it (grant and exposed WWW-Authenticate)', async () => {
    const res = await fetch(corsUrl, { method: 'POST', headers: { origin: DOCS } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('access-control-allow-origin'), DOCS);
    await res.body?.cancel();
  });

  it('an MCP request from an unlisted browser origin → 403 before authentication', async () => {
    const before = h.sts.calls.length;
    for (const url of [corsUrl, h.url]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { origin: 'https://evil.example', authorization: `Bearer ${await h.token()}` },
        body: '{}',
      });
      assert.equal(res.status, 403);
      assert.equal(await res.text(), 'Origin not allowed\n');
    }
    assert.equal(h.sts.calls.length, before);
  });

  it("the proxy's own origin is accepted without listing it", async () => {
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { origin: new URL(h.url).origin, authorization: `Bearer ${await h.token()}` },
      body: '{}',
    });
    assert.equal(res.status, 200);
    await res.body?.cancel();
  });
});

describe('startup checks', () => {
  const base = {
    config: TEST_CONFIG,
    upstreamUrl: 'https://aws-mcp.us-east-1.api.aws/mcp',
    issuer: 'https://idp.example.com',
    audience: 'toolhive-aws',
  };
  const bad: {
    name: string;
    options: Partial<Parameters<typeof createProxy>[0]>;
    path: string;
    message: RegExp;
  }[] = [
    {
      name: 'invalid config',
      options: { config: 'region: nowhere\n' },
      path: 'awsSts.region',
      message: /region/,
    },
    {
      name: 'config text that is not YAML',
      options: { config: 'a: [\n' },
      path: '',
      message: /YAML syntax error/,
    },
    {
      name: 'plain http upstream',
      options: { upstreamUrl: 'http://aws-mcp.example.com/mcp' },
      path: 'upstreamUrl',
      message: /https/,
    },
    {
      name: 'plain http STS endpoint',
      options: { stsEndpoint: 'http://sts.example.com/' },
      path: 'stsEndpoint',
      message: /https/,
    },
    {
      name: 'resource with a query',
      options: { resourceUrl: 'https://mcp.example.com/mcp?x=1' },
      path: 'resource',
      message: /query/,
    },
    {
      name: 'wildcard origin',
      options: { allowedOrigins: ['*'] },
      path: 'allowedOrigins',
      message: /origin/,
    },
    { name: 'empty audience', options: { audience: '' }, path: 'audience', message: /audience/ },
    {
      name: 'zero timeout',
      options: { upstreamTimeoutMs: 0 },
      path: 'upstreamTimeoutMs',
      message: /positive/,
    },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      assert.throws(
        () => createProxy({ ...base, ...c.options }),
        (e: unknown) =>
          e instanceof AwsStsError && (e.path ?? '') === c.path && c.message.test(e.message)
      );
    });
  }

  it('a config object gets ToolHive defaults (service aws-mcp, sub, 3600 s, fallback role)', async () => {
    const { url } = await h.extraProxy({
      config: { region: 'us-east-1', fallbackRoleArn: roleArn('DefaultMCPRole') },
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token({ groups: [] })}` },
      body: '{}',
    });
    assert.equal(res.status, 200);
    await res.body?.cancel();
    const call = h.sts.calls.at(-1);
    assert.equal(call?.roleArn, roleArn('DefaultMCPRole'));
    assert.equal(call?.roleSessionName, 'alice');
    assert.equal(call?.durationSeconds, 3600);
    const seen = h.upstream.received.at(-1);
    assert.equal(seen?.signature.ok && seen.signature.service, 'aws-mcp');
  });

  it('listening on a non-loopback host needs a resourceUrl', async () => {
    const proxy = createProxy(base);
    await assert.rejects(
      proxy.listen(0, '0.0.0.0'),
      (e: unknown) => e instanceof AwsStsError && e.path === 'resourceUrl'
    );
    await proxy.close();
  });

  it('listen reports the local MCP URL; close ends open connections', async () => {
    const proxy = createProxy(base);
    const address = await proxy.listen();
    assert.equal(address.host, '127.0.0.1');
    assert.equal(address.url, `http://127.0.0.1:${address.port}/mcp`);
    assert.equal(address.resourceUrl, address.url);
    assert.equal((await fetch(new URL('/health', address.url))).status, 200);
    await proxy.close();
    await assert.rejects(fetch(new URL('/health', address.url)));
  });
});

// A by-hand throughput check (not a test): N requests at concurrency C through the proxy on
// loopback, warm cache, against the local issuer, STS stub and SigV4-verifying upstream.
// Run: node --import tsx sandbox/src/proxy/measure.ts [requests=2000] [concurrency=20] [users=20]
//      [--no-cache]  (ToolHive's behaviour: one STS call per request, against the local stub)

import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startHarness } from './testHarness';

const args = process.argv.slice(2);
const cache = !args.includes('--no-cache');
const [requests = 2000, concurrency = 20, users = 20] = args
  .filter((value) => /^\d+$/.test(value))
  .map((value) => Number.parseInt(value, 10));

const harness = await startHarness({ cache });
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const tokens = await Promise.all(
  Array.from({ length: users }, (_, i) => harness.token({ sub: `user-${i}` }))
);
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

function once(token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(harness.url, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Warm-up: one request per user fills the cache (and JIT-compiles the path).
for (const token of tokens) await once(token);
const before = harness.proxy.stats();
const upstreamBefore = harness.upstream.received.length;
const statuses = new Map<number, number>();
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      const token = tokens[next++ % tokens.length] ?? '';
      const status = await once(token);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  })
);
const seconds = (performance.now() - started) / 1000;
const after = harness.proxy.stats();
const hits = after.cacheHits - before.cacheHits;
const asked = hits + (after.cacheMisses - before.cacheMisses);
const verified = harness.upstream.received.slice(upstreamBefore).filter((s) => s.signature.ok);

console.log(
  JSON.stringify(
    {
      requests,
      concurrency,
      users,
      cache,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Math.round(requests / seconds),
      statuses: Object.fromEntries(statuses),
      stsCalls: after.stsCalls - before.stsCalls,
      cacheHitRate: asked === 0 ? 0 : Number((hits / asked).toFixed(4)),
      upstreamSignaturesVerified: verified.length,
    },
    null,
    2
  )
);
agent.destroy();
await harness.close();

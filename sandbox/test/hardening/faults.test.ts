// Faults around the proxy (STS down, slow, failing, throttling, garbled; JWKS down mid-rotation;
// upstream refusing, resetting, throttling; clients leaving mid-stream): the documented status in
// each mode (enhanced and ToolHive's), recovery once the fault clears, and no hung sockets,
// growing handles or growing heap.

import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { after, before, describe, it, mock } from 'node:test';
import type { Proxy } from '../../src/proxy/createProxy';
import { startHarness } from '../support/proxyHarness';
import type { Harness, UpstreamHandler } from '../support/proxyHarness';
import { stsErrorResponse } from '../support/stsResponses';
import {
  activeResources,
  connectionsOf,
  eventually,
  heapAfterGc,
  send,
  switchablePort,
} from './kit';
import type { Answer, SwitchablePort } from './kit';

let h: Harness;
let sts: SwitchablePort;
let upstream: SwitchablePort;
let jwks: SwitchablePort;
let proxy: Proxy;
let url: string;
/** The same proxy in the ToolHive mode. */
let toolhiveUrl: string;
let defaultHandler: UpstreamHandler;
let agent: Agent;
let serial = 0;

before(async () => {
  h = await startHarness();
  defaultHandler = h.upstream.handler;
  sts = await switchablePort(h.sts.endpoint);
  upstream = await switchablePort(h.upstream.origin);
  jwks = await switchablePort(new URL(h.issuer.issuer).origin);
  const faulty = {
    stsEndpoint: `${sts.origin}/`,
    upstreamUrl: `${upstream.origin}/mcp`,
    jwksUri: `${jwks.origin}${new URL(h.issuer.jwksUri).pathname}`,
    stsTimeoutMs: 300,
    stsMaxAttempts: 1,
  };
  ({ proxy, url } = await h.extraProxy({ ...faulty, mode: 'enhanced' }));
  ({ url: toolhiveUrl } = await h.extraProxy({ ...faulty, mode: 'toolhive' }));
  agent = new Agent({ keepAlive: true });
});
after(async () => {
  agent.destroy();
  await h.close();
  await Promise.all([sts.close(), upstream.close(), jwks.close()]);
});

/** A token of a user never seen before, so the credential cache cannot hide an STS fault. */
const fresh = (): Promise<string> => h.token({ sub: `user-${++serial}` });
const call = async (token?: string, target = url): Promise<Answer> =>
  send(target, { token: token ?? (await fresh()), agent });

/** Every STS failure in the ToolHive mode (pkg/auth/awssts/middleware.go). */
const TOOLHIVE_STS = { status: 401, body: /^AWS credential exchange failed\n$/ };
/** httputil.ReverseProxy's answer when the upstream cannot be reached: 502, no body. */
const TOOLHIVE_BAD_GATEWAY = { status: 502, body: /^$/ };

interface Fault {
  name: string;
  inject: () => void | Promise<void>;
  clear: () => void | Promise<void>;
  /** The documented answer of the enhanced mode: status, Retry-After, a fragment of the body. */
  expect: { status: number; retryAfter?: string; body?: RegExp };
  /** ToolHive's answer (never a Retry-After of its own). */
  toolhive: { status: number; retryAfter?: string; body?: RegExp };
}

let releaseSts: (() => void) | undefined;
const faults: Fault[] = [
  {
    name: 'STS unreachable (connection refused)',
    inject: () => sts.off(),
    clear: () => sts.on(),
    expect: { status: 502, retryAfter: '2', body: /NetworkError: could not reach STS/ },
    toolhive: TOOLHIVE_STS,
  },
  {
    name: 'STS resets every connection',
    inject: () => sts.setMode('reset'),
    clear: () => sts.setMode('pass'),
    expect: { status: 502, retryAfter: '2', body: /NetworkError/ },
    toolhive: TOOLHIVE_STS,
  },
  {
    name: 'STS slower than the timeout',
    inject: () => {
      h.sts.gate = new Promise((resolve) => (releaseSts = resolve));
    },
    clear: () => {
      h.sts.gate = undefined;
      releaseSts?.();
    },
    expect: { status: 502, retryAfter: '2', body: /TimeoutError: STS did not answer in time/ },
    toolhive: TOOLHIVE_STS,
  },
  {
    name: 'STS answers 500',
    inject: () => void (h.sts.respond = () => stsErrorResponse('InternalFailure', 500, 'x')),
    clear: () => void (h.sts.respond = undefined),
    expect: { status: 502, retryAfter: '2', body: /server error \(HTTP 500\)/ },
    toolhive: TOOLHIVE_STS,
  },
  {
    name: 'STS throttles',
    inject: () => void (h.sts.respond = () => stsErrorResponse('Throttling', 400, 'Rate exceeded')),
    clear: () => void (h.sts.respond = undefined),
    expect: { status: 503, retryAfter: '5', body: /Throttling: STS is throttling/ },
    toolhive: TOOLHIVE_STS,
  },
  {
    name: 'STS answers malformed XML',
    inject: () =>
      void (h.sts.respond = () =>
        new Response('<AssumeRoleWithWebIdentityResponse><Assume', {
          status: 200,
          headers: { 'content-type': 'text/xml' },
        })),
    clear: () => void (h.sts.respond = undefined),
    expect: { status: 502, retryAfter: '2', body: /MalformedResponse/ },
    toolhive: TOOLHIVE_STS,
  },
  {
    name: 'upstream refuses connections',
    inject: () => upstream.off(),
    clear: () => upstream.on(),
    expect: { status: 502, body: /^Upstream unreachable/ },
    toolhive: TOOLHIVE_BAD_GATEWAY,
  },
  {
    name: 'upstream resets every connection',
    inject: () => upstream.setMode('reset'),
    clear: () => upstream.setMode('pass'),
    expect: { status: 502, body: /^Upstream unreachable/ },
    toolhive: TOOLHIVE_BAD_GATEWAY,
  },
  {
    name: 'upstream resets mid-stream (the client sees a broken stream, never a complete one)',
    inject: () => {
      h.upstream.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('event: message\ndata: {"n":1}\n\n', () => res.socket?.destroy());
      };
    },
    clear: () => void (h.upstream.handler = defaultHandler),
    expect: { status: -1 },
    toolhive: { status: -1 },
  },
  {
    name: 'upstream answers 429 (relayed with its Retry-After)',
    inject: () => {
      h.upstream.handler = (_req, res) => {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
        res.end('{"message":"Rate exceeded"}');
      };
    },
    clear: () => void (h.upstream.handler = defaultHandler),
    expect: { status: 429, retryAfter: '7', body: /Rate exceeded/ },
    toolhive: { status: 429, retryAfter: '7', body: /Rate exceeded/ },
  },
];

async function faultThenRecovery(
  fault: Fault,
  mode: 'enhanced' | 'toolhive' = 'enhanced'
): Promise<void> {
  const target = mode === 'enhanced' ? url : toolhiveUrl;
  const expected = mode === 'enhanced' ? fault.expect : fault.toolhive;
  await fault.inject();
  try {
    const answer = await call(undefined, target);
    assert.equal(answer.status, expected.status, `${fault.name}: ${answer.body}`);
    assert.equal(answer.headers['retry-after'], expected.retryAfter);
    if (expected.body) assert.match(answer.body, expected.body);
  } finally {
    await fault.clear();
  }
  const recovered = await call(undefined, target);
  assert.equal(recovered.status, 200, `after ${fault.name}: ${recovered.body}`);
}

describe('faults: the documented status, then recovery', () => {
  before(async () => {
    assert.equal((await call()).status, 200); // keys fetched, sockets open
    assert.equal((await call(undefined, toolhiveUrl)).status, 200);
  });
  for (const fault of faults) it(fault.name, () => faultThenRecovery(fault));
  for (const fault of faults) {
    it(`${fault.name} (ToolHive mode)`, () => faultThenRecovery(fault, 'toolhive'));
  }

  it('a client that disconnects mid-SSE: the upstream request is aborted, nothing stays open', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    h.upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: message\ndata: {"n":1}\n\n');
      res.on('close', () => upstreamClosed()); // never ends by itself
    };
    try {
      const token = await fresh();
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        });
        req.on('response', (res) =>
          res.once('data', () => {
            req.destroy();
            resolve();
          })
        );
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
        req.end('{"jsonrpc":"2.0","id":1,"method":"tools/call"}');
      });
      await closed; // the test times out if the proxy kept the upstream request open
      assert.equal(
        await eventually(
          () => proxy.stats().inFlight,
          (n) => n === 0
        ),
        0
      );
    } finally {
      h.upstream.handler = defaultHandler;
    }
    assert.equal((await call()).status, 200);
  });

  it('the JWKS endpoint down during a key rotation: 503 + Retry-After (ToolHive: 401), then the new key', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      const known = await fresh();
      assert.equal((await call(known)).status, 200);
      await h.issuer.addKey('k2'); // the IdP rotates: publishes k2 and signs with it
      const now = Math.floor(Date.now() / 1000);
      const rotated = await h.issuer.sign(
        {
          iss: h.issuer.issuer,
          aud: 'toolhive-aws',
          sub: 'rotated',
          groups: ['s3-readers'],
          exp: now + 3600,
        },
        'k2'
      );
      await jwks.off();
      mock.timers.tick(31_000); // past jose's 30 s cooldown: an unknown kid triggers a refetch
      const during = await call(rotated);
      assert.equal(during.status, 503, during.body);
      assert.equal(during.headers['retry-after'], '5');
      assert.match(during.body, /^Token issuer unavailable/);
      const toolhive = await call(rotated, toolhiveUrl);
      assert.equal(toolhive.status, 401, toolhive.body);
      assert.equal(toolhive.headers['retry-after'], undefined);
      assert.match(
        toolhive.body,
        /^\{"error":"invalid_token","error_description":"Invalid token: /
      );
      assert.equal((await call(known)).status, 200, 'tokens of known keys still pass');
      await jwks.on();
      const afterwards = await call(rotated);
      assert.equal(afterwards.status, 200, afterwards.body);
      assert.equal((await call(rotated, toolhiveUrl)).status, 200);
    } finally {
      mock.timers.reset();
      await jwks.on().catch(() => undefined);
    }
  });
});

describe('after many faults', () => {
  it('no hung sockets and no growing handles', { timeout: 120_000 }, async () => {
    const round = async (): Promise<void> => {
      for (const fault of faults) await faultThenRecovery(fault);
    };
    await round();
    const first = activeResources();
    for (let i = 0; i < 3; i++) await round();
    const later = activeResources();
    // Keep-alive sockets come and go with the pools; a leak grows with every round.
    assert.ok(later.sockets <= first.sockets + 4, `sockets ${first.sockets} → ${later.sockets}`);
    assert.ok(later.timers <= first.timers + 4, `timers ${first.timers} → ${later.timers}`);
    agent.destroy();
    agent = new Agent({ keepAlive: true });
    const open = await eventually(
      () => connectionsOf(proxy.server),
      (n) => n === 0
    );
    assert.equal(open, 0, 'client connections left open on the proxy');
    assert.equal(proxy.stats().inFlight, 0);
  });

  it('the heap does not grow with failing requests', { timeout: 120_000 }, async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, () => fresh()));
    const good = await fresh();
    assert.equal((await call(good)).status, 200); // cached: the upstream refusal below is reached
    h.sts.respond = () => stsErrorResponse('InternalFailure', 500, 'x');
    await upstream.off();
    try {
      const iterate = async (count: number): Promise<void> => {
        for (let i = 0; i < count; i++) {
          assert.equal((await call(tokens[i % tokens.length])).status, 502);
          assert.equal((await call(good)).status, 502);
        }
      };
      await iterate(100);
      const start = heapAfterGc();
      await iterate(400);
      const grown = heapAfterGc() - start;
      assert.ok(grown < 5 * 1024 * 1024, `heap grew by ${Math.round(grown / 1024)} KiB`);
    } finally {
      h.sts.respond = undefined;
      await upstream.on();
    }
  });
});

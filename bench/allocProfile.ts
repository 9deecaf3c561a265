// `npm run bench -- …` does not run this: a developer's tool. It starts the benchmark's upstream
// and AWS side, then one proxy in THIS process under V8's sampling heap profiler with collected
// objects kept (so short-lived garbage counts), drives it with autocannon in a child process, and
// prints which functions allocate how many bytes per request.
//
//   node --import tsx bench/allocProfile.ts sts|bare [seconds]

import { Session } from 'node:inspector/promises';
import { pino } from 'pino';
import { startChild } from './children';
import { ask } from './ipc';
import { createProxy } from '../sandbox/src/proxy/createProxy';
import { createProxyLogger } from '../sandbox/src/proxy/logger';
import { createPassThroughProxy } from '../sandbox/test/support/passThroughProxy';
import { TEST_AUDIENCE, TEST_CONFIG } from '../sandbox/test/support/proxyHarness';
import { SIGNED_PREFIX } from './upstream';

const mode = process.argv[2] === 'bare' ? 'bare' : 'sts';
const seconds = Number(process.argv[3] ?? 5);

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const aws = await startChild<{ issuer: string; stsEndpoint: string }>('awsProcess.ts', {
  stsLatencyMs: 30,
});
const upstream = await startChild<{ origin: string }>('upstreamProcess.ts', {});
const logger = createProxyLogger({
  level: 'info',
  destination: pino.destination({ dest: '/dev/null', sync: true }), // as bench/proxyProcess.ts
});
const options = {
  config: TEST_CONFIG,
  upstreamUrl: `${upstream.ready.origin}${mode === 'bare' ? '' : SIGNED_PREFIX}/mcp`,
  issuer: aws.ready.issuer,
  audience: TEST_AUDIENCE,
  stsEndpoint: aws.ready.stsEndpoint,
  logger,
};
const proxy = mode === 'bare' ? createPassThroughProxy(options) : createProxy(options);
const { url } = await proxy.listen(0, '127.0.0.1');
const tokens =
  mode === 'bare'
    ? undefined
    : await ask<string[]>(aws.process, { type: 'tokens', prefix: 'p', count: 20 });
const load = await startChild<{ ok: true }>('loadProcess.ts', {
  url,
  tokens,
  warmupSeconds: 3,
  seconds,
});
await ask(load.process, { type: 'stats' }); // warm-up done when it answers
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const before = proxy.stats().requests;
await ask(load.process, { type: 'tokens', prefix: 'run', count: 0 }); // runs the measured load
const requests = proxy.stats().requests - before;
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
  profile: { head: ProfileNode };
};
await Promise.all([load.stop(), aws.stop(), upstream.stop()]);
await proxy.close();

const bySelf = new Map<string, number>();
const byOurs = new Map<string, number>();
let total = 0;
const name = (f: ProfileNode['callFrame']) =>
  `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(node_modules|sandbox\/src)\//, '$1/')}:${f.lineNumber + 1}`;
const walk = (node: ProfileNode, stack: ProfileNode['callFrame'][]): void => {
  const here = [...stack, node.callFrame];
  if (node.selfSize > 0) {
    total += node.selfSize;
    const self = name(node.callFrame);
    bySelf.set(self, (bySelf.get(self) ?? 0) + node.selfSize);
    const ours = [...here].reverse().find((f) => f.url.includes('/sandbox/src/'));
    const key = ours ? name(ours) : '(no sandbox frame)';
    byOurs.set(key, (byOurs.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here);
};
walk(profile.head, []);
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${String(Math.round(v / requests)).padStart(7)}  ${k}`)
    .join('\n');
console.log(
  `${mode}: ${requests} requests, ${Math.round(total / requests)} bytes sampled per request`
);
console.log('\nby allocating function (bytes/request):\n' + top(bySelf, 40));
console.log('\nby innermost sandbox frame (bytes/request):\n' + top(byOurs, 40));
process.exit(0);

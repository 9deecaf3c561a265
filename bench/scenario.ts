// Runs one scenario (fresh proxy process, warm-up with other users, a throughput phase, then a
// one-connection latency phase) and the long memory run. It prints nothing; report.ts formats.

import { startChild } from './children';
import type { Child } from './children';
import { ask } from './ipc';
import type { MemorySample, ScenarioName } from './ipc';
import { runLoad } from './load';
import type { LoadOptions } from './load';
import type { ProxyProcessStats, ProxySpec } from './proxyProcess';

/** The long-lived children every scenario uses. */
export interface SharedProcesses {
  aws: Child<{ issuer: string; stsEndpoint: string }>;
  upstream: Child<{ origin: string }>;
}

interface StsStats {
  calls: number;
}

export interface ScenarioResult {
  name: ScenarioName;
  /** Throughput phase: as fast as `connections` keep-alive connections go. */
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx responses, both phases. */
  errors: number;
  /** STS calls during the throughput phase, counted by the STS emulator. */
  stsCalls: number;
  /** Resident memory of the proxy process (of the upstream for `direct`) after the phase. */
  rssMb: number;
  /** CPU time of that process per request in the throughput phase, in microseconds. */
  cpuUsPerRequest: number;
  /** Bytes that process's JavaScript heap allocated per request in the throughput phase. */
  allocatedBytesPerRequest: number;
  /**
   * One connection, one request at a time, same users (cache warm): the latency of a request
   * that waits for nothing but the proxy's own work (and, without the cache, STS).
   */
  unloaded: { p50Ms: number; p99Ms: number };
  /**
   * The same one-connection phase with an upstream that answers after `upstreamLatencyMs`
   * (a round trip to a regional AWS endpoint): the latency a user sees (NaN when not run).
   */
  slowUpstream: { p50Ms: number; p99Ms: number };
  statuses: Record<string, number>;
}

export interface RunSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  users: number;
  /** Seconds of the one-connection latency phase (0: skip it). */
  unloadedSeconds: number;
  /** Upstream answer delay of a second one-connection phase (0: skip it). */
  upstreamLatencyMs: number;
  nodeFlags: readonly string[];
  /** `taskset` CPU list of every proxy process (a CPU of its own); unset: not pinned. */
  proxyCpus?: string;
}

const MODES: Record<ScenarioName, ProxySpec['mode'] | undefined> = {
  direct: undefined,
  'bare-proxy': 'bare',
  'sts-proxy': 'sts',
  'sts-proxy-no-cache': 'sts-no-cache',
};

/**
 * Starts the scenario's proxy process, warms it up with `users` warm-up users, then measures
 * with `users` other users (so their first requests miss the cache inside the measurement).
 * @example const result = await runScenario('sts-proxy', shared, settings, 0);
 */
export async function runScenario(
  name: ScenarioName,
  shared: SharedProcesses,
  settings: RunSettings,
  round: number
): Promise<ScenarioResult> {
  const mode = MODES[name];
  const proxy = mode === undefined ? undefined : await startProxy(mode, shared, settings);
  try {
    const url = proxy?.ready.url ?? `${shared.upstream.ready.origin}/mcp`;
    const memoryOf = async (): Promise<MemorySample> =>
      proxy
        ? ask<ProxyProcessStats>(proxy.process, { type: 'stats' })
        : ask<MemorySample>(shared.upstream.process, { type: 'stats' });
    const tokensFor = async (prefix: string): Promise<{ tokens?: string[] }> =>
      name.startsWith('sts')
        ? {
            tokens: await ask<string[]>(shared.aws.process, {
              type: 'tokens',
              prefix,
              count: settings.users,
            }),
          }
        : {};
    const base: LoadOptions = { url, connections: settings.connections, durationSeconds: 0 };
    const warm = await tokensFor(`warm-${name}-${round}`);
    const measured = await tokensFor(`user-${name}-${round}`);
    await warmUp(name, { ...base, ...warm }, settings.warmupSeconds);
    const stsBefore = await ask<StsStats>(shared.aws.process, { type: 'stats' });
    const before = await memoryOf();
    const load = await runLoad({ ...base, ...measured, durationSeconds: settings.durationSeconds });
    const stsAfter = await ask<StsStats>(shared.aws.process, { type: 'stats' });
    const memory = await memoryOf();
    const oneConnection = { ...base, ...measured, connections: 1 };
    const latency =
      settings.unloadedSeconds > 0
        ? await runLoad({ ...oneConnection, durationSeconds: settings.unloadedSeconds })
        : undefined;
    const slow =
      settings.unloadedSeconds > 0 && settings.upstreamLatencyMs > 0
        ? await runLoad({
            ...oneConnection,
            durationSeconds: settings.unloadedSeconds,
            upstreamDelayMs: settings.upstreamLatencyMs,
          })
        : undefined;
    return {
      name,
      requests: load.requests,
      rps: load.rps,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      errors: load.errors + (latency?.errors ?? 0) + (slow?.errors ?? 0),
      stsCalls: stsAfter.calls - stsBefore.calls,
      rssMb: memory.rssMb,
      cpuUsPerRequest:
        load.requests === 0
          ? 0
          : Math.round(((memory.cpuMs - before.cpuMs) * 1000) / load.requests),
      allocatedBytesPerRequest:
        load.requests === 0
          ? 0
          : Math.round((memory.allocatedBytes - before.allocatedBytes) / load.requests),
      unloaded: {
        p50Ms: latency?.p50Ms ?? Number.NaN,
        p99Ms: latency?.p99Ms ?? Number.NaN,
      },
      slowUpstream: {
        p50Ms: slow?.p50Ms ?? Number.NaN,
        p99Ms: slow?.p99Ms ?? Number.NaN,
      },
      statuses: load.statuses,
    };
  } finally {
    await proxy?.stop();
  }
}

export interface LongRunResult {
  seconds: number;
  requests: number;
  errors: number;
  stsCalls: number;
  users: number;
  cacheMaxEntries: number;
  cacheEvictions: number;
  cacheSize: number;
  samples: (MemorySample & { atSeconds: number })[];
  /** Least-squares slopes over the samples after the first quarter (warm-up, cache filling). */
  heapSlopeMbPerMin: number;
  rssSlopeMbPerMin: number;
}

/** Segment length of the long run: fresh users each segment, one memory sample after it. */
const SEGMENT_SECONDS = 5;
const USERS_PER_SEGMENT = 50;
/** Smaller than the users the run goes through, so that LRU eviction is part of the run. */
const LONG_RUN_CACHE_ENTRIES = 250;

/**
 * sts-proxy for `seconds` with token churn (new users every segment, more users in total than
 * the cache holds), sampling the proxy's heap (after a full GC) and RSS after every segment.
 * @example const long = await runLongRun(shared, settings, 120);
 */
export async function runLongRun(
  shared: SharedProcesses,
  settings: RunSettings,
  seconds: number
): Promise<LongRunResult> {
  const proxy = await startProxy('sts', shared, settings, LONG_RUN_CACHE_ENTRIES);
  try {
    const segments = Math.max(4, Math.round(seconds / SEGMENT_SECONDS));
    const samples: LongRunResult['samples'] = [];
    const mint = (segment: number): Promise<string[]> =>
      ask<string[]>(shared.aws.process, {
        type: 'tokens',
        prefix: `long-${segment}`,
        count: USERS_PER_SEGMENT,
      });
    const stsBefore = await ask<StsStats>(shared.aws.process, { type: 'stats' });
    const started = Date.now();
    let requests = 0;
    let errors = 0;
    let tokens = await mint(0);
    for (let segment = 0; segment < segments; segment++) {
      const next = mint(segment + 1); // the next users are minted while this segment runs
      const load = await runLoad({
        url: proxy.ready.url,
        connections: settings.connections,
        durationSeconds: SEGMENT_SECONDS,
        tokens,
      });
      requests += load.requests;
      errors += load.errors;
      const memory = await ask<ProxyProcessStats>(proxy.process, { type: 'stats', gc: true });
      samples.push({
        atSeconds: Math.round((Date.now() - started) / 100) / 10,
        rssMb: memory.rssMb,
        heapUsedMb: memory.heapUsedMb,
        cpuMs: memory.cpuMs,
        allocatedBytes: memory.allocatedBytes,
      });
      tokens = await next;
    }
    const stsAfter = await ask<StsStats>(shared.aws.process, { type: 'stats' });
    const final = await ask<ProxyProcessStats>(proxy.process, { type: 'stats' });
    const steady = samples.slice(Math.floor(samples.length / 4));
    return {
      seconds: Math.round((Date.now() - started) / 1000),
      requests,
      errors,
      stsCalls: stsAfter.calls - stsBefore.calls,
      users: USERS_PER_SEGMENT * segments,
      cacheMaxEntries: LONG_RUN_CACHE_ENTRIES,
      cacheEvictions: final.proxy.cache.evictions,
      cacheSize: final.proxy.cache.size,
      samples,
      heapSlopeMbPerMin: slopePerMinute(steady.map((s) => [s.atSeconds, s.heapUsedMb])),
      rssSlopeMbPerMin: slopePerMinute(steady.map((s) => [s.atSeconds, s.rssMb])),
    };
  } finally {
    await proxy.stop();
  }
}

/** Warm-up ends after both this many requests and `--warmup` seconds (JIT, caches, sockets)… */
const WARMUP_MIN_REQUESTS = 2000;
/** …or after this long, on a machine too slow for that many. */
const WARMUP_MAX_SECONDS = 30;

async function warmUp(name: string, load: LoadOptions, seconds: number): Promise<void> {
  if (seconds === 0) return;
  let requests = 0;
  let errors = 0;
  const started = Date.now();
  const elapsed = (): number => (Date.now() - started) / 1000;
  while (
    elapsed() < WARMUP_MAX_SECONDS &&
    (elapsed() < seconds || requests < WARMUP_MIN_REQUESTS)
  ) {
    const result = await runLoad({ ...load, durationSeconds: 1 });
    requests += result.requests;
    errors += result.errors;
  }
  if (errors > 0) process.stderr.write(`warning: ${name} warm-up had ${errors} errors\n`);
}

function startProxy(
  mode: ProxySpec['mode'],
  shared: SharedProcesses,
  settings: RunSettings,
  cacheMaxEntries?: number
): Promise<Child<{ url: string }>> {
  const spec: ProxySpec = {
    mode,
    upstreamOrigin: shared.upstream.ready.origin,
    issuer: shared.aws.ready.issuer,
    stsEndpoint: shared.aws.ready.stsEndpoint,
    ...(cacheMaxEntries === undefined ? {} : { cacheMaxEntries }),
  };
  return startChild<{ url: string }>('proxyProcess.ts', spec, {
    nodeFlags: settings.nodeFlags,
    ...(settings.proxyCpus === undefined ? {} : { cpus: settings.proxyCpus }),
  });
}

/** Least-squares slope of (seconds, MB) points, in MB per minute. */
export function slopePerMinute(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  }
  return den === 0 ? 0 : Math.round((num / den) * 60 * 100) / 100;
}

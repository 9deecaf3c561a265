// Turns the benchmark's figures into the readable tables, the goal verdicts and the final JSON
// line. It measures nothing and starts nothing.

import type { ScenarioName } from './ipc';
import type { MicroResult } from './micro';
import type { LongRunResult, ScenarioResult } from './scenario';

/**
 * Bytes the `sts-proxy` process allocated per request before the lean request path (commits
 * 4b2c782 and b793a5a), measured the same way (bench/ipc.ts `allocatedBytes`) on commit b286c23, Node.js 24.22: the
 * median of 3 rounds (119,651, 124,358 and 115,894 bytes; `bare-proxy` 69,029 to 73,690).
 */
export const BASELINE_ALLOCATED_BYTES_PER_REQUEST = 119_651;
/** The same for `bare-proxy` (median of the same 3 rounds: 73,690, 69,029 and 70,684). */
export const BASELINE_BARE_ALLOCATED_BYTES_PER_REQUEST = 70_684;

/** The benchmark's goals, checked on the figures of one round. */
export const GOALS = {
  minThroughputVsBare: 0.8,
  maxAddedP50Ms: 0.3,
  maxStsCallsPerRequest: 0.002,
  minSpeedupVsNoCache: 5,
  maxHeapSlopeMbPerMin: 1,
  maxAllocatedVsBaseline: 1 / 3,
} as const;

export interface GoalCheck {
  name: string;
  /** One value per round (undefined when a needed scenario did not run). */
  values: number[];
  target: string;
  pass: boolean;
}

/** A goal's bound: how the table shows it, and the test each round's value must pass. */
interface Bound {
  target: string;
  ok: (value: number) => boolean;
}

const atLeast = (min: number): Bound => ({ target: `>= ${min}`, ok: (v) => v >= min });
const atMost = (max: number): Bound => ({ target: `<= ${max}`, ok: (v) => v <= max });
const NONE: Bound = { target: '= 0', ok: (v) => v === 0 };
/** At most `maxAllocatedVsBaseline` (a third) of a baseline figure. */
const fractionOf = (baseline: number): Bound => {
  const max = baseline * GOALS.maxAllocatedVsBaseline;
  return { target: `<= ${Math.round(max)} (a third of ${baseline})`, ok: (v) => v <= max };
};

/**
 * The goal checks over all rounds: a goal passes when every round meets it.
 * @example checkGoals(rounds, long)
 */
export function checkGoals(
  rounds: ScenarioResult[][],
  long: LongRunResult | undefined
): GoalCheck[] {
  const per = (f: (get: (n: ScenarioName) => ScenarioResult | undefined) => number | undefined) =>
    rounds
      .map((round) => f((name) => round.find((r) => r.name === name)))
      .filter((v): v is number => v !== undefined && Number.isFinite(v));
  const checks: GoalCheck[] = [];
  const add = (name: string, values: number[], bound: Bound) => {
    if (values.length > 0) {
      checks.push({ name, values, target: bound.target, pass: values.every(bound.ok) });
    }
  };
  add(
    'sts-proxy throughput / bare-proxy',
    per((get) => ratio(get('sts-proxy')?.rps, get('bare-proxy')?.rps)),
    atLeast(GOALS.minThroughputVsBare)
  );
  add(
    '  same, from proxy CPU per request (bare / sts)',
    per((get) => ratio(get('bare-proxy')?.cpuUsPerRequest, get('sts-proxy')?.cpuUsPerRequest)),
    atLeast(GOALS.minThroughputVsBare)
  );
  add(
    'added median latency vs bare-proxy, 1 connection (ms)',
    per((get) => diff(get('sts-proxy')?.unloaded.p50Ms, get('bare-proxy')?.unloaded.p50Ms)),
    atMost(GOALS.maxAddedP50Ms)
  );
  add(
    'STS calls per request (cache on)',
    per((get) => ratio(get('sts-proxy')?.stsCalls, get('sts-proxy')?.requests, 4)),
    atMost(GOALS.maxStsCallsPerRequest)
  );
  add(
    'sts-proxy throughput / sts-proxy-no-cache',
    per((get) => ratio(get('sts-proxy')?.rps, get('sts-proxy-no-cache')?.rps)),
    atLeast(GOALS.minSpeedupVsNoCache)
  );
  add(
    '  same, from proxy CPU per request (no-cache / sts)',
    per((get) =>
      ratio(get('sts-proxy-no-cache')?.cpuUsPerRequest, get('sts-proxy')?.cpuUsPerRequest)
    ),
    atLeast(GOALS.minSpeedupVsNoCache)
  );
  add(
    'sts-proxy allocated bytes / request',
    per((get) => get('sts-proxy')?.allocatedBytesPerRequest),
    fractionOf(BASELINE_ALLOCATED_BYTES_PER_REQUEST)
  );
  const baselineOwn =
    BASELINE_ALLOCATED_BYTES_PER_REQUEST - BASELINE_BARE_ALLOCATED_BYTES_PER_REQUEST;
  add(
    "  the proxy's own: sts-proxy minus bare-proxy",
    per((get) =>
      diff(get('sts-proxy')?.allocatedBytesPerRequest, get('bare-proxy')?.allocatedBytesPerRequest)
    ),
    fractionOf(baselineOwn)
  );
  add(
    'errors (all scenarios)',
    rounds.map((round) => round.reduce((sum, r) => sum + r.errors, 0)),
    NONE
  );
  if (long) {
    add(
      'long run: heap slope after GC (MB/min)',
      [long.heapSlopeMbPerMin],
      atMost(GOALS.maxHeapSlopeMbPerMin)
    );
    add('long run: errors', [long.errors], NONE);
  }
  return checks;
}

/** Per scenario, the median of each figure over the rounds (the figure itself for one round). */
export function medianScenarios(rounds: ScenarioResult[][]): ScenarioResult[] {
  const first = rounds[0] ?? [];
  return first.map((template) => {
    const all = rounds.flatMap((round) => round.filter((r) => r.name === template.name));
    const med = (
      key:
        | 'requests'
        | 'rps'
        | 'p50Ms'
        | 'p99Ms'
        | 'stsCalls'
        | 'rssMb'
        | 'cpuUsPerRequest'
        | 'allocatedBytesPerRequest'
    ) => median(all.map((r) => r[key]));
    return {
      ...template,
      requests: med('requests'),
      rps: med('rps'),
      p50Ms: med('p50Ms'),
      p99Ms: med('p99Ms'),
      errors: all.reduce((sum, r) => sum + r.errors, 0),
      stsCalls: med('stsCalls'),
      rssMb: med('rssMb'),
      cpuUsPerRequest: med('cpuUsPerRequest'),
      allocatedBytesPerRequest: med('allocatedBytesPerRequest'),
      unloaded: {
        p50Ms: median(all.map((r) => r.unloaded.p50Ms)),
        p99Ms: median(all.map((r) => r.unloaded.p99Ms)),
      },
      slowUpstream: {
        p50Ms: median(all.map((r) => r.slowUpstream.p50Ms)),
        p99Ms: median(all.map((r) => r.slowUpstream.p99Ms)),
      },
    };
  });
}

/** The scenario table. */
export function scenarioTable(results: ScenarioResult[]): string {
  return table(
    [
      'scenario',
      'requests',
      'req/s',
      'p50 ms',
      'p99 ms',
      'p50 1 conn',
      'p99 1 conn',
      'errors',
      'STS calls',
      'STS/req',
      'CPU µs/req',
      'alloc B/req',
      'RSS MB',
    ],
    results.map((r) => [
      r.name,
      String(r.requests),
      String(r.rps),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
      ms(r.unloaded.p50Ms),
      ms(r.unloaded.p99Ms),
      String(r.errors),
      String(r.stsCalls),
      r.requests === 0 ? '-' : (r.stsCalls / r.requests).toFixed(4),
      String(r.cpuUsPerRequest),
      String(r.allocatedBytesPerRequest),
      r.rssMb.toFixed(1),
    ])
  );
}

/** One proxy's part of the end-to-end latency with a slow upstream, per round. */
export interface LatencyShare {
  scenario: ScenarioName;
  /** p50 on one connection through the proxy, and straight to the upstream, per round (ms). */
  proxiedMs: number[];
  directMs: number[];
  /** (proxied - direct) / proxied, per round. */
  shares: number[];
}

/**
 * For each proxy scenario: how much of a request's latency (p50, one connection, upstream
 * answering after `--upstream-latency` ms) the proxy adds, against `direct` in the same round.
 * @example endToEndShares(rounds) // [{ scenario: 'sts-proxy', shares: [0.012, …], … }]
 */
export function endToEndShares(rounds: ScenarioResult[][]): LatencyShare[] {
  const names: ScenarioName[] = ['bare-proxy', 'sts-proxy', 'sts-proxy-no-cache'];
  const out: LatencyShare[] = [];
  for (const scenario of names) {
    const row: LatencyShare = { scenario, proxiedMs: [], directMs: [], shares: [] };
    for (const round of rounds) {
      const proxied = round.find((r) => r.name === scenario)?.slowUpstream.p50Ms;
      const direct = round.find((r) => r.name === 'direct')?.slowUpstream.p50Ms;
      if (proxied === undefined || direct === undefined) continue;
      if (!Number.isFinite(proxied) || !Number.isFinite(direct) || proxied <= 0) continue;
      row.proxiedMs.push(proxied);
      row.directMs.push(direct);
      row.shares.push(Math.round(((proxied - direct) / proxied) * 10_000) / 10_000);
    }
    if (row.shares.length > 0) out.push(row);
  }
  return out;
}

export function shareTable(shares: LatencyShare[]): string {
  const list = (values: number[], digits: number) =>
    values.map((v) => v.toFixed(digits)).join(', ');
  return table(
    ['scenario', 'p50 ms through it', 'p50 ms direct', 'added ms', "proxy's share"],
    shares.map((s) => [
      s.scenario,
      list(s.proxiedMs, 2),
      list(s.directMs, 2),
      list(
        s.proxiedMs.map((p, i) => p - (s.directMs[i] ?? p)),
        2
      ),
      s.shares.map((v) => `${(v * 100).toFixed(1)}%`).join(', '),
    ])
  );
}

export function goalTable(checks: GoalCheck[]): string {
  return table(
    ['goal', 'value(s)', 'target', 'verdict'],
    checks.map((c) => [
      c.name,
      c.values.map((v) => String(Math.round(v * 1000) / 1000)).join(', '),
      c.target,
      c.pass ? 'met' : 'NOT MET',
    ])
  );
}

export function microTable(results: MicroResult[]): string {
  return table(
    ['step', 'ops/s', 'µs/op', 'CPU µs/op'],
    results.map((r) => [
      r.name,
      String(r.opsPerSecond),
      r.microsecondsPerOp.toFixed(1),
      r.cpuMicrosecondsPerOp.toFixed(1),
    ])
  );
}

export function longRunText(long: LongRunResult): string {
  const heap = long.samples.map((s) => s.heapUsedMb.toFixed(1)).join(' ');
  const rss = long.samples.map((s) => s.rssMb.toFixed(0)).join(' ');
  return [
    `${long.seconds} s, ${long.requests} requests, ${long.errors} errors, ${long.users} users ` +
      `(cache ${long.cacheMaxEntries} entries: ${long.cacheEvictions} evictions, ${long.cacheSize} at the end), ` +
      `${long.stsCalls} STS calls`,
    `heap after GC (MB): ${heap}`,
    `RSS (MB):           ${rss}`,
    `slopes after the first quarter: heap ${long.heapSlopeMbPerMin} MB/min, RSS ${long.rssSlopeMbPerMin} MB/min`,
  ].join('\n');
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function ratio(a: number | undefined, b: number | undefined, digits = 2): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  const scale = 10 ** digits;
  return Math.round((a / b) * scale) / scale;
}

function diff(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : Math.round((a - b) * 100) / 100;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : Math.round((((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2) * 100) / 100;
}

/** Milliseconds with two decimals; `-` for a phase that did not run (`--unloaded 0`). */
function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '-';
}

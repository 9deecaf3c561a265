// The benchmark's command line: flags, defaults and their checks. It runs nothing.

import { parseArgs } from 'node:util';
import { SCENARIOS } from './ipc';
import type { ScenarioName } from './ipc';

export interface BenchFlags {
  durationSeconds: number;
  connections: number;
  users: number;
  rounds: number;
  warmupSeconds: number;
  unloadedSeconds: number;
  stsLatencyMs: number;
  upstreamLatencyMs: number;
  scenarios: ScenarioName[];
  json: boolean;
  micro: boolean;
  long: boolean;
  longSeconds: number;
  cpuProf: boolean;
  /** Pin the proxy to a CPU of its own (when taskset and 2+ CPUs exist). */
  pin: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [flags]

Measures the awsSts proxy on loopback against a bare pass-through and against one STS call per
request (ToolHive's behaviour), with an STS emulator that answers after --sts-latency ms.

Flags:
  --duration S        seconds of load per scenario (default 10)
  --connections N     concurrent keep-alive connections (default 50)
  --users N           distinct users (tokens) rotating per request (default 20)
  --rounds N          run the scenarios N times, interleaved, and report the spread (default 1)
  --warmup S          seconds of warm-up load per scenario, with other users (default 3)
  --unloaded S        seconds of the one-connection latency phase after each run; 0 skips (default 5)
  --sts-latency MS    latency the STS emulator adds to every call (default 30)
  --upstream-latency MS
                      after the one-connection phase, repeat it with the upstream answering
                      after MS ms, for the proxy's share of end-to-end latency; 0 skips (default 50)
  --scenarios LIST    comma-separated subset of ${SCENARIOS.join(', ')}
  --skip-micro        skip the microbenchmarks of verify, selectRole, signing and the cache
  --long              add a memory-flatness run of sts-proxy with token churn
  --long-duration S   length of that run (default 120)
  --no-pin            do not pin the proxy to a CPU of its own (default: pinned when the machine
                      has 2+ CPUs and taskset; the other processes share the remaining CPUs)
  --cpu-prof          write V8 CPU profiles of the server processes (path printed at the end)
  --json              print one JSON line with every figure at the end
  -h, --help          show this help`;

/**
 * Parses the benchmark's flags; throws an Error with a one-line message for bad input.
 * @example parseBenchFlags(['--duration', '5', '--json'])
 */
export function parseBenchFlags(argv: string[]): BenchFlags {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      users: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      unloaded: { type: 'string' },
      'sts-latency': { type: 'string' },
      'upstream-latency': { type: 'string' },
      scenarios: { type: 'string' },
      'skip-micro': { type: 'boolean' },
      long: { type: 'boolean' },
      'long-duration': { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      'no-pin': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const scenarios = (values.scenarios ?? SCENARIOS.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of scenarios) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new Error(`unknown scenario "${name}": use ${SCENARIOS.join(', ')}`);
    }
  }
  return {
    durationSeconds: integer('duration', values.duration, 10, 1, 3600),
    connections: integer('connections', values.connections, 50, 1, 1000),
    users: integer('users', values.users, 20, 1, 10_000),
    rounds: integer('rounds', values.rounds, 1, 1, 20),
    warmupSeconds: integer('warmup', values.warmup, 3, 0, 600),
    unloadedSeconds: integer('unloaded', values.unloaded, 5, 0, 3600),
    stsLatencyMs: integer('sts-latency', values['sts-latency'], 30, 0, 10_000),
    upstreamLatencyMs: integer('upstream-latency', values['upstream-latency'], 50, 0, 10_000),
    scenarios: SCENARIOS.filter((name) => scenarios.includes(name)),
    json: values.json === true,
    micro: values['skip-micro'] !== true,
    long: values.long === true,
    longSeconds: integer('long-duration', values['long-duration'], 120, 10, 24 * 3600),
    cpuProf: values['cpu-prof'] === true,
    pin: values['no-pin'] !== true,
    help: values.help === true,
  };
}

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number
): number {
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

// `npm run bench`: the awsSts proxy against a direct call, a bare pass-through and per-request
// STS, plus microbenchmarks and an optional long memory run. Servers run in child processes.
//
// Process layout (why): autocannon runs here, in the parent; each proxy runs in a fresh child
// process of its own (proxyProcess.ts); the upstream (upstreamProcess.ts) and the OIDC issuer with
// the STS emulator (awsProcess.ts) run in two more, shared by all scenarios. The proxy's event
// loop thus does only the proxy's work: not the load generator's, not the upstream's, not STS's
// (token verification, XML), none of which a deployed proxy pays for. Every proxy starts from the
// same cold process, so warm-up and RSS compare. All processes share this machine's CPUs.

import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startChild } from './children';
import { pinProcess, planCpuPinning } from './cpuPinning';
import { parseBenchFlags, USAGE } from './flags';
import type { BenchFlags } from './flags';
import { ask } from './ipc';
import { runMicrobenchmarks } from './micro';
import type { MicroResult } from './micro';
import {
  checkGoals,
  endToEndShares,
  goalTable,
  longRunText,
  medianScenarios,
  microTable,
  scenarioTable,
  shareTable,
} from './report';
import { runLongRun, runScenario } from './scenario';
import type { LongRunResult, RunSettings, ScenarioResult, SharedProcesses } from './scenario';

let flags: BenchFlags;
try {
  flags = parseBenchFlags(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  console.error('run "npm run bench -- --help" for usage');
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const progress = (text: string): boolean => process.stderr.write(`${text}\n`);
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  date: new Date().toISOString(),
};
// Pinned before any child starts: the upstream and the AWS side inherit the parent's CPUs.
const pinning = flags.pin ? planCpuPinning() : { unavailable: 'turned off with --no-pin' };
if ('proxy' in pinning) pinProcess(process.pid, pinning.others);
const pinningText =
  'proxy' in pinning
    ? `proxy pinned to CPU ${pinning.proxy}, load generator, upstream and STS on CPU ${pinning.others}`
    : `not pinned (${pinning.unavailable})`;
const profileDir = flags.cpuProf ? mkdtempSync(join(tmpdir(), 'aws-sts-bench-prof-')) : undefined;
const settings: RunSettings = {
  connections: flags.connections,
  durationSeconds: flags.durationSeconds,
  warmupSeconds: flags.warmupSeconds,
  users: flags.users,
  unloadedSeconds: flags.unloadedSeconds,
  upstreamLatencyMs: flags.upstreamLatencyMs,
  nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  ...('proxy' in pinning ? { proxyCpus: pinning.proxy } : {}),
};

progress(
  `machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memoryGb} GB, node ${machine.node}`
);
progress(
  `load: ${flags.connections} connections, ${flags.durationSeconds} s per scenario (+${flags.warmupSeconds} s warm-up), ` +
    `${flags.users} users, STS latency ${flags.stsLatencyMs} ms, upstream latency phase ${flags.upstreamLatencyMs} ms, ${flags.rounds} round(s)`
);
progress(`CPUs: ${pinningText}`);

const shared: SharedProcesses = {
  aws: await startChild<SharedProcesses['aws']['ready']>('awsProcess.ts', {
    stsLatencyMs: flags.stsLatencyMs,
  }),
  upstream: await startChild<SharedProcesses['upstream']['ready']>('upstreamProcess.ts', {}),
};
const { aws } = shared;
let micro: MicroResult[] | undefined;
const rounds: ScenarioResult[][] = [];
let long: LongRunResult | undefined;
try {
  if (flags.micro) {
    progress('microbenchmarks…');
    const tokens = await ask<string[]>(aws.process, { type: 'tokens', prefix: 'micro', count: 8 });
    micro = await runMicrobenchmarks({
      issuer: aws.ready.issuer,
      stsEndpoint: aws.ready.stsEndpoint,
      tokens,
      budgetMs: 1000,
    });
  }
  for (let round = 0; round < flags.rounds; round++) {
    // Each round starts at another scenario, so a slow drift of the machine hits all of them.
    const order = flags.scenarios.map(
      (_, i) => flags.scenarios[(i + round) % flags.scenarios.length]
    );
    const results: ScenarioResult[] = [];
    for (const name of order) {
      if (name === undefined) continue;
      const result = await runScenario(name, shared, settings, round);
      progress(
        `round ${round + 1}/${flags.rounds} ${name}: ${result.rps} req/s, p50 ${result.p50Ms} ms ` +
          `(1 connection: ${Number.isFinite(result.unloaded.p50Ms) ? `${result.unloaded.p50Ms} ms` : 'not run'}), ${result.errors} errors, ${result.stsCalls} STS calls`
      );
      results.push(result);
    }
    results.sort((a, b) => flags.scenarios.indexOf(a.name) - flags.scenarios.indexOf(b.name));
    rounds.push(results);
  }
  if (flags.long) {
    progress(`long run: sts-proxy for ${flags.longSeconds} s with token churn…`);
    long = await runLongRun(shared, settings, flags.longSeconds);
  }
} finally {
  await Promise.all([aws.stop(), shared.upstream.stop()]);
}

const scenarios = medianScenarios(rounds);
const goals = checkGoals(rounds, long);
const out: string[] = [
  `awsSts proxy benchmark, ${machine.date}`,
  `${machine.nproc} CPUs (${machine.cpu}), ${machine.memoryGb} GB, node ${machine.node}; ` +
    `${flags.connections} connections, ${flags.durationSeconds} s, ${flags.users} users, STS latency ${flags.stsLatencyMs} ms; ` +
    `then ${flags.unloadedSeconds} s on 1 connection` +
    (flags.upstreamLatencyMs > 0
      ? `, and again with the upstream answering after ${flags.upstreamLatencyMs} ms`
      : ''),
  `CPUs: ${pinningText}`,
  '',
];
if (micro) out.push('Per-request steps (microbenchmarks, this process):', microTable(micro), '');
if (rounds.length > 1) {
  rounds.forEach((round, i) => out.push(`Round ${i + 1}:`, scenarioTable(round), ''));
  out.push(`Median of ${rounds.length} rounds:`);
}
if (scenarios.length > 0) out.push(scenarioTable(scenarios), '');
if (long) out.push('Long run (sts-proxy, memory):', longRunText(long), '');
const shares = endToEndShares(rounds);
if (shares.length > 0) {
  out.push(
    `Proxy's share of a request's latency, upstream answering after ${flags.upstreamLatencyMs} ms (1 connection, p50):`,
    shareTable(shares),
    ''
  );
}
if (goals.length > 0) out.push('Goals (every round must meet them):', goalTable(goals), '');
if (profileDir) out.push(`CPU profiles: ${profileDir}`, '');
console.log(out.join('\n'));

if (flags.json) {
  const pick = (r: ScenarioResult) => ({
    name: r.name,
    requests: r.requests,
    rps: r.rps,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    errors: r.errors,
    stsCalls: r.stsCalls,
    rssMb: r.rssMb,
    cpuUsPerRequest: r.cpuUsPerRequest,
    allocatedBytesPerRequest: r.allocatedBytesPerRequest,
    unloaded: r.unloaded,
    slowUpstream: r.slowUpstream,
  });
  console.log(
    JSON.stringify({
      stsLatencyMs: flags.stsLatencyMs,
      upstreamLatencyMs: flags.upstreamLatencyMs,
      scenarios: scenarios.map(pick),
      ...(rounds.length > 1 ? { rounds: rounds.map((round) => round.map(pick)) } : {}),
      goals: goals.map(({ name, values, target, pass }) => ({ name, values, target, pass })),
      endToEnd: shares,
      ...(micro ? { micro } : {}),
      ...(long ? { long } : {}),
      settings: {
        connections: flags.connections,
        durationSeconds: flags.durationSeconds,
        warmupSeconds: flags.warmupSeconds,
        users: flags.users,
        unloadedSeconds: flags.unloadedSeconds,
      },
      machine: { ...machine, pinning: 'proxy' in pinning ? pinning : null },
    })
  );
}

// CPU affinity for the benchmark's processes (Linux `taskset`): the proxy under test gets the last
// CPU to itself; the load generator, the upstream and the STS/IdP process share the others. On a
// small machine this keeps their work out of the proxy's CPU figures. It measures nothing.

import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CpuPinning {
  /** `taskset` CPU list of the proxy processes, e.g. `1`. */
  proxy: string;
  /** `taskset` CPU list of every other process, e.g. `0`. */
  others: string;
}

/**
 * The pinning plan, or why there is none (fewer than 2 CPUs, or no `taskset`).
 * @example const plan = planCpuPinning(); if ('proxy' in plan) pinProcess(process.pid, plan.others);
 */
export function planCpuPinning(): CpuPinning | { unavailable: string } {
  const cpus = availableParallelism();
  if (cpus < 2) return { unavailable: 'one CPU only' };
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return { unavailable: 'taskset (util-linux) not found' };
  }
  const last = cpus - 1;
  return { proxy: String(last), others: last === 1 ? '0' : `0-${last - 1}` };
}

/** Moves every thread of `pid` to `cpus`; throws when `taskset` refuses. */
export function pinProcess(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

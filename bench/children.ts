// Starts and stops the benchmark's child processes (*Process.ts) with an IPC channel,
// waiting for their `ready` message. It measures nothing.

import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pinProcess } from './cpuPinning';
import { ask } from './ipc';
import type { Reply } from './ipc';

export interface Child<Ready> {
  process: ChildProcess;
  ready: Ready;
  /** Asks the child to close its servers and exit; kills it if it has not after 10 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: readonly string[];
  /** `taskset` CPU list the child is moved to as soon as it exists. */
  cpus?: string;
}

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * Forks `script` (a file of this folder) with tsx, `--expose-gc` and the JSON `spec` as its one
 * argument; resolves once it sends `ready`.
 * @example const aws = await startChild<{ issuer: string }>('awsProcess.ts', { stsLatencyMs: 30 });
 */
export async function startChild<Ready>(
  script: string,
  spec: unknown,
  options: StartOptions = {}
): Promise<Child<Ready>> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [JSON.stringify(spec)], {
    execArgv: ['--import', import.meta.resolve('tsx'), '--expose-gc', ...(options.nodeFlags ?? [])],
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (options.cpus !== undefined && child.pid !== undefined) pinProcess(child.pid, options.cpus);
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${script} did not start within ${STARTUP_TIMEOUT_MS} ms`));
    }, STARTUP_TIMEOUT_MS);
    child.on('message', (message: Reply) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message as Ready);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready`));
    });
  });
  let stopped: Promise<void> | undefined;
  return {
    process: child,
    ready,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        ask(child, { type: 'close' }).catch(() => undefined);
      });
      return stopped;
    },
  };
}

// The messages between the benchmark's parent (load generator) and its server processes, and a
// request/reply helper over Node's IPC channel. It starts no process itself (children.ts does).

import type { ChildProcess } from 'node:child_process';
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** The four measured setups, in the order they run. */
export const SCENARIOS = ['direct', 'bare-proxy', 'sts-proxy', 'sts-proxy-no-cache'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/**
 * Memory of a process, in MiB (`heapUsedMb` after a full GC when asked and possible), the CPU
 * time it has used so far, in milliseconds (user + system, all its threads), and the bytes its
 * JavaScript heap has allocated so far (see `allocatedBytes`).
 */
export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  cpuMs: number;
  allocatedBytes: number;
}

/** Parent → child. */
export type Request =
  | { id: number; type: 'stats'; gc?: boolean }
  | { id: number; type: 'tokens'; prefix: string; count: number }
  | { id: number; type: 'close' };

/** Child → parent: `ready` once, then one reply per request (same `id`). */
export type Reply =
  | { type: 'ready'; [key: string]: unknown }
  | { id: number; type: 'reply'; value: unknown }
  | { id: number; type: 'error'; message: string };

let nextId = 1;

/**
 * Sends a request to a child and resolves with its reply (rejects on an error reply, or when the
 * child exits first).
 * @example const stats = await ask<ServerStats>(child, { type: 'stats', gc: true });
 */
export function ask<T>(child: ChildProcess, request: DistributiveOmit<Request, 'id'>): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: Reply): void => {
      if (!('id' in message) || message.id !== id) return;
      cleanup();
      if (message.type === 'error') reject(new Error(message.message));
      else resolve(message.value as T);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`benchmark child exited (${code}) before answering ${request.type}`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ ...request, id });
  });
}

/**
 * In a child: answers every request with `handler`'s value (or its error's message).
 * @example serveRequests(async (request) => (request.type === 'stats' ? stats() : undefined));
 */
export function serveRequests(handler: (request: Request) => Promise<unknown>): void {
  process.on('message', (request: Request) => {
    handler(request).then(
      (value) => process.send?.({ id: request.id, type: 'reply', value } satisfies Reply),
      (error: unknown) =>
        process.send?.({
          id: request.id,
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        } satisfies Reply)
    );
  });
}

/** Memory and CPU time of this process; a full GC first when run with --expose-gc and `gc` is set. */
export function memorySample(gc = false): MemorySample {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rssMb: toMb(usage.rss),
    heapUsedMb: toMb(usage.heapUsed),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    allocatedBytes: allocatedBytes(),
  };
}

// Node exposes no "bytes allocated" counter (v8.getHeapStatistics() has none, not in Node 24
// either), so it is derived: every byte allocated is either still in the heap or was freed by a
// GC since. `GCProfiler` reports the heap's used size before and after every GC; the sum of what
// each GC freed plus the growth of the used heap is what was allocated (exact up to the objects
// V8's escape analysis never allocates, which cost nothing anyway). Checked: 4 million objects
// `{ a, b, c }` kept in a ring measure 48.0 bytes each, their size on a 64-bit heap.
let profiler: GCProfiler | undefined;
let freedByGc = 0;
let usedAtStart = 0;

/**
 * Bytes this process's JavaScript heap allocated since its first call (0 then); differences
 * between two calls are what the code in between allocated.
 * @example const before = allocatedBytes(); work(); const bytes = allocatedBytes() - before;
 */
export function allocatedBytes(): number {
  if (profiler === undefined) {
    usedAtStart = getHeapStatistics().used_heap_size;
  } else {
    for (const gc of profiler.stop()?.statistics ?? []) {
      freedByGc += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    }
  }
  const used = getHeapStatistics().used_heap_size;
  profiler = new GCProfiler();
  profiler.start();
  return used - usedAtStart + freedByGc;
}

function toMb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

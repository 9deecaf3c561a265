// Child process for bench/allocProfile.ts: autocannon against the proxy, outside the profiled
// process. `stats` answers after the warm-up; `tokens` runs the measured load and answers after it.

import { serveRequests } from './ipc';
import { runLoad } from './load';

const spec = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  tokens?: string[];
  warmupSeconds: number;
  seconds: number;
};
const base = { url: spec.url, connections: 50, ...(spec.tokens ? { tokens: spec.tokens } : {}) };
const warm = runLoad({ ...base, durationSeconds: spec.warmupSeconds });
serveRequests(async (request) => {
  if (request.type === 'stats') return (await warm).requests;
  if (request.type === 'tokens')
    return (await runLoad({ ...base, durationSeconds: spec.seconds })).requests;
  if (request.type === 'close') setImmediate(() => process.exit(0));
  return undefined;
});
process.send?.({ type: 'ready', ok: true });

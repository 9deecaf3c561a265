// One autocannon run against a URL: the same MCP tools/call POST for every scenario, users'
// tokens rotating per request, latency kept at microsecond resolution. It starts no server.

import autocannon from 'autocannon';
import type { AutocannonRequest } from 'autocannon';
import { UPSTREAM_DELAY_HEADER } from './upstream';

/** The payload of every request: a small MCP `tools/call`, as an agent sends one. */
export const TOOLS_CALL_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 7,
  method: 'tools/call',
  params: {
    name: 'aws___call_aws',
    arguments: { cli_command: 'aws s3 ls', max_results: 10 },
  },
});

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** One request per token, rotating; none → unauthenticated requests (direct, bare-proxy). */
  tokens?: readonly string[];
  /** Ask the bench upstream to answer after this many milliseconds (header `UPSTREAM_DELAY_HEADER`). */
  upstreamDelayMs?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx responses. */
  errors: number;
  statuses: Record<string, number>;
}

/** Latency samples kept per run (enough for 10 s at 100k rps); later ones are not recorded. */
const MAX_SAMPLES = 1_000_000;

/**
 * Runs autocannon for `durationSeconds` with `connections` keep-alive connections.
 * @example const result = await runLoad({ url, connections: 50, durationSeconds: 10, tokens });
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...(options.upstreamDelayMs
      ? { [UPSTREAM_DELAY_HEADER]: String(options.upstreamDelayMs) }
      : {}),
  };
  const requests: AutocannonRequest[] = (options.tokens ?? [undefined]).map((token) => ({
    method: 'POST',
    headers: token === undefined ? headers : { ...headers, authorization: `Bearer ${token}` },
    body: TOOLS_CALL_BODY,
  }));
  const samples = new Float64Array(MAX_SAMPLES);
  let recorded = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests,
  });
  // autocannon's own histogram has 1 ms resolution; the response event carries the exact time.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (recorded < MAX_SAMPLES) samples[recorded++] = ms;
  });
  const result = await instance;
  const sorted = samples.subarray(0, recorded).sort();
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
  const completed = result.requests.total;
  return {
    requests: completed,
    rps: Math.round(completed / result.duration),
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
  };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

// The STS emulator as an HTTP server on node:http: the core's answers, an optional per-call
// latency (the benchmark's 30 ms), CORS for browser callers, and call counters by outcome.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleStsRequest } from '../sts-core';
import type { ResolveJwks, StsExplanation } from '../sts-core';
import type { AccountState } from '../state';
import {
  createQueryServer,
  listening,
  readQueryRequest,
  writeQueryResponse,
} from '../aws-query/server';
import type { ListeningServer } from '../aws-query/server';
import { createRemoteJwksResolver } from './remoteJwks';

export interface StsServerOptions {
  state: AccountState;
  /** Default: OIDC discovery + remote JWKS per issuer (createRemoteJwksResolver). */
  resolveJwks?: ResolveJwks;
  /** Added before every answer, in milliseconds. Default 0. */
  latencyMs?: number;
  /** How latency is waited for (tests inject a recorder). Default: setTimeout. */
  delay?: (ms: number) => Promise<void>;
  /** The clock, read once per call. Default: the real time. */
  now?: () => Date;
  /** Origins allowed to call from a browser (`*` for any). Default: none (no CORS headers). */
  allowedOrigins?: readonly string[];
  /** Receives every call's explanation (never contains tokens or secrets). */
  onExplain?: (explain: StsExplanation) => void;
}

export interface StsServerStats {
  calls: number;
  /** Calls by outcome: `Issued` or the STS error code. */
  byOutcome: Record<string, number>;
}

export interface StsServer extends ListeningServer {
  stats(): StsServerStats;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function corsHeaders(
  req: IncomingMessage,
  allowed: readonly string[] | undefined
): Record<string, string> | undefined {
  const origin = req.headers.origin;
  if (origin === undefined || allowed === undefined) return undefined;
  if (!allowed.includes('*') && !allowed.includes(origin)) return undefined;
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'x-amzn-RequestId',
    Vary: 'Origin',
  };
}

function preflight(res: ServerResponse, req: IncomingMessage, cors: Record<string, string>): void {
  res.writeHead(204, {
    ...cors,
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'content-type',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

/**
 * An STS endpoint for AssumeRoleWithWebIdentity backed by `state`; point an STSClient's
 * `endpoint` at the URL `listen` returns.
 * @example
 * const sts = createStsServer({ state, latencyMs: 30 });
 * const { url } = await sts.listen(0, '127.0.0.1');
 * new STSClient({ region: 'us-east-1', endpoint: url });
 */
export function createStsServer(options: StsServerOptions): StsServer {
  const resolveJwks = options.resolveJwks ?? createRemoteJwksResolver();
  const delay = options.delay ?? sleep;
  const stats: StsServerStats = { calls: 0, byOutcome: {} };
  const server = createQueryServer(async (req, res) => {
    const cors = corsHeaders(req, options.allowedOrigins);
    if (req.method === 'OPTIONS') {
      if (cors) preflight(res, req, cors);
      else res.writeHead(403).end();
      return;
    }
    if (req.method !== 'POST' && req.method !== 'GET') {
      res.writeHead(405, { Allow: 'POST, GET' }).end();
      return;
    }
    const request = await readQueryRequest(req);
    const response = await handleStsRequest(request, {
      state: options.state,
      resolveJwks,
      now: options.now?.() ?? new Date(),
    });
    stats.calls += 1;
    const outcome = response.explain.outcome;
    stats.byOutcome[outcome] = (stats.byOutcome[outcome] ?? 0) + 1;
    options.onExplain?.(response.explain);
    if ((options.latencyMs ?? 0) > 0) await delay(options.latencyMs ?? 0);
    writeQueryResponse(res, response, cors);
  });
  const lifecycle = listening(server);
  return {
    ...lifecycle,
    stats: () => ({ calls: stats.calls, byOutcome: { ...stats.byOutcome } }),
  };
}

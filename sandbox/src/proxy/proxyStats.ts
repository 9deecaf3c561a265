// Counters of what the proxy did (requests, statuses, forwards, credential cache), for /health
// and benchmarks. No secrets, no per-user data. It does not log or serve anything.

import type { CredentialCacheStats } from '../sts';

/** A snapshot of the proxy's counters. */
export interface ProxyStats {
  /** Every HTTP request received (MCP, health, metadata, preflight). */
  requests: number;
  /** Requests to the MCP endpoint. */
  mcpRequests: number;
  /** Requests currently being handled (SSE streams stay in flight while open). */
  inFlight: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Requests sent to the upstream. */
  forwarded: number;
  /** Calls to STS started (equals `cache.stsCalls`). */
  stsCalls: number;
  /** Credentials served from the cache. */
  cacheHits: number;
  /** Credentials not served from the cache (new or shared STS call, or cache off). */
  cacheMisses: number;
  /** `cacheHits / (cacheHits + cacheMisses)`, 0 when nothing was asked. */
  cacheHitRate: number;
  cacheEnabled: boolean;
  cache: CredentialCacheStats;
  /** Token verifications reused (same token again, before its exp) and tokens remembered. */
  verifiedTokens: { hits: number; size: number };
}

export interface StatsRecorder {
  requestStarted(mcp: boolean): void;
  requestFinished(status: number, forwarded: boolean): void;
  snapshot(
    cache: CredentialCacheStats,
    cacheEnabled: boolean,
    verifiedTokens: { hits: number; size: number }
  ): ProxyStats;
}

/**
 * Creates the counters of one proxy.
 * @example const stats = createStatsRecorder(); stats.requestStarted(true);
 */
export function createStatsRecorder(): StatsRecorder {
  let requests = 0;
  let mcpRequests = 0;
  let inFlight = 0;
  let forwarded = 0;
  const statuses: Record<string, number> = {};
  return {
    requestStarted(mcp) {
      requests++;
      inFlight++;
      if (mcp) mcpRequests++;
    },
    requestFinished(status, wasForwarded) {
      inFlight--;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (wasForwarded) forwarded++;
    },
    snapshot(cache, cacheEnabled, verifiedTokens) {
      const asked = cache.hits + cache.misses;
      return {
        requests,
        mcpRequests,
        inFlight,
        statuses: { ...statuses },
        forwarded,
        stsCalls: cache.stsCalls,
        cacheHits: cache.hits,
        cacheMisses: cache.misses,
        cacheHitRate: asked === 0 ? 0 : cache.hits / asked,
        cacheEnabled,
        cache,
        verifiedTokens: { ...verifiedTokens },
      };
    },
  };
}

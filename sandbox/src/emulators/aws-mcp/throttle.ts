// Token-bucket throttling per key (account and Region), the decision behind the emulator's 429s.
// Pure: the caller passes the time, so tests need no sleeps. It does not choose when to throttle.

export interface ThrottleOptions {
  /** Sustained requests per second. Default: AWS's documented 3. */
  ratePerSecond?: number;
  /** Requests allowed at once from a full bucket. Default: one second's worth of the rate. */
  burst?: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface Throttle {
  /** Takes one token for `key` at `nowMs`. */
  take(key: string, nowMs: number): ThrottleDecision;
}

/**
 * AWS's quota: "Requests per account per Region, 3 per second (sustained)", answered with 429
 * (Agent Toolkit for AWS user guide, "Quotas for AWS MCP Server",
 * https://docs.aws.amazon.com/agent-toolkit/latest/userguide/aws-mcp-limits.html). AWS gives no
 * burst figure, so the bucket holds one second's worth: at most 3 requests in any second.
 */
export const AWS_DOCUMENTED_THROTTLE = { ratePerSecond: 3, burst: 3 } as const;

/**
 * A token bucket per key: `burst` tokens to start with, refilled at `ratePerSecond`. A refused
 * request learns how many whole seconds until one token is back (`Retry-After`).
 * @example
 * const throttle = createThrottle({ ratePerSecond: 1, burst: 1 });
 * throttle.take('acct', 0); // { allowed: true }
 * throttle.take('acct', 0); // { allowed: false, retryAfterSeconds: 1 }
 */
export function createThrottle(options: ThrottleOptions = {}): Throttle {
  const rate = options.ratePerSecond ?? AWS_DOCUMENTED_THROTTLE.ratePerSecond;
  const burst = options.burst ?? Math.max(1, rate);
  if (!(rate > 0) || !(burst >= 1)) {
    throw new RangeError('throttle needs ratePerSecond > 0 and burst >= 1');
  }
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, nowMs) {
      const bucket = buckets.get(key) ?? { tokens: burst, at: nowMs };
      const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
      bucket.tokens = Math.min(burst, bucket.tokens + elapsed * rate);
      bucket.at = Math.max(bucket.at, nowMs);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)),
      };
    },
  };
}

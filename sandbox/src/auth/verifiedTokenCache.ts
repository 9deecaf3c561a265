// A bounded memo of tokens that passed verification, keyed by the SHA-256 of the whole token, so
// the same token presented again skips the signature check until its `exp`. Failures are never kept.

import { hash } from 'node:crypto';
import type { JWTHeaderParameters, JWTPayload } from 'jose';
import { ExpiringLru } from '../shared';

/** Default LRU bound of the verified-token cache. */
export const DEFAULT_VERIFIED_TOKEN_ENTRIES = 1000;
/** Default longest reuse of one verification, whatever the token's `exp` says. */
export const DEFAULT_VERIFIED_TOKEN_MAX_AGE_MS = 60_000;

export interface VerifiedTokenCacheOptions {
  /** LRU bound. Default 1000. */
  maxEntries?: number;
  /**
   * A verification is reused for at most this long (default 60000): the bound on how long a token
   * signed by a key the issuer has since withdrawn stays accepted beyond the JWKS refresh.
   */
  maxAgeMs?: number;
  /** Milliseconds since the epoch. Default `Date.now`; inject a fake clock in tests. */
  now?: () => number;
}

/** The value kept: what `verify` resolves with (claims and header deeply frozen). */
export interface CachedVerification {
  claims: JWTPayload;
  header: JWTHeaderParameters;
  expiresAt: Date;
}

export interface VerifiedTokenCache {
  /** The cached verification of `key`, or undefined when absent or no longer valid. */
  get(key: string): CachedVerification | undefined;
  /** Keeps a verification until `validUntilMs` (capped at `maxAgeMs` from now). */
  set(key: string, value: CachedVerification, validUntilMs: number): void;
  readonly size: number;
  readonly hits: number;
}

/**
 * The cache key of a token: SHA-256 of its exact bytes (the raw token is never a key).
 * @example verifiedTokenKey('eyJhbGciOi...') // 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg'
 */
export function verifiedTokenKey(token: string): string {
  return hash('sha256', token, 'base64url'); // one-shot: no Hash object per request
}

/**
 * Creates a verified-token cache (LRU, expiry per entry).
 * @example const cache = createVerifiedTokenCache({ maxEntries: 500 });
 */
export function createVerifiedTokenCache(
  options: VerifiedTokenCacheOptions = {}
): VerifiedTokenCache {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_VERIFIED_TOKEN_MAX_AGE_MS;
  if (!Number.isFinite(maxAgeMs) || maxAgeMs < 0) {
    throw new RangeError('maxAgeMs must be a non-negative number');
  }
  const entries = new ExpiringLru<CachedVerification>({
    maxEntries: options.maxEntries ?? DEFAULT_VERIFIED_TOKEN_ENTRIES,
    now: options.now,
  });
  return {
    get: (key) => entries.get(key),
    set(key, value, validUntilMs) {
      deepFreeze(value.claims);
      deepFreeze(value.header);
      entries.set(key, value, Math.min(validUntilMs, entries.now() + maxAgeMs));
    },
    get size() {
      return entries.size;
    },
    get hits() {
      return entries.hits;
    },
  };
}

/** Shared between requests, so nobody may change a cached claim set. Iterative: claims may nest deeply. */
function deepFreeze(root: unknown): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) continue;
    Object.freeze(value);
    for (const child of Object.values(value)) pending.push(child);
  }
}

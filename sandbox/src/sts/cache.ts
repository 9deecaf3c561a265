// Owns reusing STS credentials: keyed by (SHA-256 of token, role ARN), valid until a margin before
// the earlier expiry, LRU-bounded, one STS call per key. It never stores raw tokens or calls STS.

import { ExpiringLru, sha256Hex } from '../shared';
import type { StsCredentials } from './credentials';
import { exchangeToken } from './exchange';
import type { ExchangeTokenInput } from './exchange';

export const DEFAULT_MAX_ENTRIES = 1000;
export const DEFAULT_SAFETY_MARGIN_SECONDS = 60;

export interface CredentialCacheOptions {
  /** LRU bound; the least recently used entry is evicted beyond it. Default 1000. */
  maxEntries?: number;
  /** Entries stop being served this long before they expire. Default 60. */
  safetyMarginSeconds?: number;
  /** ToolHive's behaviour: no reuse and no sharing, one STS call per request. */
  disabled?: boolean;
  /** Milliseconds since the epoch; inject a fake clock in tests. */
  now?: () => number;
  /** The STS call; `exchangeToken` unless replaced. */
  exchange?: (input: ExchangeTokenInput) => Promise<StsCredentials>;
  /**
   * A one-way hash of the token for the key, e.g. a native SHA-256 on Node (the proxy passes
   * one). Default: SHA-256 hex in plain JavaScript, which runs in browsers too.
   */
  hashToken?: (token: string) => string;
}

export interface CredentialRequest extends ExchangeTokenInput {
  /** The token's `exp` claim (seconds since the epoch); entries never outlive the token. */
  tokenExp?: number;
  /** `hashToken(token)` when the caller has it already (the proxy's verifier computed it). */
  tokenHash?: string;
}

export interface CredentialCacheStats {
  /** Served from a valid entry. */
  hits: number;
  /** Not served from an entry (some of these joined an STS call already in flight). */
  misses: number;
  /** STS calls started. `misses - stsCalls` calls were shared. */
  stsCalls: number;
  /** Entries dropped by the LRU bound. */
  evictions: number;
  /** Entries dropped because their validity ended. */
  expired: number;
  /** STS calls currently in flight. */
  inFlight: number;
  size: number;
}

/** Where credentials came from: a valid entry, a new STS call, one already in flight, no cache. */
export type CredentialOutcome = 'hit' | 'miss' | 'shared' | 'off';

export interface CredentialCache {
  /**
   * Valid cached credentials, or the result of one STS call shared by concurrent callers.
   * `onOutcome` is told synchronously, before anything is awaited, how they are obtained.
   */
  getCredentials(
    request: CredentialRequest,
    onOutcome?: (outcome: CredentialOutcome) => void
  ): Promise<StsCredentials>;
  /**
   * The valid cached credentials under `key` (from `keyFor`), counted as a hit, or undefined
   * (nothing counted: follow with `getCredentials`). Synchronous: a request whose credentials are
   * cached awaits nothing for them. Always undefined when the cache is disabled.
   */
  peek(key: string): StsCredentials | undefined;
  /** The cache key of a token hash and role: what `peek` takes (keep it, it is the same each time). */
  keyFor(tokenHash: string, roleArn: string): string;
  stats(): CredentialCacheStats;
  clear(): void;
}

/**
 * Creates a credential cache in front of `exchangeToken`.
 * @example
 * const cache = createCredentialCache({ maxEntries: 500 });
 * const creds = await cache.getCredentials({ token, tokenExp: claims.exp, roleArn, sessionName, region });
 */
export function createCredentialCache(options: CredentialCacheOptions = {}): CredentialCache {
  const marginMs = (options.safetyMarginSeconds ?? DEFAULT_SAFETY_MARGIN_SECONDS) * 1000;
  const exchange = options.exchange ?? exchangeToken;
  const hashToken = options.hashToken ?? sha256Hex;
  const entries = new ExpiringLru<StsCredentials>({
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    now: options.now,
  });
  if (!Number.isFinite(marginMs) || marginMs < 0) {
    throw new RangeError('safetyMarginSeconds must be a non-negative number');
  }

  const inFlight = new Map<string, Promise<StsCredentials>>();
  const counters = { misses: 0, stsCalls: 0 };

  function store(key: string, request: CredentialRequest, credentials: StsCredentials): void {
    const limits = [credentials.expiration.getTime()];
    if (request.tokenExp !== undefined) limits.push(request.tokenExp * 1000);
    // Already inside the margin (or NaN): served once, nothing kept.
    entries.set(key, credentials, Math.min(...limits) - marginMs);
  }

  function peek(key: string): StsCredentials | undefined {
    return options.disabled ? undefined : entries.get(key);
  }

  async function getCredentials(
    request: CredentialRequest,
    onOutcome?: (outcome: CredentialOutcome) => void
  ): Promise<StsCredentials> {
    if (options.disabled) {
      counters.misses++;
      counters.stsCalls++;
      onOutcome?.('off');
      return exchange(exchangeInput(request));
    }
    const key = keyFor(request.tokenHash ?? hashToken(request.token), request.roleArn);
    const cached = peek(key);
    if (cached !== undefined) {
      onOutcome?.('hit');
      return cached;
    }
    counters.misses++;
    const pending = inFlight.get(key);
    if (pending) {
      onOutcome?.('shared');
      return pending;
    }

    counters.stsCalls++;
    onOutcome?.('miss');
    const call = (async () => {
      try {
        const credentials = await exchange(exchangeInput(request));
        store(key, request, credentials);
        return credentials;
      } finally {
        inFlight.delete(key);
      }
    })();
    inFlight.set(key, call);
    return call;
  }

  return {
    getCredentials,
    peek,
    keyFor,
    stats: () => ({
      hits: entries.hits,
      misses: counters.misses,
      stsCalls: counters.stsCalls,
      evictions: entries.evictions,
      expired: entries.expired,
      inFlight: inFlight.size,
      size: entries.size,
    }),
    clear: () => entries.clear(),
  };
}

/** The hash of the token, then the role: the raw token never becomes a key. */
function keyFor(tokenHash: string, roleArn: string): string {
  return `${tokenHash}\n${roleArn}`;
}

/** The request without the cache's own fields (built on a miss only, not on every hit). */
function exchangeInput(request: CredentialRequest): ExchangeTokenInput {
  const { tokenExp: _tokenExp, tokenHash: _tokenHash, ...input } = request;
  return input;
}

// Verification of inbound bearer JWTs against one OIDC issuer: discovery, the remote JWKS
// (cached, rotation-aware), jose's jwtVerify with explicit options. It does not read HTTP headers.

import { createRemoteJWKSet, customFetch, errors, jwtVerify } from 'jose';
import type {
  FetchImplementation,
  JWTHeaderParameters,
  JWTPayload,
  JWTVerifyGetKey,
  RemoteJWKSet,
} from 'jose';
import { AwsStsError } from '../errors';
import { DEFAULT_ALGORITHMS, isAsymmetricAlgorithm } from './algorithms';
import type { AsymmetricAlgorithm } from './algorithms';
import { createDiscovery } from './discovery';
import { toTokenError } from './joseErrors';
import { readLimited } from './readLimited';
import { TokenError } from './tokenError';
import { inspectToken } from './tokenShape';
import { requireHttpsUrl } from './urls';
import type { UrlRules } from './urls';
import { createVerifiedTokenCache, verifiedTokenKey } from './verifiedTokenCache';
import type { VerifiedTokenCache, VerifiedTokenCacheOptions } from './verifiedTokenCache';

/** Upper bound on a JWKS response; real key sets are a few KiB. */
const MAX_JWKS_BYTES = 1024 * 1024;

/** Largest clock tolerance accepted; tolerance widens every token's lifetime, so keep it small. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 300;

export interface TokenVerifierOptions extends UrlRules {
  /** The issuer exactly as tokens carry it in `iss` (trailing slash included if the IdP uses one). */
  issuer: string;
  /** The audience this resource accepts; a token passes when its `aud` contains one of them. */
  audience: string | readonly string[];
  /** Skip discovery and fetch keys here (ToolHive's `jwksUrl`). */
  jwksUri?: string;
  /** Leeway for `exp`/`nbf`/`iat`, in seconds. Default 30, at most 300. */
  clockToleranceSeconds?: number;
  /** Allowed `alg` values; asymmetric only. Default RS*, PS*, ES*, EdDSA. */
  algorithms?: readonly AsymmetricAlgorithm[];
  /** Tokens longer than this are refused before parsing. Default 16384. */
  maxTokenBytes?: number;
  /** Used for discovery and JWKS requests. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Minimum time between JWKS refetches triggered by an unknown `kid`. Default 30000 (jose's). */
  jwksCooldownMs?: number;
  /** Refetch the JWKS when the cached copy is older than this. Default 600000 (jose's). */
  jwksCacheMaxAgeMs?: number;
  /** Timeout of each discovery or JWKS request. Default 5000. */
  httpTimeoutMs?: number;
  /**
   * Reuse a successful verification when the exact same token comes again, until its `exp`
   * (clock tolerance included) and at most `maxAgeMs` (default 60000). Refusals are never
   * reused. The claims of a reused verification are deeply frozen. Default: off.
   */
  cache?: Omit<VerifiedTokenCacheOptions, 'now'>;
  /** Milliseconds since the epoch, for the cache's expiry checks; inject a clock in tests. */
  now?: () => number;
}

/** A token whose signature, issuer, audience and lifetime were checked. */
export interface VerifiedToken {
  claims: JWTPayload;
  header: JWTHeaderParameters;
  /** From `exp`, which is required, so always present. */
  expiresAt: Date;
  /** `verifiedTokenKey(token)` when the verifier has a cache (it computed it anyway). */
  tokenKey?: string;
}

export interface TokenVerifier {
  /** Verifies a compact JWT; rejects with a TokenError (code INVALID_TOKEN) and a `reason`. */
  verify(token: string): Promise<VerifiedToken>;
  /** Verifications reused from the cache, and the entries it holds (zeros without a cache). */
  cacheStats?(): { hits: number; size: number };
  /** Aborts in-flight discovery/JWKS requests; later `verify` calls reject as `unavailable`. */
  close(): void;
}

/**
 * Creates a verifier for one issuer and audience; keys are discovered lazily on first use.
 * @example const { claims } = await createTokenVerifier({ issuer, audience: 'toolhive-aws' }).verify(token);
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const settings = readSettings(options);
  const closer = new AbortController();
  const baseFetch = options.fetch ?? globalThis.fetch;
  const fetchImpl: typeof globalThis.fetch = (input, init) =>
    baseFetch(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, closer.signal]) : closer.signal,
    });
  const discovery = createDiscovery({
    issuer: options.issuer,
    fetch: fetchImpl,
    timeoutMs: settings.httpTimeoutMs,
    allowInsecureHttp: options.allowInsecureHttp,
  });
  // jose reads the JWKS with response.json(); hand it a copy read under a byte cap instead.
  const fetchJwks: FetchImplementation = async (url, init) => {
    const response = await fetchImpl(url, init);
    if (response.status !== 200) return response;
    const body = await readLimited(response, MAX_JWKS_BYTES);
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  let jwks: RemoteJWKSet | undefined;
  const cache: VerifiedTokenCache | undefined =
    options.cache === undefined
      ? undefined
      : createVerifiedTokenCache({ ...options.cache, now: options.now });

  async function remoteJwks(): Promise<RemoteJWKSet> {
    if (jwks !== undefined) return jwks;
    const uri = settings.jwksUri ?? (await discovery.get()).jwksUri;
    jwks ??= createRemoteJWKSet(uri, {
      cooldownDuration: settings.jwksCooldownMs,
      cacheMaxAge: settings.jwksCacheMaxAgeMs,
      timeoutDuration: settings.httpTimeoutMs,
      [customFetch]: fetchJwks,
    });
    return jwks;
  }

  // Resolved only after jose has checked the header (crit, alg allowlist), so refused tokens
  // never cause a discovery or JWKS request.
  const getKey: JWTVerifyGetKey = async (header, token) => {
    const set = await remoteJwks();
    try {
      return await set(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys
      ) {
        throw error;
      }
      const why = error instanceof Error ? error.message : String(error);
      throw new TokenError('unavailable', "the token issuer's signing keys are unavailable", {
        detail: `JWKS request or parse failed: ${why}`,
        cause: error,
      });
    }
  };

  return {
    async verify(token) {
      if (typeof token !== 'string') {
        throw new TokenError('malformed', 'token is not a well-formed JWT');
      }
      if (closer.signal.aborted) {
        throw new TokenError('unavailable', "the token issuer's signing keys are unavailable", {
          detail: 'verifier is closed',
        });
      }
      // The size check first, so an oversized token is never hashed.
      const key =
        cache !== undefined && token.length <= settings.maxTokenBytes
          ? verifiedTokenKey(token)
          : undefined;
      const reused = key === undefined ? undefined : cache?.get(key);
      if (reused !== undefined) {
        return { ...reused, expiresAt: new Date(reused.expiresAt), tokenKey: key };
      }
      inspectToken(token, settings);
      try {
        const { payload, protectedHeader } = await jwtVerify(token, getKey, {
          issuer: options.issuer,
          audience: settings.audience,
          clockTolerance: settings.clockToleranceSeconds,
          algorithms: settings.algorithms,
          // ToolHive refuses tokens without exp; so do we (STS needs a bounded token anyway).
          requiredClaims: ['exp'],
          // `typ` is deliberately not enforced: IdPs disagree (RFC 9068 `at+jwt`, `JWT`, absent),
          // STS accepts ID tokens (`JWT`), and the audience check is what binds a token to us.
        });
        if (typeof payload.exp !== 'number') {
          throw new TokenError('missing_claim', 'token is missing the required "exp" claim');
        }
        const verified = {
          claims: payload,
          header: protectedHeader,
          expiresAt: new Date(payload.exp * 1000),
        };
        if (key !== undefined) {
          // jose accepts until exp + tolerance; so does the cache (and never beyond maxAgeMs).
          const validUntil = (payload.exp + settings.clockToleranceSeconds) * 1000;
          cache?.set(key, verified, validUntil);
          return { ...verified, tokenKey: key };
        }
        return verified;
      } catch (error) {
        throw toTokenError(error);
      }
    },
    cacheStats() {
      return { hits: cache?.hits ?? 0, size: cache?.size ?? 0 };
    },
    close() {
      closer.abort();
    },
  };
}

interface Settings {
  audience: string[];
  algorithms: string[];
  clockToleranceSeconds: number;
  maxTokenBytes: number;
  jwksUri: URL | undefined;
  jwksCooldownMs: number;
  jwksCacheMaxAgeMs: number;
  httpTimeoutMs: number;
}

function readSettings(options: TokenVerifierOptions): Settings {
  const issuer = requireHttpsUrl(options.issuer, 'issuer', options);
  if (issuer.search !== '') invalid('issuer', 'issuer must not contain a query');
  const audience =
    typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  if (audience.length === 0 || audience.some((a) => typeof a !== 'string' || a === '')) {
    invalid('audience', 'audience must be a non-empty string or a non-empty list of them');
  }
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
  if (algorithms.length === 0 || !algorithms.every(isAsymmetricAlgorithm)) {
    invalid('algorithms', 'algorithms must list asymmetric JWS algorithms only (no none, no HS*)');
  }
  return {
    audience,
    algorithms,
    clockToleranceSeconds: bounded(
      options.clockToleranceSeconds,
      30,
      'clockToleranceSeconds',
      MAX_CLOCK_TOLERANCE_SECONDS
    ),
    maxTokenBytes: bounded(options.maxTokenBytes, 16 * 1024, 'maxTokenBytes', 1024 * 1024, 1),
    jwksUri:
      options.jwksUri === undefined
        ? undefined
        : requireHttpsUrl(options.jwksUri, 'jwksUri', options),
    jwksCooldownMs: bounded(options.jwksCooldownMs, 30_000, 'jwksCooldownMs'),
    jwksCacheMaxAgeMs: bounded(options.jwksCacheMaxAgeMs, 600_000, 'jwksCacheMaxAgeMs'),
    httpTimeoutMs: bounded(options.httpTimeoutMs, 5_000, 'httpTimeoutMs', undefined, 1),
  };
}

function bounded(
  value: number | undefined,
  fallback: number,
  path: string,
  max = Number.MAX_SAFE_INTEGER,
  min = 0
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(path, `${path} must be an integer between ${min} and ${max}`);
  }
  return value;
}

function invalid(path: string, message: string): never {
  throw new AwsStsError('INVALID_CONFIG', message, { path });
}

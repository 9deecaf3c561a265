// OIDC discovery for one issuer: the well-known URL, the issuer check, `jwks_uri`, and a cache
// that keeps a success and forgets a failure. It does not fetch or interpret the JWKS itself.

import { readLimited } from './readLimited';
import { TokenError } from './tokenError';
import { requireHttpsUrl } from './urls';
import type { UrlRules } from './urls';

const MAX_DOCUMENT_BYTES = 1024 * 1024;

/**
 * The OpenID Connect discovery URL of an issuer: one trailing slash dropped, then the well-known
 * suffix appended after any path (OIDC Discovery 1.0 §4).
 * @example discoveryUrl('https://x/oauth2/default') // 'https://x/oauth2/default/.well-known/openid-configuration'
 */
export function discoveryUrl(issuer: string): string {
  return `${issuer.endsWith('/') ? issuer.slice(0, -1) : issuer}/.well-known/openid-configuration`;
}

export interface DiscoveryOptions extends UrlRules {
  /** The issuer exactly as tokens carry it in `iss`; the document must repeat it verbatim. */
  issuer: string;
  fetch?: typeof globalThis.fetch;
  /** Abort the request after this many milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Aborts in-flight requests (the verifier's `close`). */
  signal?: AbortSignal;
}

/** What the verifier needs from the discovery document. */
export interface DiscoveredIssuer {
  issuer: string;
  jwksUri: URL;
}

export interface Discovery {
  /** The discovered issuer; fetched once, shared by concurrent callers, retried after a failure. */
  get(): Promise<DiscoveredIssuer>;
}

/**
 * A cached discovery for one issuer. A failure is not cached: the next `get()` fetches again.
 * @example const { jwksUri } = await createDiscovery({ issuer }).get();
 */
export function createDiscovery(options: DiscoveryOptions): Discovery {
  let pending: Promise<DiscoveredIssuer> | undefined;
  return {
    get() {
      if (pending === undefined) {
        const attempt: Promise<DiscoveredIssuer> = fetchDiscovery(options).catch(
          (error: unknown) => {
            if (pending === attempt) pending = undefined;
            throw error;
          }
        );
        pending = attempt;
      }
      return pending;
    },
  };
}

async function fetchDiscovery(options: DiscoveryOptions): Promise<DiscoveredIssuer> {
  const url = discoveryUrl(options.issuer);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal,
    });
  } catch (cause) {
    throw unavailable(`discovery request to ${url} failed`, cause);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw unavailable(`discovery at ${url} answered HTTP ${response.status}, expected 200`);
  }
  let document: unknown;
  try {
    document = JSON.parse(await readLimited(response, MAX_DOCUMENT_BYTES));
  } catch (cause) {
    throw unavailable(`discovery document at ${url} is not JSON (or over 1 MiB)`, cause);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw unavailable(`discovery document at ${url} is not a JSON object`);
  }
  const { issuer, jwks_uri: jwksUri } = document as Record<string, unknown>;
  if (issuer !== options.issuer) {
    throw unavailable(
      `discovery document at ${url} names issuer ${JSON.stringify(issuer)}, ` +
        `configured issuer is ${JSON.stringify(options.issuer)}; they must be identical`
    );
  }
  let jwks: URL;
  try {
    jwks = requireHttpsUrl(jwksUri, 'jwks_uri', options);
  } catch (cause) {
    throw unavailable(`discovery document at ${url} has no usable https jwks_uri`, cause);
  }
  return { issuer: options.issuer, jwksUri: jwks };
}

function unavailable(detail: string, cause?: unknown): TokenError {
  return new TokenError('unavailable', "the token issuer's signing keys are unavailable", {
    detail,
    cause,
  });
}

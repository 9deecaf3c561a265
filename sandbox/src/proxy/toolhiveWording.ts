// ToolHive's words for a refused bearer token: the `error_description` its OIDC middleware writes
// (golang-jwt v5 and stacklok/toolhive `pkg/auth/token.go`), its Bearer challenge and Go's JSON.
// Pure text; it decides no status and reads nothing of the token beyond its header's alg and kid.

import { base64url } from 'jose';
import type { TokenError } from '../auth';

/** `pkg/auth/utils.go` ExtractBearerToken's errors, verbatim. */
export const TOOLHIVE_BEARER_ERRORS = {
  headerMissing: 'authorization header required',
  invalidFormat: "invalid authorization header format, expected 'Bearer <token>'",
} as const;

/** What `writeOAuthError` puts in `error`: no usable token, or a token that failed validation. */
export type ToolHiveOAuthError = 'invalid_request' | 'invalid_token';

/** The `error` code and the Go error text (`err.Error()`) ToolHive reports for a token failure. */
export interface ToolHiveTokenFailure {
  error: ToolHiveOAuthError;
  /** The Go error's text: the challenge's `error_description`; the body adds `Invalid token: `. */
  text: string;
}

const KEYFUNC = 'failed to parse token: token is unverifiable: error while executing keyfunc';
const CLAIMS = 'failed to parse token: token has invalid claims';
/** `jwt.ErrTokenMalformed` sends ToolHive to token introspection, which is not configured. */
const MALFORMED = 'failed to introspect opaque token: no introspection endpoint available';
/** The algorithms golang-jwt v5 registers; others fail before the key function runs. */
const GOLANG_JWT_ALGORITHMS = new Set([
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'EdDSA', 'none',
]); // prettier-ignore

/**
 * ToolHive's `error` and text for a refused bearer token. Wording follows golang-jwt v5 (parser.go,
 * validator.go, errors.go) wrapped by ToolHive's validator (token.go `ValidateToken`,
 * `validateClaims`, `getKeyFromJWKS`); where ToolHive has no such check (token size, `crit`), the
 * sandbox's own message stands in.
 * @example toolhiveTokenFailure(new TokenError('expired', 'token has expired'), undefined).text // 'failed to parse token: token has invalid claims: token is expired'
 */
export function toolhiveTokenFailure(
  error: TokenError,
  authorization: string | readonly string[] | undefined
): ToolHiveTokenFailure {
  const invalid = (text: string): ToolHiveTokenFailure => ({ error: 'invalid_token', text });
  const header = tokenHeader(authorization);
  switch (error.reason) {
    case 'missing':
      return {
        error: 'invalid_request',
        text:
          error.detail === undefined
            ? TOOLHIVE_BEARER_ERRORS.headerMissing
            : TOOLHIVE_BEARER_ERRORS.invalidFormat,
      };
    case 'malformed':
      // Go trims the header value, so "Bearer " alone lacks the "Bearer " prefix.
      if (error.detail === 'Bearer scheme without a token') {
        return { error: 'invalid_request', text: TOOLHIVE_BEARER_ERRORS.invalidFormat };
      }
      if (error.detail === 'header has no "alg"') {
        return invalid(
          'failed to parse token: token is unverifiable: signing method (alg) is unspecified'
        );
      }
      return invalid(MALFORMED);
    case 'algorithm':
      return invalid(
        header.alg !== undefined && GOLANG_JWT_ALGORITHMS.has(header.alg)
          ? `${KEYFUNC}: unexpected signing method: ${header.alg}`
          : 'failed to parse token: token is unverifiable: signing method (alg) is unavailable'
      );
    case 'signature':
      return invalid(
        `failed to parse token: token signature is invalid: ${
          header.alg?.startsWith('ES') ? 'crypto/ecdsa' : 'crypto/rsa'
        }: verification error`
      );
    case 'unknown_key':
      return invalid(
        header.kid === undefined
          ? `${KEYFUNC}: token header missing kid`
          : `${KEYFUNC}: key ID ${header.kid} not found in JWKS`
      );
    case 'expired':
      return invalid(`${CLAIMS}: token is expired`);
    case 'not_yet_valid':
      return invalid(`${CLAIMS}: token is not valid yet`);
    case 'issuer':
      return invalid('invalid issuer');
    case 'audience':
      return invalid('invalid audience');
    case 'missing_claim':
      // Only exp is required; ToolHive's validateClaims reports its absence as ErrTokenExpired.
      return invalid('token expired');
    case 'invalid_claim': {
      const claim = /"([a-z]+)"/.exec(error.message)?.[1];
      if (claim === 'exp' || claim === 'nbf' || claim === 'iat') {
        return invalid(`${CLAIMS}: invalid type for claim: ${claim} is invalid`);
      }
      if (claim === 'aud') return invalid('invalid audience');
      if (claim === 'iss') {
        return invalid('failed to get issuer from claims: invalid type for claim: iss is invalid');
      }
      return invalid(error.message);
    }
    case 'unavailable':
      return invalid(
        error.detail?.startsWith('discovery')
          ? `OIDC discovery failed: failed to discover OIDC configuration: ${error.detail}`
          : `${KEYFUNC}: JWKS registration failed: failed to register JWKS URL: ${error.message}`
      );
    default:
      return invalid(error.message);
  }
}

/**
 * ToolHive's challenge (`buildWWWAuthenticate`): realm (the issuer), resource_metadata, then error
 * and error_description, each quoted with only `\` and `"` escaped (`EscapeQuotes`). Characters a
 * header cannot carry are replaced by `?`.
 * @example toolhiveChallenge({ issuer, resourceMetadataUrl, error: 'invalid_token', description: 'invalid audience' })
 */
export function toolhiveChallenge(options: {
  issuer: string | undefined;
  resourceMetadataUrl: string | undefined;
  error: ToolHiveOAuthError;
  description: string;
}): string {
  const parts: string[] = [];
  if (options.issuer) parts.push(`realm=${quote(options.issuer)}`);
  if (options.resourceMetadataUrl) {
    parts.push(`resource_metadata=${quote(options.resourceMetadataUrl)}`);
  }
  parts.push(`error=${quote(options.error)}`);
  if (options.description !== '') parts.push(`error_description=${quote(options.description)}`);
  return `Bearer ${parts.join(', ')}`;
}

/**
 * `json.Marshal` as Go writes it: like JSON.stringify, plus `<`, `>`, `&`, U+2028 and U+2029
 * escaped as `\u00XX` (Go's HTML-safe default).
 * @example goJson({ error: 'invalid_token' }) // '{"error":"invalid_token"}'
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
}

function quote(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `"${escaped.replace(/[^\x20-\x7E]/g, '?')}"`;
}

/**
 * The untrusted protected header's `alg` and `kid`, decoded from the Authorization value; only
 * printable ASCII up to 128 characters is kept (both can end up in a header and a body).
 */
function tokenHeader(authorization: string | readonly string[] | undefined): {
  alg?: string;
  kid?: string;
} {
  const value = typeof authorization === 'string' ? authorization : authorization?.[0];
  const encoded = /^\s*\S+\s+([A-Za-z0-9_-]+)\./.exec(value ?? '')?.[1];
  if (encoded === undefined || encoded.length > 4096) return {};
  try {
    const header: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(encoded)));
    if (typeof header !== 'object' || header === null) return {};
    const { alg, kid } = header as Record<string, unknown>;
    return { ...printable('alg', alg), ...printable('kid', kid) };
  } catch {
    return {};
  }
}

function printable<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  if (typeof value !== 'string' || value.length > 128 || !/^[\x20-\x7E]*$/.test(value)) return {};
  return { [key]: value } as Partial<Record<K, string>>;
}

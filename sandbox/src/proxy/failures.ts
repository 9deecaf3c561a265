// Names every failure of the request path: turns whatever was thrown (TokenError, AwsStsError,
// StsExchangeError, ProxyError, anything else) into one row name of the failure table, the step
// that failed and log-safe fields. It picks no status or body (errorResponses does).

import { isTokenError } from '../auth';
import type { TokenError } from '../auth';
import { isAwsStsError } from '../errors';
import type { AwsStsError } from '../errors';
import { StsExchangeError } from '../sts';
import type { StsFailureKind } from '../sts';
import { isProxyError } from './proxyError';
import type { ProxyError } from './proxyError';
import { DECLARED_LENGTH_DETAIL } from './readBody';

/** The step of the request path that failed. */
export type FailureStage =
  'routing' | 'auth' | 'role' | 'session' | 'body' | 'sts' | 'signing' | 'upstream' | 'internal';

/** A failure, named, with the error that carries its facts. */
export type Failure =
  /** No bearer credential: no Authorization header, or another scheme. */
  | { kind: 'token_missing'; error: TokenError }
  /** A bearer token that failed validation (signature, issuer, audience, expiry, shape, …). */
  | { kind: 'token_rejected'; error: TokenError }
  /** The issuer's discovery document or JWKS could not be fetched. */
  | { kind: 'issuer_unavailable'; error: TokenError }
  /** No role mapping matched and there is no fallback (ErrNoRoleMapping). */
  | { kind: 'no_role'; error: AwsStsError }
  | { kind: 'session_name_missing'; error: AwsStsError }
  | { kind: 'session_name_invalid'; error: AwsStsError }
  /** STS failed, as the STS client classified it. */
  | { [K in StsFailureKind]: { kind: `sts_${K}`; error: StsExchangeError } }[StsFailureKind]
  | { kind: 'signing_failed'; error: AwsStsError }
  /** `Content-Length` over the limit: refused before anything is read. */
  | { kind: 'body_too_large'; error: ProxyError }
  /** The limit reached while the body streamed in (no or a false `Content-Length`). */
  | { kind: 'body_too_large_streamed'; error: ProxyError }
  /** The proxy's own edges: the client went away, the upstream failed, routing refused. */
  | { [K in EdgeFailureKind]: { kind: K; error: ProxyError } }[EdgeFailureKind]
  /** Anything unanticipated (a bug, a configuration error met at request time). */
  | { kind: 'internal'; error: unknown };

export type FailureKind = Failure['kind'];

type EdgeFailureKind = Exclude<ProxyError['kind'], 'body_too_large'>;

/**
 * Names a thrown value.
 * @example classifyFailure(new TokenError('expired', 'token has expired')).kind // 'token_rejected'
 */
export function classifyFailure(error: unknown): Failure {
  if (isTokenError(error)) {
    if (error.reason === 'missing') return { kind: 'token_missing', error };
    if (error.reason === 'unavailable') return { kind: 'issuer_unavailable', error };
    return { kind: 'token_rejected', error };
  }
  if (error instanceof StsExchangeError) {
    return { kind: `sts_${error.kind}`, error } as Extract<Failure, { kind: `sts_${string}` }>;
  }
  if (isProxyError(error)) {
    if (error.kind === 'body_too_large') {
      return error.detail === DECLARED_LENGTH_DETAIL
        ? { kind: 'body_too_large', error }
        : { kind: 'body_too_large_streamed', error };
    }
    return { kind: error.kind, error } as Extract<Failure, { kind: EdgeFailureKind }>;
  }
  if (isAwsStsError(error)) {
    switch (error.code) {
      case 'NO_ROLE_MAPPING':
        return { kind: 'no_role', error };
      case 'MISSING_SESSION_NAME_CLAIM':
        return { kind: 'session_name_missing', error };
      case 'INVALID_SESSION_NAME':
        return { kind: 'session_name_invalid', error };
      case 'SIGNING_FAILED':
        return { kind: 'signing_failed', error };
    }
  }
  return { kind: 'internal', error };
}

/**
 * The step that failed, for the request log.
 * @example failureStage('sts_throttled') // 'sts'
 */
export function failureStage(kind: FailureKind): FailureStage {
  if (kind.startsWith('sts_')) return 'sts';
  return STAGES[kind as Exclude<FailureKind, `sts_${string}`>];
}

const STAGES: Record<Exclude<FailureKind, `sts_${string}`>, FailureStage> = {
  token_missing: 'auth',
  token_rejected: 'auth',
  issuer_unavailable: 'auth',
  no_role: 'role',
  session_name_missing: 'session',
  session_name_invalid: 'session',
  signing_failed: 'signing',
  body_too_large: 'body',
  body_too_large_streamed: 'body',
  client_closed: 'body',
  upstream_unreachable: 'upstream',
  upstream_timeout: 'upstream',
  origin_forbidden: 'routing',
  not_found: 'routing',
  method_not_allowed: 'routing',
  internal: 'internal',
};

/**
 * What the log line may carry about a failure: reasons, codes, operator details; never the token,
 * credentials or claim values.
 * @example failureLog(classifyFailure(error)) // { reason: 'expired', detail: 'ERR_JWT_EXPIRED: …' }
 */
export function failureLog(failure: Failure): Record<string, unknown> {
  const { error } = failure;
  if (isTokenError(error)) {
    return { reason: error.reason, ...(error.detail ? { detail: error.detail } : {}) };
  }
  if (error instanceof StsExchangeError) return { sts: error.summary };
  if (isProxyError(error)) {
    return { kind: error.kind, ...(error.detail ? { detail: error.detail } : {}) };
  }
  if (isAwsStsError(error)) return { code: error.code, message: error.message };
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  return { error: { name, message } };
}

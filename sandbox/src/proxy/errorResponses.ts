// The one place where a failure on the request path becomes an HTTP status, a short plain-text
// body and headers (WWW-Authenticate, Retry-After), plus log-safe fields. It sends nothing.

import { isTokenError, wwwAuthenticateHeader } from '../auth';
import { isAwsStsError } from '../errors';
import { StsExchangeError } from '../sts';
import { isProxyError } from './proxyError';

/** Seconds a client should wait when the token issuer's discovery or JWKS is unreachable. */
export const ISSUER_RETRY_AFTER_SECONDS = 5;

/** ToolHive's bodies (pkg/auth/awssts/middleware.go), kept verbatim. */
export const TOOLHIVE_BODIES = {
  authenticationRequired: 'Authentication required',
  noRole: 'Failed to determine IAM role',
  missingSessionName: 'Missing session name claim',
  invalidSessionName: 'Invalid session name',
  stsFailed: 'AWS credential exchange failed',
  signingFailed: 'Request signing failed',
} as const;

/** The step of the request path that failed. */
export type FailureStage =
  'routing' | 'auth' | 'role' | 'session' | 'body' | 'sts' | 'signing' | 'upstream' | 'internal';

/** What the client receives, and what the log may say about it. */
export interface ErrorResponse {
  status: number;
  /** One line of plain text, never a token, credential or claim value. */
  body: string;
  headers: Record<string, string>;
  stage: FailureStage;
  /** Log-safe fields: reasons, codes, operator details. */
  log: Record<string, unknown>;
}

export interface ErrorResponseContext {
  /** `resource_metadata` of the Bearer challenge on every 401. */
  resourceMetadataUrl: string;
}

/**
 * Maps any error thrown on the request path to the response the proxy sends.
 * @example const { status, body, headers } = statusForError(error, { resourceMetadataUrl });
 */
export function statusForError(error: unknown, context: ErrorResponseContext): ErrorResponse {
  const challenge = (description?: string): Record<string, string> => ({
    'www-authenticate': wwwAuthenticateHeader({
      resourceMetadataUrl: context.resourceMetadataUrl,
      ...(description === undefined
        ? {}
        : { error: 'invalid_token', errorDescription: description }),
    }),
  });

  if (isTokenError(error)) {
    const log = { reason: error.reason, ...(error.detail ? { detail: error.detail } : {}) };
    if (error.reason === 'unavailable') {
      return {
        status: 503,
        body: `Token issuer unavailable: ${error.message}; retry later`,
        headers: { 'retry-after': String(ISSUER_RETRY_AFTER_SECONDS) },
        stage: 'auth',
        log,
      };
    }
    if (error.reason === 'missing') {
      return {
        status: 401,
        body: TOOLHIVE_BODIES.authenticationRequired,
        headers: challenge(),
        stage: 'auth',
        log,
      };
    }
    return {
      status: 401,
      body: `Invalid bearer token: ${error.message}`,
      headers: challenge(error.message),
      stage: 'auth',
      log,
    };
  }

  if (error instanceof StsExchangeError) {
    const headers: Record<string, string> =
      error.status === 401 ? challenge(`AWS STS refused the token (${error.stsCode})`) : {};
    if (error.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(error.retryAfterSeconds);
    }
    return {
      status: error.status,
      body: `${TOOLHIVE_BODIES.stsFailed}: ${error.stsCode}: ${error.reason}`,
      headers,
      stage: 'sts',
      log: { sts: error.summary },
    };
  }

  if (isProxyError(error)) {
    const log = { kind: error.kind, ...(error.detail ? { detail: error.detail } : {}) };
    const status = PROXY_ERROR_STATUS[error.kind];
    const headers: Record<string, string> = {};
    if (error.kind === 'body_too_large') headers.connection = 'close';
    if (error.allow !== undefined) headers.allow = error.allow;
    const stage: FailureStage =
      error.kind === 'body_too_large' || error.kind === 'client_closed'
        ? 'body'
        : error.kind.startsWith('upstream_')
          ? 'upstream'
          : 'routing';
    return { status, body: error.message, headers, stage, log };
  }

  if (isAwsStsError(error)) {
    const log = { code: error.code, message: error.message };
    switch (error.code) {
      case 'NO_ROLE_MAPPING':
        return { status: 403, body: TOOLHIVE_BODIES.noRole, headers: {}, stage: 'role', log };
      case 'MISSING_SESSION_NAME_CLAIM':
        return {
          status: 401,
          body: TOOLHIVE_BODIES.missingSessionName,
          headers: challenge(TOOLHIVE_BODIES.missingSessionName),
          stage: 'session',
          log,
        };
      case 'INVALID_SESSION_NAME':
        return {
          status: 401,
          body: TOOLHIVE_BODIES.invalidSessionName,
          headers: challenge(TOOLHIVE_BODIES.invalidSessionName),
          stage: 'session',
          log,
        };
      case 'SIGNING_FAILED':
        return {
          status: 500,
          body: TOOLHIVE_BODIES.signingFailed,
          headers: {},
          stage: 'signing',
          log,
        };
      default:
        return { status: 500, body: 'Internal proxy error', headers: {}, stage: 'internal', log };
    }
  }

  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  return {
    status: 500,
    body: 'Internal proxy error',
    headers: {},
    stage: 'internal',
    log: { error: { name, message } },
  };
}

const PROXY_ERROR_STATUS = {
  body_too_large: 413,
  client_closed: 499, // never sent (the client is gone); the log's conventional value
  upstream_unreachable: 502,
  upstream_timeout: 504,
  origin_forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
} as const;

// The failure table: every named failure of the request path (failures.ts) → status, headers and
// the exact body, in two columns: ToolHive's answer and this project's enhanced one. It sends
// nothing; createProxy writes what it returns.

import { wwwAuthenticateHeader } from '../auth';
import type { StsFailureKind } from '../sts';
import { classifyFailure, failureLog, failureStage } from './failures';
import type { Failure, FailureKind, FailureStage } from './failures';
import { PLAIN_TEXT_HEADERS } from './headerRules';
import { DEFAULT_PROXY_MODE } from './mode';
import type { ProxyMode } from './mode';
import { goJson, toolhiveChallenge, toolhiveTokenFailure } from './toolhiveWording';

export type { FailureStage } from './failures';

/** Seconds a client should wait when the token issuer's discovery or JWKS is unreachable. */
export const ISSUER_RETRY_AFTER_SECONDS = 5;
/** Seconds a client should wait after STS throttling, when STS sent no `Retry-After`. */
export const THROTTLING_RETRY_AFTER_SECONDS = 5;
/** Seconds a client should wait after a transient STS, IdP or network failure. */
export const TRANSIENT_RETRY_AFTER_SECONDS = 2;

/** ToolHive's bodies (stacklok/toolhive `pkg/auth/awssts/middleware.go`), kept verbatim. */
export const TOOLHIVE_BODIES = {
  authenticationRequired: 'Authentication required',
  noRole: 'Failed to determine IAM role',
  missingSessionName: 'Missing session name claim',
  invalidSessionName: 'Invalid session name',
  stsFailed: 'AWS credential exchange failed',
  signingFailed: 'Request signing failed',
  /** `pkg/bodylimit/middleware.go` and `pkg/transport/proxy/transparent/transparent_proxy.go`. */
  tooLarge: 'Request Entity Too Large',
} as const;

/** What the client receives, and what the log may say about it. */
export interface ErrorResponse {
  status: number;
  /** Every header of the answer, `content-type` included. */
  headers: Record<string, string>;
  /** The body exactly as sent; never a token, credential or claim value. */
  body: string;
  /** The row of the table that answered. */
  failure: FailureKind;
  stage: FailureStage;
  /** Log-safe fields: reasons, codes, operator details. */
  log: Record<string, unknown>;
}

export interface ErrorResponseContext {
  /** Which column of the table answers. Default `enhanced`. */
  mode?: ProxyMode;
  /** `resource_metadata` of the Bearer challenges. */
  resourceMetadataUrl: string;
  /** The configured issuer: ToolHive's challenge carries it as `realm`. */
  issuer?: string;
  /**
   * The request's Authorization header. ToolHive's texts name the token's `alg` or `kid`, so the
   * table reads them from its header part; nothing else of it is read.
   */
  authorization?: string | readonly string[];
}

/** An answer before the table adds the log fields. */
type Answer = Pick<ErrorResponse, 'status' | 'headers' | 'body'>;
type Column<F extends Failure> = (failure: F, context: ErrorResponseContext) => Answer;
type Row<F extends Failure> = { toolhive: Column<F>; enhanced: Column<F> };
type Table = { [K in FailureKind]: Row<Extract<Failure, { kind: K }>> };

/**
 * Maps anything thrown on the request path to the answer the mode gives.
 * @example const { status, headers, body } = statusForError(error, { mode: 'toolhive', resourceMetadataUrl, issuer });
 */
export function statusForError(error: unknown, context: ErrorResponseContext): ErrorResponse {
  const failure = classifyFailure(error);
  const row = FAILURE_TABLE[failure.kind] as Row<Failure>;
  const answer = row[context.mode ?? DEFAULT_PROXY_MODE](failure, context);
  // Go's ResponseWriter sets Content-Length on a short answer; so do we, in both modes.
  answer.headers['content-length'] = String(new TextEncoder().encode(answer.body).byteLength);
  return {
    ...answer,
    failure: failure.kind,
    stage: failureStage(failure.kind),
    log: failureLog(failure),
  };
}

/** `http.Error(w, text, status)` in Go: plain text, `nosniff`, a trailing newline. */
function goText(status: number, text: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
    body: `${text}\n`,
  };
}

/** The enhanced mode's plain text answers: one line, `no-store`. */
function text(status: number, line: string, headers: Record<string, string> = {}): Answer {
  return { status, headers: { ...PLAIN_TEXT_HEADERS, ...headers }, body: `${line}\n` };
}

/** A refused session name: ToolHive's bare 401; the enhanced one with an `invalid_token` challenge. */
function sessionNameRow<F extends Failure>(body: string): Row<F> {
  return {
    toolhive: () => goText(401, body),
    enhanced: (_failure, context) => text(401, body, challenge(context, body)),
  };
}

/** The enhanced Bearer challenge: bare without a token, `invalid_token` with a description. */
function challenge(context: ErrorResponseContext, description?: string): Record<string, string> {
  return {
    'www-authenticate': wwwAuthenticateHeader({
      resourceMetadataUrl: context.resourceMetadataUrl,
      ...(description === undefined
        ? {}
        : { error: 'invalid_token', errorDescription: description }),
    }),
  };
}

/** ToolHive's OIDC middleware (`pkg/auth/token.go` Middleware, `writeOAuthError`). */
const toolhiveTokenAnswer: Column<
  Extract<Failure, { kind: 'token_missing' | 'token_rejected' | 'issuer_unavailable' }>
> = ({ error }, context) => {
  const { error: code, text: description } = toolhiveTokenFailure(error, context.authorization);
  return {
    status: 401,
    headers: {
      'www-authenticate': toolhiveChallenge({
        issuer: context.issuer,
        resourceMetadataUrl: context.resourceMetadataUrl,
        error: code,
        description,
      }),
      'content-type': 'application/json',
    },
    body: goJson({
      error: code,
      error_description: code === 'invalid_token' ? `Invalid token: ${description}` : description,
    }),
  };
};

/** Every STS failure in ToolHive: `http.Error(w, "AWS credential exchange failed", 401)`. */
const toolhiveSts = (): Answer => goText(401, TOOLHIVE_BODIES.stsFailed);

/** Enhanced STS answers: the status by kind, the reason in the body, Retry-After when it helps. */
function enhancedSts(
  status: number,
  retryAfterDefault?: number
): Column<Extract<Failure, { kind: `sts_${StsFailureKind}` }>> {
  return ({ error }, context) => {
    const headers: Record<string, string> =
      status === 401 ? challenge(context, `AWS STS refused the token (${error.stsCode})`) : {};
    if (retryAfterDefault !== undefined) {
      headers['retry-after'] = String(error.retryAfterSeconds ?? retryAfterDefault);
    }
    return text(status, `${TOOLHIVE_BODIES.stsFailed}: ${error.stsCode}: ${error.reason}`, headers);
  };
}

/** An answer that is the same in both modes (the proxy's own routing; ToolHive forwards). */
function both<F extends Failure>(column: Column<F>): Row<F> {
  return { toolhive: column, enhanced: column };
}

/** The table. Each ToolHive cell names the stacklok/toolhive source it follows. */
export const FAILURE_TABLE: Table = {
  token_missing: {
    // pkg/auth/token.go: ExtractBearerToken fails → invalid_request with the challenge.
    toolhive: toolhiveTokenAnswer,
    enhanced: (_failure, context) =>
      text(401, TOOLHIVE_BODIES.authenticationRequired, challenge(context)),
  },
  token_rejected: {
    // pkg/auth/token.go: ValidateToken fails → invalid_token, "Invalid token: <error>".
    toolhive: toolhiveTokenAnswer,
    enhanced: ({ error }, context) =>
      text(401, `Invalid bearer token: ${error.message}`, challenge(context, error.message)),
  },
  issuer_unavailable: {
    // pkg/auth/token.go: a failed discovery or JWKS fetch is a ValidateToken error like any other.
    toolhive: toolhiveTokenAnswer,
    enhanced: ({ error }) =>
      text(503, `Token issuer unavailable: ${error.message}; retry later`, {
        'retry-after': String(ISSUER_RETRY_AFTER_SECONDS),
      }),
  },
  no_role: {
    // pkg/auth/awssts/middleware.go: SelectRole fails → 403.
    toolhive: () => goText(403, TOOLHIVE_BODIES.noRole),
    enhanced: () => text(403, TOOLHIVE_BODIES.noRole),
  },
  // pkg/auth/awssts/middleware.go: ExtractSessionName fails → 401, no challenge.
  session_name_missing: sessionNameRow(TOOLHIVE_BODIES.missingSessionName),
  // pkg/auth/awssts/middleware.go: ValidateSessionName fails → 401, no challenge.
  session_name_invalid: sessionNameRow(TOOLHIVE_BODIES.invalidSessionName),
  // pkg/auth/awssts/middleware.go and exchange.go: any ExchangeToken error → 401, the STS reason
  // only in a debug log.
  sts_token_rejected: { toolhive: toolhiveSts, enhanced: enhancedSts(401) },
  sts_denied: { toolhive: toolhiveSts, enhanced: enhancedSts(403) },
  sts_misconfigured: { toolhive: toolhiveSts, enhanced: enhancedSts(500) },
  sts_throttled: {
    toolhive: toolhiveSts,
    enhanced: enhancedSts(503, THROTTLING_RETRY_AFTER_SECONDS),
  },
  sts_unavailable: {
    toolhive: toolhiveSts,
    enhanced: enhancedSts(503, TRANSIENT_RETRY_AFTER_SECONDS),
  },
  sts_transient: {
    toolhive: toolhiveSts,
    enhanced: enhancedSts(502, TRANSIENT_RETRY_AFTER_SECONDS),
  },
  sts_failed: { toolhive: toolhiveSts, enhanced: enhancedSts(502) },
  signing_failed: {
    // pkg/auth/awssts/middleware.go: signRequestForTarget fails → 500.
    toolhive: () => goText(500, TOOLHIVE_BODIES.signingFailed),
    enhanced: () => text(500, TOOLHIVE_BODIES.signingFailed),
  },
  body_too_large: {
    // pkg/bodylimit/middleware.go: Content-Length over 8 MiB → 413, before authentication.
    toolhive: () => goText(413, TOOLHIVE_BODIES.tooLarge, { connection: 'close' }),
    enhanced: ({ error }) => text(413, error.message, { connection: 'close' }),
  },
  body_too_large_streamed: {
    // pkg/bodylimit/middleware.go caps the reader; the awsSts signer's read then fails
    // (middleware.go signRequestForTarget) → 500 "Request signing failed".
    toolhive: () => goText(500, TOOLHIVE_BODIES.signingFailed, { connection: 'close' }),
    enhanced: ({ error }) => text(413, error.message, { connection: 'close' }),
  },
  upstream_unreachable: {
    // net/http/httputil ReverseProxy's default ErrorHandler (transparent_proxy.go sets none): 502,
    // no body.
    toolhive: () => ({ status: 502, headers: {}, body: '' }),
    enhanced: ({ error }) => text(502, error.message),
  },
  upstream_timeout: {
    // ToolHive sets no upstream timeout; when the transport gives up, ReverseProxy answers 502.
    toolhive: () => ({ status: 502, headers: {}, body: '' }),
    enhanced: ({ error }) => text(504, error.message),
  },
  origin_forbidden: {
    // pkg/transport/middleware/origin/origin.go writeForbidden: 403, a JSON-RPC error.
    toolhive: () => ({
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: goJson({ error: { code: -32600, message: 'Origin not allowed' }, jsonrpc: '2.0' }),
    }),
    enhanced: ({ error }) => text(403, error.message),
  },
  client_closed: both(({ error }) => text(499, error.message)),
  not_found: both(({ error }) => text(404, error.message)),
  method_not_allowed: both(({ error }) =>
    text(405, error.message, error.allow === undefined ? {} : { allow: error.allow })
  ),
  internal: both(() => text(500, 'Internal proxy error')),
};

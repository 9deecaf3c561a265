// Owns classifying an STS failure (SDK exception, network error, timeout): its kind, a stable
// code, an actionable reason and a log-safe summary. It picks no HTTP status (the proxy's failure
// table does) and does not log.

import { AwsStsError } from '../errors';

/** What went wrong with the STS call, in the terms the proxy's failure table is keyed by. */
export type StsFailureKind =
  /** STS refused the web identity token itself (InvalidIdentityToken, ExpiredTokenException). */
  | 'token_rejected'
  /** STS refused this token for this role or account (AccessDenied, IDPRejectedClaim, RegionDisabled). */
  | 'denied'
  /** STS refused the request's parameters: a configuration problem (ValidationError, session policy). */
  | 'misconfigured'
  /** STS is throttling the calls (Throttling and its relatives, or HTTP 429). */
  | 'throttled'
  /** STS answered HTTP 503. */
  | 'unavailable'
  /** Worth a retry: another 5xx, IDPCommunicationError, a timeout, a network error, an unreadable answer. */
  | 'transient'
  /** Anything else: an unknown refusal, an aborted request. */
  | 'failed';

/** What a log line may carry about an STS failure: never the token or credentials. */
export interface StsErrorSummary {
  /** STS wire code (`IDPRejectedClaim`, `ExpiredTokenException`) or a transport code. */
  code: string;
  /** The SDK exception's name, e.g. `IDPRejectedClaimException`. */
  name?: string;
  /** AWS's message, with anything token-shaped removed. */
  message?: string;
  requestId?: string;
  httpStatus?: number;
  attempts?: number;
}

/** An STS failure in terms a client can act on. */
export interface StsErrorMapping {
  kind: StsFailureKind;
  /** Same as `summary.code`. */
  code: string;
  /** What to check or do, in one sentence. */
  reason: string;
  /** STS's own `Retry-After` (whole seconds), when its answer carried one. */
  retryAfterSeconds?: number;
  summary: StsErrorSummary;
}

/** Facts that make a reason concrete. None of them is secret. */
export interface StsErrorContext {
  /** The token's `iss`, to name the trust policy's condition key. */
  issuer?: string;
  roleArn?: string;
  region?: string;
  endpoint?: string;
  /** The web identity token, only so that it can be scrubbed from AWS's message. */
  token?: string;
}

/** SDK exception names of modeled errors → the code AWS sends on the wire. */
const WIRE_CODE_BY_NAME: Record<string, string> = {
  InvalidIdentityTokenException: 'InvalidIdentityToken',
  IDPRejectedClaimException: 'IDPRejectedClaim',
  IDPCommunicationErrorException: 'IDPCommunicationError',
  MalformedPolicyDocumentException: 'MalformedPolicyDocument',
  PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
};

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Maps anything `STSClient.send(AssumeRoleWithWebIdentityCommand)` can throw.
 * @example
 * const { kind, reason } = mapStsError(err, { roleArn, issuer }); // e.g. 'denied', 'the trust policy …'
 */
export function mapStsError(error: unknown, context: StsErrorContext = {}): StsErrorMapping {
  const e = asRecord(error);
  const metadata = asRecord(e.$metadata);
  const httpStatus = numberOrUndefined(metadata.httpStatusCode);
  const name = stringOrUndefined(e.name);
  const summary: StsErrorSummary = { code: 'Unknown' };
  if (name !== undefined) summary.name = name;
  const message = stringOrUndefined(e.message);
  if (message !== undefined) summary.message = scrub(message, context.token);
  const requestId = stringOrUndefined(metadata.requestId);
  if (requestId !== undefined) summary.requestId = requestId;
  if (httpStatus !== undefined) summary.httpStatus = httpStatus;
  const attempts = numberOrUndefined(metadata.attempts);
  if (attempts !== undefined) summary.attempts = attempts;

  if (httpStatus === undefined) {
    summary.code = transportCode(e);
    return mapTransport(summary, context);
  }
  if (isUnreadableAnswer(httpStatus, message)) {
    summary.code = 'MalformedResponse';
    return {
      kind: 'transient',
      code: summary.code,
      reason: `STS answered HTTP ${httpStatus} with a body that is not an STS response: check that the STS endpoint (${context.endpoint ?? 'the STS endpoint'}) is STS and nothing in between rewrites its answers; retry later`,
      summary,
    };
  }
  summary.code =
    stringOrUndefined(e.Code) ?? (name && WIRE_CODE_BY_NAME[name]) ?? name ?? 'Unknown';
  return mapServiceError(summary, httpStatus, retryAfterHeader(e), context);
}

/**
 * The error `exchangeToken` throws when STS fails: `code` is `STS_EXCHANGE_FAILED`; the mapping
 * is on the error. It carries no `cause`, so the SDK exception and its HTTP exchange stay out
 * of logs.
 * @example
 * if (err instanceof StsExchangeError && err.kind === 'throttled') log.warn(err.reason);
 */
export class StsExchangeError extends AwsStsError {
  readonly kind: StsFailureKind;
  readonly stsCode: string;
  readonly reason: string;
  readonly retryAfterSeconds: number | undefined;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly summary: StsErrorSummary;

  constructor(mapping: StsErrorMapping) {
    super(
      'STS_EXCHANGE_FAILED',
      `AWS credential exchange failed (${mapping.code}): ${mapping.reason}`
    );
    this.kind = mapping.kind;
    this.stsCode = mapping.code;
    this.reason = mapping.reason;
    this.retryAfterSeconds = mapping.retryAfterSeconds;
    this.httpStatus = mapping.summary.httpStatus;
    this.requestId = mapping.summary.requestId;
    this.summary = mapping.summary;
  }

  override toJSON(): ReturnType<AwsStsError['toJSON']> & {
    kind: StsFailureKind;
    stsCode: string;
    reason: string;
    retryAfterSeconds?: number;
    summary: StsErrorSummary;
  } {
    const out = {
      ...super.toJSON(),
      kind: this.kind,
      stsCode: this.stsCode,
      reason: this.reason,
      summary: this.summary,
    };
    return this.retryAfterSeconds === undefined
      ? out
      : { ...out, retryAfterSeconds: this.retryAfterSeconds };
  }
}

function mapServiceError(
  summary: StsErrorSummary,
  httpStatus: number,
  retryAfter: number | undefined,
  ctx: StsErrorContext
): StsErrorMapping {
  const code = summary.code;
  const issuerKey = ctx.issuer ? stripScheme(ctx.issuer) : '<issuer>';
  const role = ctx.roleArn ? `role ${ctx.roleArn}` : 'the role';
  // STS's own Retry-After travels with every kind; the proxy decides whether to pass it on.
  const result = (kind: StsFailureKind, reason: string): StsErrorMapping =>
    retryAfter === undefined
      ? { kind, code, reason, summary }
      : { kind, code, reason, retryAfterSeconds: retryAfter, summary };

  switch (code) {
    case 'InvalidIdentityToken':
      return result(
        'token_rejected',
        `STS could not validate the web identity token: check that an IAM OIDC provider is registered for the token's iss (${issuerKey}) with exactly that URL, path included, and that the token is signed (RS256/384/512 or ES256/384/512) by a key in the issuer's JWKS`
      );
    case 'ExpiredTokenException':
      return result(
        'token_rejected',
        'the web identity token has expired: get a fresh token from the identity provider; STS accepts a token at most 5 minutes after its exp'
      );
    case 'IDPRejectedClaim':
      return result(
        'denied',
        `the identity provider's claims were rejected: check that the token's aud is in the client ID list of the IAM OIDC provider for ${issuerKey}, and that the token has not been revoked`
      );
    case 'AccessDenied':
      return result(
        'denied',
        `the trust policy of ${role} does not allow this token: check the Federated principal matches the registered OIDC provider (arn:aws:iam::<account>:oidc-provider/${issuerKey}), and the ${issuerKey}:aud condition matches the token's aud`
      );
    case 'RegionDisabledException':
      return result(
        'denied',
        `STS is not activated in ${ctx.region ?? 'this region'}: activate the region in the account's IAM settings, or set awsSts.region to an active region`
      );
    case 'ValidationError':
      return result(
        'misconfigured',
        `STS rejected the request parameters: check that sessionDuration does not exceed the MaxSessionDuration of ${role}`
      );
    case 'MalformedPolicyDocument':
    case 'PackedPolicyTooLarge':
      return result(
        'misconfigured',
        'STS rejected the session policy or session tags: shorten or fix them'
      );
    case 'IDPCommunicationError':
      return result(
        'transient',
        `AWS could not reach the identity provider to validate the token: check that ${issuerKey}/.well-known/openid-configuration and its jwks_uri are publicly reachable over HTTPS, then retry`
      );
  }
  if (THROTTLING_CODES.has(code) || httpStatus === 429) {
    return result(
      'throttled',
      'STS is throttling AssumeRoleWithWebIdentity calls: retry later; the credential cache reduces the call rate'
    );
  }
  if (httpStatus >= 500) {
    return result(
      httpStatus === 503 ? 'unavailable' : 'transient',
      `STS returned a server error (HTTP ${httpStatus}): retry later`
    );
  }
  return result(
    'failed',
    `STS refused the request with ${code} (HTTP ${httpStatus}): see the message from AWS in the log`
  );
}

function mapTransport(summary: StsErrorSummary, ctx: StsErrorContext): StsErrorMapping {
  const where = ctx.endpoint ?? 'the STS endpoint';
  const reasons: Record<string, string> = {
    TimeoutError: `STS did not answer in time at ${where}: retry later`,
    NetworkError: `could not reach STS at ${where}: check DNS, proxies and egress to the STS endpoint`,
    RequestAborted: 'the STS request was aborted',
  };
  const reason = reasons[summary.code] ?? 'the STS call failed unexpectedly: see the log';
  const transient = summary.code === 'TimeoutError' || summary.code === 'NetworkError';
  return { kind: transient ? 'transient' : 'failed', code: summary.code, reason, summary };
}

/**
 * A 2xx that did not yield credentials, or a 4xx whose body the SDK could not parse: something
 * answered that is not STS (or truncated it). 5xx keep their server-error mapping.
 */
function isUnreadableAnswer(httpStatus: number, message: string | undefined): boolean {
  if (httpStatus >= 200 && httpStatus < 300) return true;
  return httpStatus < 500 && (message ?? '').includes('Deserialization error');
}

function transportCode(e: Record<string, unknown>): string {
  const name = stringOrUndefined(e.name);
  const sysCode = stringOrUndefined(e.code);
  if (name === 'AbortError') return 'RequestAborted';
  // Before the name: the SDK's HTTP handler names a reset connection (ECONNRESET, EPIPE)
  // TimeoutError, and "did not answer in time" would send an operator the wrong way.
  if (sysCode !== undefined && NETWORK_ERROR_CODES.has(sysCode)) return 'NetworkError';
  if (name === 'TimeoutError' || sysCode === 'ETIMEDOUT') return 'TimeoutError';
  if (name === 'TypeError' || e.$metadata !== undefined) return 'NetworkError';
  return 'Unknown';
}

function retryAfterHeader(e: Record<string, unknown>): number | undefined {
  const headers = asRecord(asRecord(e.$response).headers);
  const raw = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/** Removes the token and anything JWT-shaped from a message before it can reach a log. */
function scrub(message: string, token: string | undefined): string {
  let out = token ? message.split(token).join('[REDACTED]') : message;
  out = out.replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[REDACTED]');
  return out;
}

/** The issuer as IAM keys it (provider ARN, condition keys): no scheme, whichever it has. */
function stripScheme(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

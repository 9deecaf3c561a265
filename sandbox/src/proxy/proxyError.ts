// The failures that belong to the proxy itself (body size, routing, origin, upstream transport),
// as one typed error with a `kind`. It does not pick statuses or bodies (errorResponses does).

/** What went wrong at the proxy's own edges. */
export type ProxyErrorKind =
  /** The request body is over the limit (declared or counted while streaming). */
  | 'body_too_large'
  /** The client went away while the body was being read. */
  | 'client_closed'
  /** The upstream refused the connection, reset it, or could not be resolved. */
  | 'upstream_unreachable'
  /** The upstream sent no response headers within the configured time. */
  | 'upstream_timeout'
  /** A browser `Origin` that is not allowed (MCP's DNS-rebinding rule). */
  | 'origin_forbidden'
  | 'not_found'
  | 'method_not_allowed';

export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  readonly kind: ProxyErrorKind;
  /** Operator-facing detail for logs (an errno code, a limit); never sent to the client. */
  readonly detail: string | undefined;
  /** For `method_not_allowed`: the methods the path accepts (the `Allow` header). */
  readonly allow: string | undefined;

  /** `message` is what the client reads: keep it short and free of secrets. */
  constructor(
    kind: ProxyErrorKind,
    message: string,
    options: { detail?: string; allow?: string } = {}
  ) {
    super(message);
    this.kind = kind;
    this.detail = options.detail;
    this.allow = options.allow;
  }
}

/** Narrows an unknown value to a ProxyError. @example if (isProxyError(e)) log(e.kind) */
export function isProxyError(value: unknown): value is ProxyError {
  return value instanceof ProxyError;
}

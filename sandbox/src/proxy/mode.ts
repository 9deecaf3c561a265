// The proxy's two behaviours: ToolHive's, answer for answer, and this project's enhancements. It
// names them and their defaults; the failure table (errorResponses) and the options apply them.

/**
 * `toolhive`: what ToolHive's middleware does (STS on every request, its status codes and bodies,
 * no session-name repair, no Retry-After). `enhanced`: credential cache, explanatory bodies,
 * Retry-After, a challenge on every 401, 403/502/503 where they fit.
 */
export type ProxyMode = 'toolhive' | 'enhanced';

export const PROXY_MODES: readonly ProxyMode[] = ['toolhive', 'enhanced'];

/** `createProxy` and `cli serve`: the enhancements. `npm run sandbox` defaults to `toolhive`. */
export const DEFAULT_PROXY_MODE: ProxyMode = 'enhanced';

/**
 * ToolHive's request body cap: `bodylimit.DefaultMaxRequestBodySize`, 8 MiB, the outermost
 * middleware of every proxy (stacklok/toolhive `pkg/bodylimit/middleware.go`, since v0.30.0).
 */
export const TOOLHIVE_MAX_BODY_BYTES = 8 << 20;

/**
 * Attempts per STS call in ToolHive: the AWS SDK for Go v2's standard retryer (3 attempts), as
 * `config.LoadDefaultConfig` builds the client (stacklok/toolhive `pkg/auth/awssts/exchange.go`).
 */
export const TOOLHIVE_STS_MAX_ATTEMPTS = 3;

// Public API of the proxy (a Node edge): create and run the awsSts proxy, its logger, and the
// pure decisions it is built from (errors → responses, header rules, CORS). It only re-exports.

export { createProxy } from './createProxy';
export type { ListeningAddress, Proxy } from './createProxy';
export {
  DEFAULT_PROXY_MODE,
  PROXY_MODES,
  TOOLHIVE_MAX_BODY_BYTES,
  TOOLHIVE_STS_MAX_ATTEMPTS,
} from './mode';
export type { ProxyMode } from './mode';
export {
  DEFAULT_MCP_PATH,
  ENHANCED_CLOCK_TOLERANCE_SECONDS,
  resolveProxyOptions,
  upstreamRegionWarning,
} from './options';
export type { ProxyCacheOptions, ProxyOptions, ResolvedProxyOptions } from './options';
export { createProxyLogger, REDACTED_LOG_PATHS } from './logger';
export type { ProxyLoggerOptions } from './logger';
export type { ProxyStats } from './proxyStats';
export { handleMcpRequest } from './handleMcpRequest';
export type { CacheOutcome, McpRequestDeps, RequestFacts } from './handleMcpRequest';
export { callUpstream, DEFAULT_UPSTREAM_TIMEOUT_MS, UpstreamCancel } from './callUpstream';
export type { UpstreamCall, UpstreamCallOptions } from './callUpstream';
export { HEALTH_PATH } from './routes';
export {
  FAILURE_TABLE,
  ISSUER_RETRY_AFTER_SECONDS,
  statusForError,
  THROTTLING_RETRY_AFTER_SECONDS,
  TOOLHIVE_BODIES,
  TRANSIENT_RETRY_AFTER_SECONDS,
} from './errorResponses';
export type { ErrorResponse, ErrorResponseContext } from './errorResponses';
export { classifyFailure, failureStage } from './failures';
export type { Failure, FailureKind, FailureStage } from './failures';
export { TOOLHIVE_BEARER_ERRORS } from './toolhiveWording';
export {
  NOT_FORWARDED_REQUEST_HEADERS,
  PLAIN_TEXT_HEADERS,
  relayedResponseHeaders,
  REQUEST_ID_HEADER,
  requestIdFor,
  upstreamRequestHeaders,
  upstreamTarget,
} from './headerRules';
export {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_EXPOSED_HEADERS,
  corsHeaders,
  corsPreflight,
  normalizeOrigins,
  originVerdict,
} from './cors';
export type { OriginVerdict, PreflightAnswer } from './cors';
export { checkDeclaredLength, readBody } from './readBody';
export { isProxyError, ProxyError } from './proxyError';
export type { ProxyErrorKind } from './proxyError';

// Public API of the STS folder: exchange, credential cache, error mapping, credential value.
// It re-exports only; behaviour lives in the modules named below.

export { STS_ALGORITHMS } from './algorithms';
export { exchangeToken } from './exchange';
export type { ExchangeTokenInput } from './exchange';
export {
  createStsClient,
  defaultStsEndpoint,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
} from './client';
export type { StsClientOptions } from './client';
export { createCredentialCache, DEFAULT_MAX_ENTRIES, DEFAULT_SAFETY_MARGIN_SECONDS } from './cache';
export type {
  CredentialCache,
  CredentialCacheOptions,
  CredentialCacheStats,
  CredentialOutcome,
  CredentialRequest,
} from './cache';
export { mapStsError, StsExchangeError } from './errors';
export type { StsErrorContext, StsErrorMapping, StsErrorSummary, StsFailureKind } from './errors';
export { StsCredentials } from './credentials';
export type { RedactedStsCredentials, StsCredentialFields } from './credentials';
export {
  DEFAULT_SESSION_DURATION,
  validateExchangeInput,
  validateSessionDuration,
} from './validate';
export type { ExchangeChecks } from './validate';

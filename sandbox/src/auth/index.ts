// Public API of inbound authentication: bearer extraction, JWT verification against an OIDC
// issuer, RFC 9728 metadata and the WWW-Authenticate challenge. It only re-exports.

export { extractBearerToken } from './bearer';
export { createTokenVerifier, MAX_CLOCK_TOLERANCE_SECONDS } from './verifyToken';
export type { TokenVerifier, TokenVerifierOptions, VerifiedToken } from './verifyToken';
export {
  DEFAULT_VERIFIED_TOKEN_ENTRIES,
  DEFAULT_VERIFIED_TOKEN_MAX_AGE_MS,
  verifiedTokenKey,
} from './verifiedTokenCache';
export type { VerifiedTokenCacheOptions } from './verifiedTokenCache';
export { createDiscovery, discoveryUrl } from './discovery';
export type { DiscoveredIssuer, Discovery, DiscoveryOptions } from './discovery';
export { ASYMMETRIC_ALGORITHMS, DEFAULT_ALGORITHMS, isAsymmetricAlgorithm } from './algorithms';
export type { AsymmetricAlgorithm } from './algorithms';
export { TokenError, isTokenError } from './tokenError';
export type { TokenErrorReason } from './tokenError';
export {
  PROTECTED_RESOURCE_WELL_KNOWN,
  protectedResourceMetadata,
  protectedResourceMetadataPaths,
  protectedResourceMetadataUrl,
} from './protectedResource';
export type {
  BearerMethod,
  ProtectedResourceMetadata,
  ProtectedResourceMetadataInput,
} from './protectedResource';
export { challengeFor, wwwAuthenticateHeader } from './wwwAuthenticate';
export type { BearerErrorCode, WwwAuthenticateOptions } from './wwwAuthenticate';

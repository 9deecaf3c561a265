// Public API of the browser-safe STS emulator core: the request handler and its msw handlers.
// It re-exports only; no node: imports below. The AWS Query plumbing is in ../aws-query.

export { handleStsRequest, STS_ACTIONS } from './handleStsRequest';
export { stsHandlers } from './stsHandlers';
export type { StsHandlersOptions } from './stsHandlers';
export {
  assumeRoleWithWebIdentity,
  DEFAULT_DURATION_SECONDS,
  StsRefusal,
} from './assumeRoleWithWebIdentity';
export type { WebIdentityGrant } from './assumeRoleWithWebIdentity';
export { getCallerIdentity } from './getCallerIdentity';
export type { CallerIdentity } from './getCallerIdentity';
export { STS_NAMESPACE, STS_VERSION } from './responseXml';
export { KEY_UNAVAILABLE, NOT_AUTHORIZED, StsFault, stsFaults } from './stsFaults';
export { CLOCK_SKEW_SECONDS, checkTokenTimes, decodeWebIdentityToken } from './webIdentityToken';
export type { DecodedWebIdentityToken, WebIdentityClaims } from './webIdentityToken';
export { verifyTokenSignature } from './verifySignature';
export { webIdentityTrustRequest } from './trustRequest';
export { issueCredentials } from './issueCredentials';
export type { CredentialGrant } from './issueCredentials';
export type * from './types';

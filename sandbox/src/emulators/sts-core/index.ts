// Public API of the browser-safe STS emulator core: the request handler, its msw handlers, and
// the Query-protocol helpers the IAM emulator shares. It re-exports only; no node: imports below.

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
export {
  escapeXml,
  isoSeconds,
  newRequestId,
  queryError,
  queryList,
  queryParameters,
  queryResponse,
  queryStructList,
  xmlElement,
} from './awsQuery';
export type { QueryRequest, QueryResponse } from './awsQuery';
export { ARN_PATTERN, memberValues, memberViolations, validationErrorMessage } from './memberRules';
export type { MemberRule, MemberValues } from './memberRules';
export { randomBase64, randomString, SECRET_ALPHABET, UPPER_ALPHANUMERIC } from './random';
export type * from './types';

// Public API of the signing folder: sign for the upstream, verify as the upstream, header hygiene.
// It re-exports only; behaviour lives in the modules named below.

export {
  signForUpstream,
  signableRequest,
  signerInit,
  upstreamHeaders,
  MAX_SIGNED_BODY_BYTES,
} from './signer';
export type {
  SignForUpstreamOptions,
  SignedUpstreamRequest,
  SigningCredentials,
  UpstreamRequest,
} from './signer';
export { verifySigV4, DEFAULT_MAX_SKEW_SECONDS } from './verifier';
export type {
  LookupSecret,
  ReceivedRequest,
  SigningSecret,
  SigV4ErrorCode,
  SigV4VerifyResult,
  VerifySigV4Options,
} from './verifier';
export {
  FORWARDING_HEADERS,
  HOP_BY_HOP_HEADERS,
  flattenHeaders,
  isForwardingHeader,
  stripForwardingHeaders,
  stripHopByHopHeaders,
  toHeaderRecord,
} from './headers';
export type { HeaderInput, HeaderRecord } from './headers';
export { formatAmzDate, parseAmzDate, parseAuthorization, SIGV4_ALGORITHM } from './authorization';
export type { ParsedAuthorization } from './authorization';
export { EMPTY_BODY_SHA256, parseQuery, splitTarget } from './request';
export { createUpstreamSigner } from './signer';
export type { SignForUpstreamSync } from './signer';
export { canonicalQuery, canonicalizePath, createSigV4Signer, normalizeHeaderValue } from './sigv4';
export type {
  SigV4Credentials,
  SigV4Hashing,
  SigV4Request,
  SigV4Result,
  SigV4Scope,
  SigV4Signer,
} from './sigv4';

// Public API of the in-memory token issuer (browser-safe): keys, signing and the JWKS of an
// issuer that serves nothing over the network. It re-exports only.

export { createSigningKey, createTokenIssuer, localKeySet, signToken } from './tokenIssuer';
export type { SigningKey, TokenHeader, TokenIssuer } from './tokenIssuer';

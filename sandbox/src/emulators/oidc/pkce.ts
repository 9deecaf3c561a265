// PKCE (RFC 7636) for the headless authorization code flow: a random verifier and its S256
// challenge, plus random `state`. node:crypto only; it does not talk to the provider.

import { hash, randomBytes } from 'node:crypto';

/**
 * A fresh code verifier (43 base64url characters) and its S256 challenge.
 * @example const { verifier, challenge } = createPkcePair();
 */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBase64Url(32);
  return { verifier, challenge: s256Challenge(verifier) };
}

/**
 * `BASE64URL(SHA256(verifier))`, the `S256` code challenge.
 * @example s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk') // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 */
export function s256Challenge(verifier: string): string {
  return hash('sha256', verifier, 'base64url');
}

/**
 * `bytes` random bytes, base64url-encoded without padding.
 * @example randomBase64Url(16).length // 22
 */
export function randomBase64Url(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

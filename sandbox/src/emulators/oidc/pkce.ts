// PKCE (RFC 7636) for the headless authorization code flow: a random verifier and its S256
// challenge, plus random `state`. WebCrypto only; it does not talk to the provider.

/**
 * A fresh code verifier (43 base64url characters) and its S256 challenge.
 * @example const { verifier, challenge } = await createPkcePair();
 */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomBase64Url(32);
  return { verifier, challenge: await s256Challenge(verifier) };
}

/**
 * `BASE64URL(SHA256(verifier))`, the `S256` code challenge.
 * @example await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk') // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64Url(new Uint8Array(digest));
}

/**
 * `bytes` random bytes, base64url-encoded without padding.
 * @example randomBase64Url(16).length // 22
 */
export function randomBase64Url(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Generates the provider's RS256 signing key at start (a private JWK set for oidc-provider; the
// public half is what `/jwks` serves). It does not rotate or persist keys.
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JsonObject } from 'oidc-provider';

/**
 * A fresh RS256 key as a private JWK set, `kid` = the key's RFC 7638 thumbprint.
 * @example const jwks = await generateSigningJwks(); // { keys: [{ kty: 'RSA', alg: 'RS256', kid, … }] }
 */
export async function generateSigningJwks(): Promise<{ keys: JsonObject[] }> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

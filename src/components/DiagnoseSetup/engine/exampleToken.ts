// Example access tokens for the page's examples, built in the browser: a compact JWT with an
// RS256 header and a placeholder signature. The offline checks read the header and claims and
// never verify a signature (doctor's jwks link does, online), so nothing here signs anything.
import { base64url } from 'jose';

/** The key id in every example token's header. */
export const EXAMPLE_KID = 'example-signing-key';

/** The third part of every example token: base64url of "not a real signature". */
export const EXAMPLE_SIGNATURE = base64url.encode('not a real signature');

const part = (value: Record<string, unknown>): string => base64url.encode(JSON.stringify(value));

/**
 * A compact JWT with these claims, an RS256 header with `kid`, and a placeholder signature.
 * @example decodeJwt(exampleToken({ sub: 'alice' })).sub // 'alice'
 */
export function exampleToken(claims: Record<string, unknown>): string {
  return `${part({ alg: 'RS256', typ: 'JWT', kid: EXAMPLE_KID })}.${part(claims)}.${EXAMPLE_SIGNATURE}`;
}

// Reads a token without trusting it: the protected header, the claims, and a fingerprint (the
// first 8 hex digits of its SHA-256) that names it in output instead of the token. It verifies
// nothing (checkToken and checkJwks do).

import { decodeJwt, decodeProtectedHeader } from 'jose';
import { sha256Hex } from '../shared';

/** What can be read from the token; `problem` when it is not a decodable JWT. */
export interface TokenFacts {
  /** First 8 hex digits of the token's SHA-256: enough to tell tokens apart, useless to replay. */
  fingerprint: string;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  problem?: string;
}

/**
 * Decodes the header and payload; a token that is not a compact JWS gets `problem`.
 * @example (await readToken(jwt)).claims?.sub // 'alice'
 */
export async function readToken(token: string): Promise<TokenFacts> {
  const fingerprint = tokenFingerprint(token);
  const parts = token.split('.');
  if (token === '') return { fingerprint, problem: 'the token is empty' };
  if (parts.length !== 3) {
    const what = parts.length === 5 ? ' (5 parts: an encrypted JWE, which STS cannot read)' : '';
    return {
      fingerprint,
      problem: `a JWT has 3 dot-separated parts, this token has ${parts.length}${what}`,
    };
  }
  try {
    return {
      fingerprint,
      header: decodeProtectedHeader(token) as Record<string, unknown>,
      claims: decodeJwt(token) as Record<string, unknown>,
    };
  } catch (error) {
    // jose's messages never include the token.
    const reason = error instanceof Error ? error.message : 'not decodable';
    return { fingerprint, problem: `the token is not a decodable JWT: ${reason}` };
  }
}

/**
 * The first 8 hex digits of the token's SHA-256.
 * @example tokenFingerprint('eyJ…') // '3f9a0c1d'
 */
export function tokenFingerprint(token: string): string {
  return sha256Hex(token).slice(0, 8);
}

/**
 * The token's audiences as a list (`aud` may be a string or a list).
 * @example audiences({ aud: 'toolhive-aws' }) // ['toolhive-aws']
 */
export function audiences(claims: Record<string, unknown>): string[] {
  const aud = claims.aud;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud)
    ? aud.filter((value): value is string => typeof value === 'string')
    : [];
}

// Reading a web identity token before anything trusts it: JWT shape, required claims and their
// types, integer timestamps, and the expiry rule with STS's clock skew. It verifies no signature.

import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { stsFaults } from './stsFaults';

/** STS accepts a token up to 5 minutes after its `exp` (IAM User Guide, id_roles_providers_oidc). */
export const CLOCK_SKEW_SECONDS = 300;

/** The claims STS reads, typed. */
export interface WebIdentityClaims {
  iss: string;
  sub: string;
  /** `aud` as a list (a single string becomes one element). */
  aud: string[];
  exp: number;
  nbf?: number;
  iat?: number;
  /** Authentication methods (Cognito), a multivalued condition key. */
  amr?: string[];
  email?: string;
}

/** A decoded, not yet verified token. */
export interface DecodedWebIdentityToken {
  header: ProtectedHeaderParameters;
  claims: WebIdentityClaims;
}

const TIMESTAMP_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time'] as const;

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function stringList(value: unknown): string[] | undefined {
  if (nonEmptyString(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(nonEmptyString)) return value;
  return undefined;
}

function readClaims(payload: JWTPayload): WebIdentityClaims {
  for (const name of TIMESTAMP_CLAIMS) {
    const value = payload[name];
    if (value !== undefined && !Number.isInteger(value)) {
      throw stsFaults.malformedToken(
        `The ${name} claim is ${JSON.stringify(value)}; STS requires timestamps as integer seconds since the epoch.`
      );
    }
  }
  if (!nonEmptyString(payload.iss))
    throw stsFaults.malformedToken('The token has no iss (issuer) claim.');
  if (!nonEmptyString(payload.sub))
    throw stsFaults.malformedToken('The token has no sub (subject) claim.');
  const aud = stringList(payload.aud);
  if (aud === undefined) {
    throw stsFaults.malformedToken(
      'The token has no aud (audience) claim, or it is not a string or a list of strings.'
    );
  }
  if (payload.exp === undefined)
    throw stsFaults.malformedToken('The token has no exp (expiry) claim.');
  const claims: WebIdentityClaims = { iss: payload.iss, sub: payload.sub, aud, exp: payload.exp };
  if (payload.nbf !== undefined) claims.nbf = payload.nbf;
  if (payload.iat !== undefined) claims.iat = payload.iat;
  const amr = stringList(payload.amr);
  if (amr !== undefined) claims.amr = amr;
  if (nonEmptyString(payload.email)) claims.email = payload.email;
  return claims;
}

/**
 * Decodes a compact JWS and reads the claims STS needs; throws an `InvalidIdentityToken` fault
 * when the token is not a JWT, lacks `iss`/`sub`/`aud`/`exp`, or has non-integer timestamps.
 * @example decodeWebIdentityToken(token).claims.iss // 'https://dev-123456.okta.com/oauth2/default'
 */
export function decodeWebIdentityToken(token: string): DecodedWebIdentityToken {
  let header: ProtectedHeaderParameters;
  let payload: JWTPayload;
  try {
    if (token.split('.').length !== 3) throw new Error('a JWT has three dot-separated parts');
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw stsFaults.malformedToken(`The token is not a decodable JWT (${reason}).`);
  }
  return { header, claims: readClaims(payload) };
}

/**
 * Applies STS's time rules at `now`: expired more than 5 minutes ago → `ExpiredTokenException`;
 * not valid for more than 5 minutes yet (`nbf`) → `InvalidIdentityToken`.
 * @example checkTokenTimes(claims, new Date()) // throws when claims.exp + 300 < now
 */
export function checkTokenTimes(claims: WebIdentityClaims, now: Date): void {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds > claims.exp + CLOCK_SKEW_SECONDS) {
    throw stsFaults.expired(nowSeconds, claims.exp, CLOCK_SKEW_SECONDS);
  }
  if (claims.nbf !== undefined && claims.nbf > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw stsFaults.notYetValid(nowSeconds, claims.nbf);
  }
}

// The users of the hardening suite (and of `npm run bench`): claims of users and admins for the
// proxy harness's two roles (support/accounts HARNESS_ROLES), and tokens of attackers. The account
// trusting their issuer is support/accounts' accountTrusting.

import { base64url } from 'jose';
import type { JWTPayload } from 'jose';
import { AUDIENCE } from '../support/accounts';
import type { TestIssuer } from '../support/testIssuer';

/** The roles the harness maps to: `s3-readers` by claim, `admins` by CEL matcher. */
export const ROLES = { reader: 'S3ReadOnlyMCPRole', admin: 'AdminMCPRole' } as const;

/** User `i` of a load: one in four is an admin. */
export function userClaims(
  issuer: TestIssuer,
  i: number
): JWTPayload & { sub: string; groups: string[] } {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer.issuer,
    aud: AUDIENCE,
    sub: `user-${i}`,
    groups: i % 4 === 3 ? ['admins'] : ['s3-readers'],
    iat: now,
    exp: now + 3600,
  };
}

/** Tokens the proxy must refuse with 401, each for a different reason. */
export async function badTokens(issuer: TestIssuer, kid: string): Promise<string[]> {
  const good = userClaims(issuer, 0);
  const now = Math.floor(Date.now() / 1000);
  const signed = await issuer.sign(good, kid);
  const [header, , signature] = signed.split('.');
  return [
    await issuer.sign({ ...good, iat: now - 7200, exp: now - 3600 }, kid), // expired
    await issuer.sign({ ...good, aud: 'another-api' }, kid), // wrong audience
    `${header}.${base64url.encode(JSON.stringify({ ...good, groups: ['admins'] }))}.${signature}`,
    `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(good))}.`,
    'not-a-jwt-at-all',
  ];
}

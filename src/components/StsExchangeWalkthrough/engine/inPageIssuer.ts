// An OIDC issuer that lives in this page: the sandbox's in-memory token issuer with one RS256 key
// made by WebCrypto, signing the reader's claims, and its JWKS for the STS emulator. It serves
// nothing over the network.
import type { JWTPayload } from 'jose';
import type { JwksKeyGetter } from '@toolhive-aws-sts/sandbox/emulators/sts-core';
import { createTokenIssuer } from '@toolhive-aws-sts/sandbox/emulators/token-issuer';

/** The in-page issuer's URL: a reserved `.test` name, so it can never be a real host. */
export const IN_PAGE_ISSUER = 'https://idp.example.test';

/** The issuer's key id in token headers and its JWKS. */
const KEY_ID = 'walkthrough-key-1';

export interface InPageIssuer {
  issuer: string;
  /** The JWKS as the emulator reads it (what discovery would return for a real IdP). */
  jwks: JwksKeyGetter;
  /**
   * Signs a token with `claims` plus `iss`, `aud`, `iat` and `exp` (an hour from now, or an hour
   * ago when `expired`).
   */
  sign(claims: JWTPayload, options: { audience: string; expired: boolean }): Promise<string>;
}

let created: Promise<InPageIssuer> | undefined;

async function createIssuer(): Promise<InPageIssuer> {
  const idp = createTokenIssuer(IN_PAGE_ISSUER);
  await idp.addKey(KEY_ID, { alg: 'RS256' });
  return {
    issuer: idp.issuer,
    jwks: idp.keySet,
    sign(claims, { audience, expired }) {
      const now = Math.floor(Date.now() / 1000);
      const iat = expired ? now - 2 * 3600 : now;
      return idp.sign({ ...claims, iss: idp.issuer, aud: audience, iat, exp: iat + 3600 }, KEY_ID, {
        typ: 'JWT',
      });
    },
  };
}

/**
 * The page's issuer, created on first use (one key pair per page load; the private key never
 * leaves WebCrypto's memory and is not extractable).
 * @example const token = await (await inPageIssuer()).sign({ sub: 'alice' }, { audience: 'toolhive-aws', expired: false });
 */
export function inPageIssuer(): Promise<InPageIssuer> {
  created ??= createIssuer().catch((error: unknown) => {
    created = undefined;
    throw error;
  });
  return created;
}

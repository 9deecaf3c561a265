// An OIDC token issuer held in memory: key pairs made with WebCrypto (jose), tokens signed with
// them, and the JWKS a verifier reads. It serves nothing over the network and runs in the browser:
// the STS walkthrough signs the reader's token with it; Node tests serve its JWKS over loopback.

import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type {
  CryptoKey,
  JSONWebKeySet,
  JWK,
  JWTHeaderParameters,
  JWTPayload,
  JWTVerifyGetKey,
  SignOptions,
} from 'jose';

/** A signing key: the private half stays in WebCrypto (not extractable). */
export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as a JWKS publishes it, with `kid`, `alg` and `use: sig`. */
  jwk: JWK;
}

/** Header fields of a signed token; they are merged over `{ alg, kid }`. */
export type TokenHeader = Partial<JWTHeaderParameters> & Record<string, unknown>;

/**
 * A fresh key pair for `alg` (default RS256), published under `kid`.
 * @example const key = await createSigningKey('k1', 'ES256'); key.jwk.kty // 'EC'
 */
export async function createSigningKey(kid: string, alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, jwk };
}

/**
 * Signs `claims` as a compact JWS with `key`. The header is `alg`, then `header`'s fields in their
 * order, then the key's `kid` unless `header` names one (a test may drop it with `kid: undefined`
 * or claim another `alg`).
 * @example await signToken(key, { iss, sub: 'alice', aud: 'toolhive-aws', exp }, { typ: 'JWT' })
 */
export function signToken(
  key: SigningKey,
  claims: JWTPayload,
  header: TokenHeader = {},
  options?: SignOptions
): Promise<string> {
  const protectedHeader: TokenHeader & { alg: string } = { alg: key.alg, ...header };
  if (!('kid' in header)) protectedHeader.kid = key.kid;
  return new SignJWT(claims).setProtectedHeader(protectedHeader).sign(key.privateKey, options);
}

/**
 * A key getter over these keys' public halves, as `jwtVerify` and the STS emulator read a JWKS.
 * @example await jwtVerify(token, localKeySet([key]))
 */
export function localKeySet(keys: readonly SigningKey[]): JWTVerifyGetKey {
  return createLocalJWKSet({ keys: keys.map((key) => key.jwk) });
}

/** An issuer and its keys; only published keys appear in its JWKS. */
export interface TokenIssuer {
  /** The `iss` of its tokens, e.g. `https://idp.example.test`. */
  issuer: string;
  /** Creates a key pair under `kid`; it is published unless `publish` is false. */
  addKey(kid: string, options?: { alg?: string; publish?: boolean }): Promise<SigningKey>;
  /** Publishes a key added unpublished (a key rotation). */
  publish(kid: string): void;
  key(kid: string): SigningKey;
  /** The published public keys, as the issuer's `jwks_uri` serves them. */
  jwks(): JSONWebKeySet;
  /** A key getter over the published keys, following later `addKey` and `publish` calls. */
  keySet: JWTVerifyGetKey;
  /** Signs `claims` (as given: no claim is added) with key `kid`. */
  sign(
    claims: JWTPayload,
    kid: string,
    header?: TokenHeader,
    options?: SignOptions
  ): Promise<string>;
}

/**
 * An issuer with no keys yet.
 * @example const idp = createTokenIssuer('https://idp.example.test'); await idp.addKey('k1'); await idp.sign({ iss: idp.issuer, sub: 'alice' }, 'k1');
 */
export function createTokenIssuer(issuer: string): TokenIssuer {
  const keys = new Map<string, SigningKey>();
  const published = new Set<string>();
  let keySet: JWTVerifyGetKey | undefined;
  const tokenIssuer: TokenIssuer = {
    issuer,
    async addKey(kid, { alg = 'RS256', publish = true } = {}) {
      const key = await createSigningKey(kid, alg);
      keys.set(kid, key);
      if (publish) tokenIssuer.publish(kid);
      return key;
    },
    publish(kid) {
      published.add(kid);
      keySet = undefined;
    },
    key(kid) {
      const key = keys.get(kid);
      if (key === undefined) throw new Error(`the issuer ${issuer} has no key ${kid}`);
      return key;
    },
    jwks() {
      return { keys: [...published].map((kid) => tokenIssuer.key(kid).jwk) };
    },
    keySet: (header, token) => (keySet ??= createLocalJWKSet(tokenIssuer.jwks()))(header, token),
    sign(claims, kid, header = {}, options) {
      return signToken(tokenIssuer.key(kid), claims, header, options);
    },
  };
  return tokenIssuer;
}

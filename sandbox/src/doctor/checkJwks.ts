// The `jwks` link, online: the issuer's key set holds the token's `kid`, that key's type fits the
// token's `alg`, and the signature verifies with it (jose). It does not fetch discovery.

import { compactVerify, importJWK, type JWK } from 'jose';
import { fetchJson } from './fetchJson';
import { fail, pass, skip } from './report';
import type { DoctorCheck } from './types';

/** The key type (and curve) each accepted algorithm needs. */
const KEY_FOR_ALG: Record<string, { kty: string; crv?: string }> = {
  RS256: { kty: 'RSA' },
  RS384: { kty: 'RSA' },
  RS512: { kty: 'RSA' },
  ES256: { kty: 'EC', crv: 'P-256' },
  ES384: { kty: 'EC', crv: 'P-384' },
  ES512: { kty: 'EC', crv: 'P-521' },
};

const FRESH =
  'get a fresh token: the IdP has rotated its signing keys since this one was issued (or the token comes from another tenant or authorization server)';

export interface JwksCheckContext {
  token: string;
  header: Record<string, unknown> | undefined;
  /** From discovery; absent when discovery failed or was skipped. */
  jwksUri: string | undefined;
  /** Why there is no jwksUri, for the skip message. */
  discoveryStatus: 'pass' | 'fail' | 'skip';
  fetch: typeof globalThis.fetch | undefined;
  timeoutMs: number;
  now: () => Date;
  /**
   * The MCPOIDCConfig's `jwksUrl`: ToolHive then reads its keys there, while STS always follows
   * discovery; both must hold the token's key.
   */
  configuredJwksUrl?: string | undefined;
}

/**
 * Fetches the JWKS and checks the token's key and signature.
 * @example await checkJwks({ token, header, jwksUri, discoveryStatus: 'pass', fetch, timeoutMs: 10000, now })
 */
export async function checkJwks(context: JwksCheckContext): Promise<DoctorCheck> {
  const { jwksUri, header } = context;
  if (jwksUri === undefined || context.fetch === undefined || header === undefined) {
    const why =
      header === undefined
        ? 'the token has no readable header'
        : context.discoveryStatus === 'fail'
          ? 'discovery failed, so the key set is unknown'
          : 'offline: run doctor from a terminal to fetch the key set';
    return skip('jwks', `not checked: ${why}`);
  }
  const got = await fetchJson(context.fetch, jwksUri, context.timeoutMs, context.now);
  if (!got.ok) {
    return fail(
      'jwks',
      got.reason,
      `make ${jwksUri} reachable over the internet: ToolHive and AWS STS both fetch it`
    );
  }
  const keys = Array.isArray(got.body.keys)
    ? (got.body.keys as unknown[]).filter(
        (key): key is JWK => typeof key === 'object' && key !== null
      )
    : undefined;
  if (keys === undefined) {
    return fail(
      'jwks',
      `${jwksUri} is not a JWK set (no keys list)`,
      'check the jwks_uri of the discovery document'
    );
  }
  const kid = header.kid;
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const kids = keys.map((key) => key.kid).filter((value) => typeof value === 'string');
  const key = keys.find((candidate) => candidate.kid === kid);
  if (typeof kid !== 'string' || key === undefined) {
    return fail(
      'jwks',
      `${jwksUri} has no key with the token's kid ${JSON.stringify(kid ?? null)} (it has ${kids.length === 0 ? 'no keys' : kids.map((k) => JSON.stringify(k)).join(', ')}): ToolHive answers 401 and STS "Couldn't retrieve verification key"`,
      FRESH
    );
  }
  const wanted = KEY_FOR_ALG[alg];
  if (wanted === undefined) {
    return skip(
      'jwks',
      `key ${JSON.stringify(kid)} found; the signature is not checked because alg ${JSON.stringify(alg)} is refused (see token)`
    );
  }
  if (key.kty !== wanted.kty || (wanted.crv !== undefined && key.crv !== wanted.crv)) {
    const have = key.crv ? `${String(key.kty)} ${key.crv}` : String(key.kty);
    const need = wanted.crv ? `${wanted.kty} ${wanted.crv}` : wanted.kty;
    return fail(
      'jwks',
      `key ${JSON.stringify(kid)} is ${have}, but the token's alg ${alg} needs an ${need} key`,
      "the token's header and the published key disagree: check the IdP's signing key configuration, then get a fresh token"
    );
  }
  if (key.use !== undefined && key.use !== 'sig') {
    return fail(
      'jwks',
      `key ${JSON.stringify(kid)} is published for use "${String(key.use)}", not for signatures`,
      'publish the signing key with use "sig" (or without use)'
    );
  }
  if (key.alg !== undefined && key.alg !== alg) {
    return fail(
      'jwks',
      `key ${JSON.stringify(kid)} is published for ${String(key.alg)}, but the token says ${alg}`,
      "the token's header and the published key disagree: check the IdP's signing configuration, then get a fresh token"
    );
  }
  try {
    const publicKey = await importJWK(key, alg);
    await compactVerify(context.token, publicKey, { algorithms: [alg] });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : '';
    return fail(
      'jwks',
      `the signature does not verify with key ${JSON.stringify(kid)} (${reason}): the token was altered, or signed by another key under the same kid`,
      FRESH
    );
  }
  const configured = context.configuredJwksUrl;
  if (configured !== undefined && configured !== jwksUri) {
    const other = await fetchJson(context.fetch, configured, context.timeoutMs, context.now);
    const otherKeys = other.ok && Array.isArray(other.body.keys) ? (other.body.keys as JWK[]) : [];
    if (!otherKeys.some((candidate) => candidate?.kid === kid)) {
      const why = other.ok
        ? `has no key with kid ${JSON.stringify(kid)}`
        : `cannot be read (${other.reason})`;
      return fail(
        'jwks',
        `the MCPOIDCConfig's jwksUrl ${configured}, where ToolHive reads its keys, ${why}; discovery's ${jwksUri} (which STS uses) has it`,
        `remove spec.inline.jwksUrl from the MCPOIDCConfig (ToolHive then follows discovery), or set it to ${jwksUri}`
      );
    }
  }
  const also =
    configured !== undefined && configured !== jwksUri
      ? ` (and ToolHive's jwksUrl ${configured} has it too)`
      : '';
  return pass(
    'jwks',
    `${jwksUri} has ${wanted.kty} key ${JSON.stringify(kid)} for ${alg}; the signature verifies${also}`
  );
}

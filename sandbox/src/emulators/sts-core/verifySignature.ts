// Checking a web identity token's signature against its issuer's JWKS, with STS's algorithms
// (RS256/384/512, ES256/384/512). It reads no claims; webIdentityToken.ts does.

import { compactVerify, errors } from 'jose';
import type { CompactVerifyGetKey, CryptoKey, ProtectedHeaderParameters } from 'jose';
import { STS_ALGORITHMS } from '../../sts/algorithms';
import { stsFaults } from './stsFaults';
import type { ResolveJwks } from './types';

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Tries each key when the JWKS holds several candidates (no `kid` in the token). */
async function verifyWithAnyKey(token: string, keys: AsyncIterable<CryptoKey>): Promise<boolean> {
  for await (const key of keys) {
    try {
      await compactVerify(token, key, { algorithms: [...STS_ALGORITHMS] });
      return true;
    } catch {
      // try the next candidate
    }
  }
  return false;
}

/**
 * Verifies the token's signature with the issuer's JWKS; throws an `InvalidIdentityToken` fault:
 * AWS's "Couldn't retrieve verification key…" when the JWKS can't be had or has no matching
 * key, our signature message when the algorithm is not allowed or the signature is wrong.
 * @example await verifyTokenSignature(token, header, issuer, () => createLocalJWKSet(jwks))
 */
export async function verifyTokenSignature(
  token: string,
  header: ProtectedHeaderParameters,
  issuer: string,
  resolveJwks: ResolveJwks
): Promise<void> {
  const alg = header.alg;
  if (!(STS_ALGORITHMS as readonly unknown[]).includes(alg)) {
    throw stsFaults.badSignature(
      `The token is signed with ${JSON.stringify(alg ?? null)}; STS accepts only ${STS_ALGORITHMS.join(', ')}.`
    );
  }
  let getKey: CompactVerifyGetKey;
  try {
    getKey = (await resolveJwks(issuer)) as CompactVerifyGetKey;
  } catch (error) {
    throw stsFaults.keyUnavailable(
      `The issuer's JWKS could not be obtained through discovery (${reasonOf(error)}).`
    );
  }
  try {
    await compactVerify(token, getKey, { algorithms: [...STS_ALGORITHMS] });
  } catch (error) {
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      const keys = error as unknown as AsyncIterable<CryptoKey>;
      if (await verifyWithAnyKey(token, keys)) return;
      throw stsFaults.badSignature("No key of the issuer's JWKS verifies the token's signature.");
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw stsFaults.badSignature(
        `The signature does not verify with the issuer's key ${JSON.stringify(header.kid ?? null)}: the token was altered or signed by someone else.`
      );
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      throw stsFaults.keyUnavailable(
        `The issuer's JWKS has no ${alg} key with kid ${JSON.stringify(header.kid ?? null)}.`
      );
    }
    if (error instanceof errors.JWSInvalid || error instanceof errors.JOSEAlgNotAllowed) {
      throw stsFaults.badSignature(`The token's signature is unusable (${reasonOf(error)}).`);
    }
    throw stsFaults.keyUnavailable(`Getting the verification key failed (${reasonOf(error)}).`);
  }
}

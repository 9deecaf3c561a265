// The JWS algorithms an inbound token may use: asymmetric signatures only.
// It does not verify anything; verifyToken.ts and tokenShape.ts consult these lists.

/** Every algorithm this verifier will ever accept: public-key signatures, never `none` or HS*. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

/**
 * The default allowlist. `Ed25519` (the fully specified name, RFC 9864) is accepted only when a
 * caller lists it, because few IdPs emit it yet.
 * @example createTokenVerifier({ issuer, audience, algorithms: ['RS256'] })
 */
export const DEFAULT_ALGORITHMS: readonly AsymmetricAlgorithm[] = ASYMMETRIC_ALGORITHMS.filter(
  (alg) => alg !== 'Ed25519'
);

/** Whether `alg` is an asymmetric signature algorithm. @example isAsymmetricAlgorithm('HS256') // false */
export function isAsymmetricAlgorithm(alg: unknown): alg is AsymmetricAlgorithm {
  return typeof alg === 'string' && (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg);
}

// jose error → TokenError reason, and proof that no claim value leaks into message or detail.
// One case per jose error class the verifier can meet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errors } from 'jose';
import { toTokenError } from './joseErrors';
import { TokenError } from './tokenError';
import type { TokenErrorReason } from './tokenError';

const payload = { sub: 'secret-subject', email: 'someone@example.com' };

const cases: { name: string; error: unknown; reason: TokenErrorReason }[] = [
  { name: 'expired', error: new errors.JWTExpired('x', payload, 'exp'), reason: 'expired' },
  {
    name: 'issuer mismatch',
    error: new errors.JWTClaimValidationFailed('x', payload, 'iss', 'check_failed'),
    reason: 'issuer',
  },
  {
    name: 'audience mismatch',
    error: new errors.JWTClaimValidationFailed('x', payload, 'aud', 'check_failed'),
    reason: 'audience',
  },
  {
    name: 'nbf in the future',
    error: new errors.JWTClaimValidationFailed('x', payload, 'nbf', 'check_failed'),
    reason: 'not_yet_valid',
  },
  {
    name: 'missing claim',
    error: new errors.JWTClaimValidationFailed('x', payload, 'exp', 'missing'),
    reason: 'missing_claim',
  },
  {
    name: 'claim of the wrong type',
    error: new errors.JWTClaimValidationFailed('x', payload, 'iat', 'invalid'),
    reason: 'invalid_claim',
  },
  { name: 'alg not allowed', error: new errors.JOSEAlgNotAllowed(), reason: 'algorithm' },
  {
    name: 'bad signature',
    error: new errors.JWSSignatureVerificationFailed(),
    reason: 'signature',
  },
  { name: 'no matching key', error: new errors.JWKSNoMatchingKey(), reason: 'unknown_key' },
  {
    name: 'several matching keys',
    error: new errors.JWKSMultipleMatchingKeys(),
    reason: 'unknown_key',
  },
  { name: 'JWKS timeout', error: new errors.JWKSTimeout(), reason: 'unavailable' },
  { name: 'invalid JWKS', error: new errors.JWKSInvalid(), reason: 'unavailable' },
  { name: 'unsupported crit', error: new errors.JOSENotSupported(), reason: 'unsupported' },
  { name: 'invalid JWS', error: new errors.JWSInvalid(), reason: 'malformed' },
  { name: 'invalid JWT', error: new errors.JWTInvalid(), reason: 'malformed' },
  { name: 'non-jose error', error: new TypeError('boom'), reason: 'unsupported' },
  {
    name: 'TokenError passes through',
    error: new TokenError('too_large', 'token is larger than 1 bytes'),
    reason: 'too_large',
  },
];

for (const c of cases) {
  test(`toTokenError: ${c.name}`, () => {
    const mapped = toTokenError(c.error);
    assert.ok(mapped instanceof TokenError);
    assert.equal(mapped.reason, c.reason);
    assert.equal(mapped.code, 'INVALID_TOKEN');
    assert.equal(mapped.cause, undefined, 'jose errors (which carry the payload) are not attached');
    const exposed = JSON.stringify({ m: mapped.message, d: mapped.detail, j: mapped });
    assert.ok(!exposed.includes('secret-subject') && !exposed.includes('example.com'));
  });
}

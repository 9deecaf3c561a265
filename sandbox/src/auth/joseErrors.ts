// Translation of jose's errors into TokenError reasons with short, client-safe messages.
// It keeps jose's code and message as operator detail; it never copies claims or the token.

import { errors } from 'jose';
import { TokenError } from './tokenError';

/**
 * Maps any error thrown while verifying a token to a TokenError (TokenErrors pass through).
 * @example catch (e) { throw toTokenError(e) } // e.g. ERR_JWT_EXPIRED → reason 'expired'
 */
export function toTokenError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (!(error instanceof errors.JOSEError)) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new TokenError('unsupported', 'token could not be verified', { detail });
  }
  // jose's claim errors carry the whole payload; keep only code and message, never the error.
  const detail = `${error.code}: ${error.message}`;
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return new TokenError('expired', 'token has expired', { detail });
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimError(error as errors.JWTClaimValidationFailed, detail);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new TokenError('algorithm', 'token algorithm is not allowed', { detail });
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new TokenError('signature', 'token signature is invalid', { detail });
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return new TokenError('unknown_key', "token signing key is not one of the issuer's keys", {
        detail,
      });
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new TokenError('unknown_key', "token does not identify one of the issuer's keys", {
        detail,
      });
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new TokenError('unsupported', 'token uses an unsupported header parameter', {
        detail,
      });
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    case 'ERR_JWK_INVALID':
    case 'ERR_JOSE_GENERIC':
      return new TokenError('unavailable', "the token issuer's signing keys are unavailable", {
        detail,
      });
    default:
      return new TokenError('malformed', 'token is not a well-formed JWT', { detail });
  }
}

function claimError(error: errors.JWTClaimValidationFailed, detail: string): TokenError {
  const claim = /^[a-z_]{1,16}$/.test(error.claim) ? error.claim : 'unknown';
  if (error.reason === 'missing') {
    return new TokenError('missing_claim', `token is missing the required "${claim}" claim`, {
      detail,
    });
  }
  if (error.reason === 'invalid') {
    return new TokenError('invalid_claim', `token "${claim}" claim has the wrong type`, { detail });
  }
  switch (claim) {
    case 'iss':
      return new TokenError('issuer', 'token issuer is not trusted', { detail });
    case 'aud':
      return new TokenError('audience', 'token audience is not this resource', { detail });
    case 'nbf':
      return new TokenError('not_yet_valid', 'token is not valid yet', { detail });
    default:
      return new TokenError('invalid_claim', `token "${claim}" claim is invalid`, { detail });
  }
}

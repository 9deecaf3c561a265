// The typed error of inbound authentication: an AwsStsError with a `reason` the proxy can map
// and a short message a client may see. It does not pick HTTP statuses or build challenges.

import { AwsStsError } from '../errors';

/** Why a bearer token was refused. `missing` is the only reason with code MISSING_TOKEN. */
export type TokenErrorReason =
  /** No bearer credential on the request (no header, or another scheme). */
  | 'missing'
  /** Not a compact JWS: wrong shape, bad base64url, bad JSON, or an unparsable header value. */
  | 'malformed'
  /** Larger than `maxTokenBytes`; refused before parsing. */
  | 'too_large'
  /** The header's `alg` is not on the allowlist (`none`, HS*, anything symmetric or unknown). */
  | 'algorithm'
  /** The signature does not verify with the issuer's key. */
  | 'signature'
  /** No key in the issuer's JWKS matches the token's `kid`/`alg` (or more than one does). */
  | 'unknown_key'
  /** `exp` is in the past (beyond the clock tolerance). */
  | 'expired'
  /** `nbf` is in the future (beyond the clock tolerance). */
  | 'not_yet_valid'
  /** `iss` is not the configured issuer. */
  | 'issuer'
  /** `aud` does not contain the configured audience. */
  | 'audience'
  /** A required claim (`exp`) is absent. */
  | 'missing_claim'
  /** A registered claim has the wrong type, e.g. `exp` as a string. */
  | 'invalid_claim'
  /** The token needs something this verifier does not implement, e.g. an unknown `crit` header. */
  | 'unsupported'
  /** The issuer's discovery document or JWKS could not be fetched or was unusable. */
  | 'unavailable';

export class TokenError extends AwsStsError {
  readonly reason: TokenErrorReason;
  /**
   * Operator-facing detail for logs (a jose error code, an HTTP status, a URL). Never contains
   * the token or claim values; never send it to the client.
   */
  readonly detail: string | undefined;

  constructor(
    reason: TokenErrorReason,
    message: string,
    options: { detail?: string; cause?: unknown } = {}
  ) {
    super(reason === 'missing' ? 'MISSING_TOKEN' : 'INVALID_TOKEN', message, {
      cause: options.cause,
    });
    this.reason = reason;
    this.detail = options.detail;
  }

  override toJSON(): { code: AwsStsError['code']; message: string; reason: TokenErrorReason } {
    return { code: this.code, message: this.message, reason: this.reason };
  }
}

/** Narrows an unknown value to a TokenError. @example if (isTokenError(e)) log(e.reason) */
export function isTokenError(value: unknown): value is TokenError {
  return value instanceof TokenError;
}

// Extraction of the bearer token from an Authorization header value (RFC 6750 §2.1).
// It does not verify the token; query and form-body tokens are not accepted at all.

import { TokenError } from './tokenError';

/** RFC 6750 b64token: the only characters a bearer credential may contain. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Returns the single token of a `Bearer` header (scheme case-insensitive). No header or another
 * scheme → MISSING_TOKEN; an empty, multiple or ill-formed credential → INVALID_TOKEN.
 * @example extractBearerToken(req.headers.authorization) // 'eyJhbGciOi...'
 */
export function extractBearerToken(
  authorization: string | readonly string[] | null | undefined
): string {
  if (Array.isArray(authorization) && authorization.length > 1) {
    throw malformed('more than one Authorization header');
  }
  const value = (typeof authorization === 'string' ? authorization : authorization?.[0]) ?? '';
  // The usual form, `Bearer <b64token>` exactly, in one test; anything else takes the long way.
  if (value.startsWith('Bearer ')) {
    const credentials = value.slice(7);
    if (B64TOKEN.test(credentials)) return credentials;
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new TokenError('missing', 'bearer token required');
  }
  const match = /^(\S+)(?:[ \t]+([\s\S]*))?$/.exec(trimmed);
  const scheme = match?.[1] ?? '';
  if (scheme.toLowerCase() !== 'bearer') {
    throw new TokenError('missing', 'bearer token required', {
      detail: 'Authorization header uses another scheme',
    });
  }
  const credentials = match?.[2] ?? '';
  if (credentials === '') {
    throw malformed('Bearer scheme without a token');
  }
  if (/\s/.test(credentials)) {
    throw malformed('Authorization header must carry exactly one token');
  }
  if (!B64TOKEN.test(credentials)) {
    throw malformed('token contains characters outside RFC 6750 b64token');
  }
  return credentials;
}

function malformed(detail: string): TokenError {
  return new TokenError('malformed', 'Authorization header is not a valid bearer credential', {
    detail,
  });
}

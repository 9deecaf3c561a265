// The `WWW-Authenticate: Bearer …` challenge of a 401/403 (RFC 6750 §3, RFC 9728 §5.1).
// It does not decide the status code and never puts token material into the header.

import { AwsStsError, isAwsStsError } from '../errors';

export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

const ERROR_CODES: readonly string[] = ['invalid_request', 'invalid_token', 'insufficient_scope'];
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const MAX_DESCRIPTION = 200;

export interface WwwAuthenticateOptions {
  /** Absolute URL of the protected resource metadata (RFC 9728 `resource_metadata`). */
  resourceMetadataUrl?: string;
  /** Omit when the request carried no credentials at all (RFC 6750 §3.1). */
  error?: BearerErrorCode;
  /** Short, client-safe text; characters RFC 6750 forbids are replaced, length is capped. */
  errorDescription?: string;
  realm?: string;
  /** Scopes needed, typically with `insufficient_scope`. */
  scope?: readonly string[];
}

/**
 * Builds a Bearer challenge with correctly quoted parameters.
 * @example wwwAuthenticateHeader({ resourceMetadataUrl, error: 'invalid_token', errorDescription: 'token has expired' })
 */
export function wwwAuthenticateHeader(options: WwwAuthenticateOptions): string {
  const params: string[] = [];
  if (options.realm !== undefined) params.push(`realm=${quoted(options.realm, 'realm')}`);
  if (options.error !== undefined) {
    if (!ERROR_CODES.includes(options.error)) {
      throw new AwsStsError('INVALID_INPUT', `unknown bearer error code`, { path: 'error' });
    }
    params.push(`error="${options.error}"`);
  }
  if (options.errorDescription !== undefined) {
    const description = describe(options.errorDescription);
    if (description !== '') params.push(`error_description="${description}"`);
  }
  if (options.scope !== undefined && options.scope.length > 0) {
    if (!options.scope.every((s) => SCOPE_TOKEN.test(s))) {
      throw new AwsStsError('INVALID_INPUT', 'scope must contain RFC 6749 scope tokens', {
        path: 'scope',
      });
    }
    params.push(`scope="${options.scope.join(' ')}"`);
  }
  if (options.resourceMetadataUrl !== undefined) {
    params.push(`resource_metadata=${quoted(options.resourceMetadataUrl, 'resourceMetadataUrl')}`);
  }
  return params.length === 0 ? 'Bearer' : `Bearer ${params.join(', ')}`;
}

/**
 * The challenge for an authentication failure: no `error` for MISSING_TOKEN, `invalid_token`
 * with the error's client-safe message for INVALID_TOKEN, a bare `invalid_token` otherwise.
 * @example res.setHeader('WWW-Authenticate', challengeFor(err, { resourceMetadataUrl }))
 */
export function challengeFor(
  error: unknown,
  options: Pick<WwwAuthenticateOptions, 'resourceMetadataUrl' | 'realm'>
): string {
  if (isAwsStsError(error) && error.code === 'MISSING_TOKEN') {
    return wwwAuthenticateHeader(options);
  }
  if (isAwsStsError(error) && error.code === 'INVALID_TOKEN') {
    return wwwAuthenticateHeader({
      ...options,
      error: 'invalid_token',
      errorDescription: error.message,
    });
  }
  return wwwAuthenticateHeader({ ...options, error: 'invalid_token' });
}

/** RFC 7230 quoted-string; refuses control and non-ASCII characters (header injection). */
function quoted(value: string, path: string): string {
  if (!/^[\x20-\x7E\t]*$/.test(value)) {
    throw new AwsStsError('INVALID_INPUT', `${path} must be printable ASCII`, { path });
  }
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** RFC 6750 error_description allows %x20-21 / %x23-5B / %x5D-7E only: no quote, no backslash. */
function describe(text: string): string {
  const cleaned = text
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return cleaned.length > MAX_DESCRIPTION ? cleaned.slice(0, MAX_DESCRIPTION) : cleaned;
}

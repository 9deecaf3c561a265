// ToolHive's `ValidateSessionName`: the RoleSessionName rules of STS, with ToolHive's messages.
// It does not read claims (extractSessionName) or repair names (sanitizeSessionName).

import { AwsStsError } from '../errors';

/** Byte-length bounds of an STS RoleSessionName. */
export const MIN_SESSION_NAME_LENGTH = 2;
export const MAX_SESSION_NAME_LENGTH = 64;
/** Characters STS accepts in a RoleSessionName. */
export const SESSION_NAME_PATTERN = /^[a-zA-Z0-9_+=,.@-]+$/;

/**
 * Length in UTF-8 bytes, as Go's `len()` counts.
 * @example byteLength('é') // 2
 */
export function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

/**
 * Throws `INVALID_SESSION_NAME` with ToolHive's message when STS would refuse the name.
 * @example validateSessionName('auth0|user') // throws: contains invalid characters
 */
export function validateSessionName(name: string): void {
  const problem = sessionNameProblem(name);
  if (problem !== undefined) throw new AwsStsError('INVALID_SESSION_NAME', problem);
}

/**
 * ToolHive's error message for an invalid name, or undefined when it is valid.
 * @example sessionNameProblem('a') // 'invalid session name: must be at least 2 characters'
 */
export function sessionNameProblem(name: string): string | undefined {
  const length = byteLength(name);
  if (length < MIN_SESSION_NAME_LENGTH) {
    return `invalid session name: must be at least ${MIN_SESSION_NAME_LENGTH} characters`;
  }
  if (length > MAX_SESSION_NAME_LENGTH) {
    return `invalid session name: must be at most ${MAX_SESSION_NAME_LENGTH} characters`;
  }
  if (!SESSION_NAME_PATTERN.test(name)) {
    return 'invalid session name: contains invalid characters (allowed: letters, digits, _+=,.@-)';
  }
  return undefined;
}

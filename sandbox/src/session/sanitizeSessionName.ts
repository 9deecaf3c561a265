// An opt-in repair of claim values that STS would refuse as a RoleSessionName. This is an
// extension: ToolHive never sanitizes, it rejects (401 "Invalid session name"). Off by default.

import {
  MAX_SESSION_NAME_LENGTH,
  MIN_SESSION_NAME_LENGTH,
  byteLength,
  sessionNameProblem,
} from './validateSessionName';

/** A session name and whether it differs from the claim value. */
export interface SanitizedSessionName {
  sessionName: string;
  sanitized: boolean;
}

const INVALID_CHARACTER = /[^a-zA-Z0-9_+=,.@-]/gu;
const HASH_LENGTH = 8;

/**
 * Deterministic rule, applied only when the value is invalid:
 * 1. every character (Unicode code point) outside `[a-zA-Z0-9_+=,.@-]` becomes `-`
 *    (`auth0|123` → `auth0-123`, `josé` → `jos-`);
 * 2. longer than 64: the first 55 characters, `-`, and 8 hex digits of the FNV-1a hash of the
 *    original value's UTF-8 bytes, so long values that share a prefix stay distinct;
 * 3. shorter than 2: padded with `_` (`x` → `x_`).
 * Different values can map to the same name (`a|b` and `a/b`); CloudTrail still records the
 * token's real subject (`SubjectFromWebIdentityToken`).
 * @example sanitizeSessionName('auth0|123') // { sessionName: 'auth0-123', sanitized: true }
 */
export function sanitizeSessionName(value: string): SanitizedSessionName {
  if (sessionNameProblem(value) === undefined) return { sessionName: value, sanitized: false };
  let name = value.replace(INVALID_CHARACTER, '-');
  if (name.length > MAX_SESSION_NAME_LENGTH) {
    const keep = MAX_SESSION_NAME_LENGTH - HASH_LENGTH - 1;
    name = `${name.slice(0, keep)}-${fnv1a32(value)}`;
  }
  while (byteLength(name) < MIN_SESSION_NAME_LENGTH) name += '_';
  return { sessionName: name, sanitized: true };
}

/** 32-bit FNV-1a of the UTF-8 bytes, as 8 lowercase hex digits (synchronous, browser-safe). */
function fnv1a32(value: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(HASH_LENGTH, '0');
}

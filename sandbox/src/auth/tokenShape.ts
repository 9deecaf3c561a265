// Cheap structural checks on a compact JWT before any key is fetched: size, three base64url
// parts, JSON objects (no duplicate members, bounded depth), an allowed `alg`. It does not check
// signatures or claims (jose does).

import { base64url } from 'jose';
import { jsonStructureProblem } from './jsonStructure';
import { TokenError } from './tokenError';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface TokenShapeOptions {
  /** Upper bound on the token's length in bytes. */
  maxTokenBytes: number;
  /** The `alg` values allowed in the header. */
  algorithms: readonly string[];
}

/** The decoded, not yet trusted, protected header of a token that passed the shape checks. */
export interface TokenShape {
  header: Record<string, unknown> & { alg: string };
}

/**
 * Refuses a token that cannot be a compact JWS signed with an allowed algorithm; never echoes it.
 * @example inspectToken(token, { maxTokenBytes: 16384, algorithms: ['RS256'] }).header.alg
 */
export function inspectToken(token: string, options: TokenShapeOptions): TokenShape {
  if (token.length > options.maxTokenBytes) {
    throw new TokenError('too_large', `token is larger than ${options.maxTokenBytes} bytes`);
  }
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw malformed(`compact JWS has 3 parts, this token has ${parts.length}`);
  }
  const [encodedHeader = '', encodedPayload = '', signature = ''] = parts;
  const header = decodeJsonObject(encodedHeader, 'header');
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') {
    throw malformed('header has no "alg"');
  }
  if (!options.algorithms.includes(alg)) {
    throw new TokenError('algorithm', 'token algorithm is not allowed', {
      detail: `alg ${JSON.stringify(alg.slice(0, 32))} is not in the allowlist`,
    });
  }
  decodeJsonObject(encodedPayload, 'payload');
  if (!BASE64URL.test(signature) || signature.length % 4 === 1) {
    throw malformed('signature is empty or not base64url');
  }
  return { header: { ...header, alg } };
}

function decodeJsonObject(part: string, label: string): Record<string, unknown> {
  if (!BASE64URL.test(part) || part.length % 4 === 1) {
    throw malformed(`${label} is empty or not base64url`);
  }
  let value: unknown;
  let text: string;
  try {
    text = utf8.decode(base64url.decode(part));
    value = JSON.parse(text);
  } catch {
    throw malformed(`${label} is not UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(`${label} is not a JSON object`);
  }
  const problem = jsonStructureProblem(text);
  if (problem !== undefined) throw malformed(`${label}: ${problem}`);
  return value as Record<string, unknown>;
}

function malformed(detail: string): TokenError {
  return new TokenError('malformed', 'token is not a well-formed JWT', { detail });
}

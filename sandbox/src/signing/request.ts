// Owns turning a URL's path and query into the parts SigV4 canonicalises, identically for the
// signer and the verifier, and hashing bodies. It does not sign or decide what is signed.

import { Sha256 } from '@aws-crypto/sha256-js';

/** SHA-256 of an empty body, the payload hash of every body-less request. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Splits a request target (`/mcp?x=1` or `https://host/mcp?x=1`) into its raw path and query,
 * keeping the path exactly as sent (still percent-encoded).
 * @example
 * splitTarget('/mcp?b=2&a=1'); // { path: '/mcp', search: 'b=2&a=1' }
 */
export function splitTarget(target: string): { path: string; search: string } {
  let rest = target;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = q >= 0 ? rest.slice(0, q) : rest;
  return { path: path === '' ? '/' : path, search: q >= 0 ? rest.slice(q + 1) : '' };
}

/**
 * Decodes a raw query into the map `@smithy/signature-v4` canonicalises (it re-encodes with
 * RFC 3986 rules). `+` stays a plus sign, as in AWS's canonical form; repeated keys become arrays.
 * @example
 * parseQuery('a=1&a=2&b'); // { a: ['1', '2'], b: '' }
 */
export function parseQuery(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return out;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq >= 0 ? pair.slice(0, eq) : pair);
    const value = eq >= 0 ? decode(pair.slice(eq + 1)) : '';
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = [...(typeof existing === 'string' ? [existing] : existing), value];
  }
  return out;
}

/**
 * Lower-case hex SHA-256 of `bytes`.
 * @example
 * sha256Hex(new Uint8Array()); // EMPTY_BODY_SHA256
 */
export function sha256Hex(bytes: Uint8Array): string {
  const hash = new Sha256();
  hash.update(bytes);
  let out = '';
  for (const b of hash.digestSync()) out += b.toString(16).padStart(2, '0');
  return out;
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

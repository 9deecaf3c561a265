// Owns turning a URL's path and query into the parts SigV4 canonicalises, identically for the
// signer and the verifier. It does not hash, sign or decide what is signed.

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

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

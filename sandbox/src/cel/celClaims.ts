// Turns JWT claims (JSON values) into CEL values the way cel-go sees a `map[string]any`.
// It does not evaluate anything; compileMatcher and selectRole do.

import { celMap, type CelMap } from '@bufbuild/cel';

/** JWT claims as decoded from the token payload. */
export type Claims = Readonly<Record<string, unknown>>;

/**
 * Deep-converts claims to CEL maps and lists. Two things differ from handing @bufbuild/cel a
 * plain object: a claim named `constructor` would make its object check throw, and its map
 * `has()` treats a `null` value as absent, while cel-go (and CEL) count the key as present
 * (`"act" in claims` is true for `{"act": null}`). `undefined` values are dropped (not JSON).
 * @example toCelClaims({ groups: ['admins'] }).get('groups')
 */
export function toCelClaims(claims: Claims): CelMap {
  return toCelMap(claims);
}

function toCelMap(object: Readonly<Record<string, unknown>>): CelMap {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) entries.set(key, toCelValue(value));
  }
  const map = celMap(entries as Map<string, never>);
  // Present means "has a key", including keys whose value is null.
  Object.defineProperty(map, 'has', {
    value: (key: Parameters<CelMap['has']>[0]) => map.get(key) !== undefined,
  });
  return map;
}

function toCelValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => toCelValue(item ?? null));
  if (typeof value === 'object' && value !== null) {
    return toCelMap(value as Record<string, unknown>);
  }
  return value;
}

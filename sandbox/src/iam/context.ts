// The request context as the evaluator reads it: case-insensitive keys, values as lists of text.
// It does not decide which keys a request carries; the emulators and the playground supply them.

import type { RequestContext } from './types';

/** A context lookup: the key's values as text, `undefined` when absent, `[]` when empty. */
export type ContextLookup = (key: string) => string[] | undefined;

function asText(value: string | boolean | number): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * Builds a case-insensitive lookup over a request context (`aws:CurrentTime` = `AWS:currenttime`).
 * `null`/`undefined` values count as absent.
 * @example contextLookup({ 'aws:SecureTransport': true })('AWS:SECURETRANSPORT') // ['true']
 */
export function contextLookup(context: RequestContext = {}): ContextLookup {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of Object.entries(context)) {
    if (value === null || value === undefined) continue;
    byKey.set(key.toLowerCase(), Array.isArray(value) ? value.map(asText) : [asText(value)]);
  }
  return (key) => byKey.get(key.toLowerCase());
}

/**
 * The time keys AWS adds to every request, for callers that want real `Date*` conditions.
 * @example requestTimeContext(new Date('2026-01-01T00:00:00Z'))
 * // { 'aws:CurrentTime': '2026-01-01T00:00:00Z', 'aws:EpochTime': 1767225600 }
 */
export function requestTimeContext(now: Date): {
  'aws:CurrentTime': string;
  'aws:EpochTime': number;
} {
  return {
    'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': Math.floor(now.getTime() / 1000),
  };
}

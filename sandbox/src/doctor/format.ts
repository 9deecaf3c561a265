// Small wording helpers shared by the checks: durations and lists. No checks here.

/**
 * A duration in words, rounded to what a person needs.
 * @example duration(3540) // '59 min'
 */
export function duration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${Math.round(s / 86400)} days`;
}

/**
 * Values as JSON strings, comma-separated, or "none".
 * @example quoted(['a', 'b']) // '"a", "b"'
 */
export function quoted(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * An epoch-seconds timestamp as ISO text without milliseconds.
 * @example isoTime(0) // '1970-01-01T00:00:00Z'
 */
export function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

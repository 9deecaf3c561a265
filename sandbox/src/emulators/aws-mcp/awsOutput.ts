// Renders operation outputs the way the AWS CLI prints them: JSON with 4-space indents and
// `+00:00` timestamps, and the `aws s3 ls` text listing. It does not run operations.

/**
 * JSON as `aws … --output json` prints it; Dates become `2026-01-15T10:00:00+00:00`.
 * @example toCliJson({ When: new Date(0) }) // '{\n    "When": "1970-01-01T00:00:00+00:00"\n}'
 */
export function toCliJson(value: unknown): string {
  return JSON.stringify(withTimestamps(value), null, 4);
}

/**
 * Replaces every Date in a value with its `+00:00` ISO 8601 text (as botocore parses them).
 * @example withTimestamps({ a: [new Date(0)] }) // { a: ['1970-01-01T00:00:00+00:00'] }
 */
export function withTimestamps(value: unknown): unknown {
  if (value instanceof Date) return isoTimestamp(value);
  if (Array.isArray(value)) return value.map(withTimestamps);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTimestamps(v)]));
  }
  return value;
}

/** `2026-01-15T10:00:00+00:00` @example isoTimestamp(new Date(0)) */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/**
 * `aws s3 ls` of the buckets: `2026-01-15 10:00:00 example-bucket` per line (UTC).
 * @example formatBucketListing([{ Name: 'b', CreationDate: new Date(0) }])
 */
export function formatBucketListing(
  buckets: readonly { Name: string; CreationDate: Date }[]
): string {
  return buckets.map((b) => `${lsTime(b.CreationDate)} ${b.Name}`).join('\n');
}

/**
 * `aws s3 ls s3://bucket/prefix`: `PRE dir/` lines, then `date time size name`, names relative
 * to the prefix's last `/`.
 * @example formatObjectListing('reports/', [{ Prefix: 'reports/x/' }], [])
 */
export function formatObjectListing(
  prefix: string,
  commonPrefixes: readonly { Prefix: string }[],
  contents: readonly { Key: string; LastModified: Date; Size: number }[]
): string {
  const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const dirs = commonPrefixes.map((p) => `${' '.repeat(27)}PRE ${p.Prefix.slice(base.length)}`);
  const files = contents.map(
    (c) => `${lsTime(c.LastModified)} ${String(c.Size).padStart(10)} ${c.Key.slice(base.length)}`
  );
  return [...dirs, ...files].join('\n');
}

function lsTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

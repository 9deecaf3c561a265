// Owns header hygiene between hops: hop-by-hop headers (RFC 9110 §7.6.1, plus any header that
// Connection names) and forwarding headers. It does not sign; it works for requests and responses.

/** A header bag as Node (`IncomingHttpHeaders`, `OutgoingHttpHeaders`) or fetch (`Headers`) has it. */
export type HeaderInput = Headers | Record<string, string | readonly string[] | number | undefined>;

/** Lower-case names, every value kept; `set-cookie` and friends stay arrays. */
export type HeaderRecord = Record<string, string | string[]>;

/** Removed at every hop, whatever Connection says. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection',
  'proxy-connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** Set by gateways on the way in; ToolHive #4670 was an outage from signing them. */
export const FORWARDING_HEADERS: readonly string[] = ['forwarded', 'x-real-ip'];
const FORWARDING_PREFIX = 'x-forwarded-';

/**
 * Copies `headers` with lower-case names, without hop-by-hop headers and without every header
 * that a `Connection` header names (ToolHive #5835: `Connection: X-Amz-Date`).
 * @example
 * stripHopByHopHeaders({ connection: 'keep-alive, x-trace', 'x-trace': '1', accept: 'application/json' }); // { accept: 'application/json' }
 */
export function stripHopByHopHeaders(headers: HeaderInput): HeaderRecord {
  const record = toHeaderRecord(headers);
  const connection = record.connection;
  if (connection !== undefined) {
    for (const value of typeof connection === 'string' ? [connection] : connection) {
      for (const token of value.split(',')) {
        const name = token.trim().toLowerCase();
        if (name !== '') delete record[name];
      }
    }
  }
  for (const name of HOP_BY_HOP_HEADERS) delete record[name];
  return record;
}

/**
 * Copies `headers` without `Forwarded`, `X-Real-Ip` and every `X-Forwarded-*` header.
 * @example
 * stripForwardingHeaders({ 'x-forwarded-for': '203.0.113.9', accept: 'application/json' }); // { accept: 'application/json' }
 */
export function stripForwardingHeaders(headers: HeaderInput): HeaderRecord {
  const record = toHeaderRecord(headers);
  for (const name of Object.keys(record)) {
    if (isForwardingHeader(name)) delete record[name];
  }
  return record;
}

/** True for `Forwarded`, `X-Real-Ip` and `X-Forwarded-*` (any case). */
export function isForwardingHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FORWARDING_HEADERS.includes(lower) || lower.startsWith(FORWARDING_PREFIX);
}

/**
 * Lower-cases names and drops `undefined`; repeated names (or arrays) keep every value.
 * @example
 * toHeaderRecord(new Headers({ Accept: 'text/event-stream' })); // { accept: 'text/event-stream' }
 */
export function toHeaderRecord(headers: HeaderInput): HeaderRecord {
  const out: HeaderRecord = {};
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    for (const [name, value] of headers) if (name !== 'set-cookie') addHeader(out, name, value);
    for (const cookie of headers.getSetCookie()) addHeader(out, 'set-cookie', cookie);
    return out;
  }
  // A plain loop, no closure or entry arrays: this runs on every proxied request.
  const bag = headers as Record<string, unknown>;
  for (const name in bag) {
    if (!Object.hasOwn(bag, name)) continue;
    const value = bag[name];
    if (value === undefined || value === null) continue;
    const key = lowerCaseName(name);
    if (Array.isArray(value)) for (const v of value as unknown[]) addHeader(out, key, String(v));
    else addHeader(out, key, typeof value === 'string' ? value : String(value));
  }
  return out;
}

function addHeader(out: HeaderRecord, key: string, value: string): void {
  const existing = out[key];
  if (existing === undefined) out[key] = value;
  else if (typeof existing === 'string') out[key] = [existing, value];
  else existing.push(value);
}

/**
 * `name.toLowerCase()`, without a new string when the name is lower-case already (as Node
 * delivers every incoming header name).
 * @example lowerCaseName('Content-Type') // 'content-type'
 */
export function lowerCaseName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return name.toLowerCase();
  }
  return name;
}

/**
 * One string per header, as a request carries it: repeated values joined with `, `
 * (`cookie` with `; `).
 * @example
 * flattenHeaders({ accept: ['a', 'b'] }); // { accept: 'a, b' }
 */
export function flattenHeaders(headers: HeaderRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = typeof value === 'string' ? value : value.join(name === 'cookie' ? '; ' : ', ');
  }
  return out;
}

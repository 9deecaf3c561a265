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
export function stripHopByHopHeaders(
  headers: HeaderInput,
  alsoDrop?: (name: string) => boolean
): HeaderRecord {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return stripHopByHopHeaders(toHeaderRecord(headers), alsoDrop);
  }
  // One pass, no delete (which turns the copy into a slow dictionary): this runs on every
  // relayed response. Same result as copying with toHeaderRecord and deleting.
  const bag = headers as Record<string, unknown>;
  const named = connectionNamedHeaders(bag);
  const out: HeaderRecord = {};
  for (const name in bag) {
    if (!Object.hasOwn(bag, name)) continue;
    const value = bag[name];
    if (value === undefined || value === null) continue;
    const key = lowerCaseName(name);
    if (HOP_BY_HOP.has(key) || named?.has(key) === true || alsoDrop?.(key) === true) continue;
    if (Array.isArray(value)) for (const v of value as unknown[]) addHeader(out, key, String(v));
    else addHeader(out, key, typeof value === 'string' ? value : String(value));
  }
  return out;
}

const HOP_BY_HOP = new Set(HOP_BY_HOP_HEADERS);

/**
 * The header names every `Connection` header of `bag` lists (ToolHive #5835), lower-case, or
 * undefined when none does; hop-by-hop names (dropped anyway) are left out, so the common
 * `Connection: keep-alive` costs no set.
 * @example connectionNamedHeaders({ connection: 'keep-alive, X-Trace' }) // Set { 'x-trace' }
 */
export function connectionNamedHeaders(bag: Record<string, unknown>): Set<string> | undefined {
  let named: Set<string> | undefined;
  for (const name in bag) {
    if (!Object.hasOwn(bag, name) || lowerCaseName(name) !== 'connection') continue;
    const value = bag[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const one of value as readonly unknown[])
        named = addConnectionTokens(named, String(one));
    } else {
      named = addConnectionTokens(named, typeof value === 'string' ? value : String(value));
    }
  }
  return named;
}

function addConnectionTokens(
  named: Set<string> | undefined,
  value: string
): Set<string> | undefined {
  if (!value.includes(',')) return addConnectionToken(named, value); // `keep-alive`: no split
  for (const token of value.split(',')) named = addConnectionToken(named, token);
  return named;
}

function addConnectionToken(
  named: Set<string> | undefined,
  token: string
): Set<string> | undefined {
  const header = token.trim().toLowerCase();
  if (header !== '' && !HOP_BY_HOP.has(header)) (named ??= new Set()).add(header);
  return named;
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
  const lower = lowerCaseName(name);
  return FORWARDING_HEADERS.includes(lower) || lower.startsWith(FORWARDING_PREFIX);
}

/**
 * Lower-cases names and drops `undefined` (and every name `drop` returns true for); repeated
 * names (or arrays) keep every value.
 * @example
 * toHeaderRecord(new Headers({ Accept: 'text/event-stream' })); // { accept: 'text/event-stream' }
 */
export function toHeaderRecord(
  headers: HeaderInput,
  drop?: (name: string) => boolean
): HeaderRecord {
  const out: HeaderRecord = {};
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    for (const [name, value] of headers) {
      if (name !== 'set-cookie' && drop?.(name) !== true) addHeader(out, name, value);
    }
    if (drop?.('set-cookie') !== true) {
      for (const cookie of headers.getSetCookie()) addHeader(out, 'set-cookie', cookie);
    }
    return out;
  }
  // A plain loop, no closure or entry arrays: this runs on every proxied request.
  const bag = headers as Record<string, unknown>;
  for (const name in bag) {
    if (!Object.hasOwn(bag, name)) continue;
    const value = bag[name];
    if (value === undefined || value === null) continue;
    const key = lowerCaseName(name);
    if (drop?.(key) === true) continue;
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

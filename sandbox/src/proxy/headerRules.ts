// Header rules between client, proxy and upstream: request ids, what the upstream request keeps,
// what the relayed response keeps, and the upstream target URL. Pure but for the random request
// ids it makes (requestIds.ts); signing strips the rest.

import type { HeaderInput, HeaderRecord } from '../signing';
import { splitTarget, stripHopByHopHeaders, toHeaderRecord } from '../signing';
import { newRequestId } from './requestIds';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A client-supplied request id is kept only when it is short and made of safe characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@+=/-]{0,127}$/;

/**
 * Headers of the incoming request that the proxy never passes on, on top of what the signer
 * removes (hop-by-hop, X-Forwarded-*, Forwarded, X-Real-Ip, Authorization, Host, X-Amz-*):
 * `origin` (the proxy is the browser boundary; it has checked the origin itself) and `expect`
 * (the body is already buffered, a 100-continue handshake upstream is pointless).
 */
export const NOT_FORWARDED_REQUEST_HEADERS: readonly string[] = ['origin', 'expect'];

const DROPPED_REQUEST_HEADERS = new Set([...NOT_FORWARDED_REQUEST_HEADERS, 'content-length']);

/** Not copied from the client: `origin`, `expect`, and `content-length` (the proxy states it). */
function isDroppedRequestHeader(name: string): boolean {
  return DROPPED_REQUEST_HEADERS.has(name);
}

/** Methods whose request carries a body, so the upstream request states its length. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The request id: the client's `x-request-id` when sane, else a new UUID.
 * @example requestIdFor('abc-123') // 'abc-123'
 */
export function requestIdFor(
  header: string | readonly string[] | undefined,
  generate: () => string = newRequestId
): string {
  const value = typeof header === 'string' ? header.trim() : undefined;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : generate();
}

/**
 * The headers handed to `signForUpstream`: the client's, minus `origin` and `expect`, with the
 * request id and a `content-length` that states the exact body being sent.
 * @example upstreamRequestHeaders(req.headers, { method: 'POST', requestId, bodyLength: body.byteLength })
 */
export function upstreamRequestHeaders(
  incoming: HeaderInput,
  options: { method: string; requestId: string; bodyLength: number }
): HeaderRecord {
  const headers = toHeaderRecord(incoming, isDroppedRequestHeader);
  if (options.bodyLength > 0 || BODY_METHODS.has(options.method.toUpperCase())) {
    headers['content-length'] = String(options.bodyLength);
  }
  headers[REQUEST_ID_HEADER] = options.requestId;
  return headers;
}

/**
 * The upstream response's headers as relayed to the client: hop-by-hop headers (and any that
 * its `Connection` names) removed, and CORS headers removed (the proxy answers CORS itself).
 * @example relayedResponseHeaders(upstreamResponse.headers)
 */
export function relayedResponseHeaders(upstream: HeaderInput): HeaderRecord {
  return stripHopByHopHeaders(upstream, isCorsHeader);
}

function isCorsHeader(name: string): boolean {
  return name.startsWith('access-control-');
}

/**
 * The URL the upstream request goes to: the upstream URL's path, its own query (if any) followed
 * by the incoming query, kept as sent. Without an incoming query this is `upstreamUrl` itself
 * (no copy per request): callers must not modify the result.
 * @example upstreamTarget(new URL('https://aws-mcp.us-east-1.api.aws/mcp'), '/mcp?x=1').href // '…/mcp?x=1'
 */
export function upstreamTarget(upstreamUrl: URL, requestTarget: string): URL {
  const incoming = requestTarget.includes('?') ? splitTarget(requestTarget).search : '';
  if (incoming === '' && upstreamUrl.hash === '') return upstreamUrl;
  const target = new URL(upstreamUrl.href);
  if (incoming !== '') {
    const own = target.search.replace(/^\?/, '');
    target.search = own === '' ? incoming : `${own}&${incoming}`;
  }
  target.hash = '';
  return target;
}

/** Headers of every plain-text answer the proxy writes itself (Go's `http.Error` sets the same). */
export const PLAIN_TEXT_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/plain; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

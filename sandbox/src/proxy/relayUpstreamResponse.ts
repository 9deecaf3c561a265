// The last step of every proxied request: call the upstream with the prepared request, relay its
// response headers and stream the body back unbuffered (SSE), cancelling when the client leaves.

import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { callUpstream } from './callUpstream';
import type { UpstreamCall, UpstreamCancel } from './callUpstream';
import { relayedResponseHeaders } from './headerRules';

/** What the relay needs from the proxy, built once by `createProxy`. */
export interface RelayDeps {
  upstreamAgent: Agent;
  upstreamTimeoutMs: number;
}

/**
 * Sends `call` (already signed, or deliberately unsigned in the pass-through floor) and streams
 * the upstream response to `res`; resolves with the upstream's status once the response is done.
 * Rejects before anything is sent when the upstream cannot be reached; after the headers, a
 * broken stream tears down the client connection instead. When the client goes away before the
 * response is complete, `cancel` is cancelled (`cancel.cancelled`: the client closed).
 * @example const status = await relayUpstreamResponse(req, res, { method, url, headers, body }, deps, new UpstreamCancel());
 */
export async function relayUpstreamResponse(
  req: IncomingMessage,
  res: ServerResponse,
  call: UpstreamCall,
  deps: RelayDeps,
  cancel: UpstreamCancel
): Promise<number> {
  (res as RelayedResponse)[CANCEL] = cancel;
  res.on('close', onResponseClose);
  if (res.destroyed || req.socket.destroyed) onResponseClose.call(res);

  const upstream = await callUpstream(call, {
    agent: deps.upstreamAgent,
    timeoutMs: deps.upstreamTimeoutMs,
    cancel,
  });
  const status = upstream.statusCode ?? 502;
  const relayed = relayedResponseHeaders(upstream.headers);
  for (const name in relayed) {
    const value = relayed[name] as string | string[];
    const own = res.getHeader(name);
    if (own === undefined) res.setHeader(name, value);
    else if (name === 'vary') res.setHeader(name, `${String(own)}, ${String(value)}`);
  }
  res.writeHead(status);
  // A response whose first bytes are already here goes out with its headers in one write; one
  // that is still waiting (an SSE stream before its first event) shows its headers at once.
  if (upstream.readableLength === 0 && !upstream.readableEnded) res.flushHeaders();
  await streamBody(upstream, res);
  return status;
}

const CANCEL = Symbol('upstreamCancel');
const RELAY = Symbol('relay');

/** One body being relayed: what its listeners share (they are module functions, no closures). */
interface Relay {
  upstream: IncomingMessage;
  res: ServerResponse;
  settled: boolean;
  resolve: () => void;
}

type RelayedResponse = ServerResponse & { [CANCEL]?: UpstreamCancel; [RELAY]?: Relay };
type RelayedUpstream = IncomingMessage & { [RELAY]?: Relay };

/** The client went away before the response was complete: the upstream request is cancelled. */
function onResponseClose(this: RelayedResponse): void {
  if (!this.writableFinished) this[CANCEL]?.cancel();
}

/**
 * Relays the upstream body to the client chunk by chunk, as it arrives (SSE events reach the
 * client when the upstream sends them), pausing the upstream while the client's buffer is full;
 * resolves when the response is finished or torn down. Deliberately not `pipe`/`pipeline`: they
 * add half a dozen listeners and an end-of-stream tracker (`pipeline` an AbortController) per
 * request, a cost on every request; this is the same flow with the listeners it needs, module
 * functions that find their state on the streams (no closures, no `once` wrappers per request).
 */
function streamBody(upstream: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const relay: Relay = { upstream, res, settled: false, resolve };
    (upstream as RelayedUpstream)[RELAY] = relay;
    (res as RelayedResponse)[RELAY] = relay;
    upstream.on('error', onUpstreamError);
    upstream.on('close', onUpstreamClose);
    upstream.on('end', onUpstreamEnd);
    res.on('error', onResponseError);
    res.on('drain', onResponseDrain);
    res.on('finish', onResponseDone);
    res.on('close', onResponseDone);
    upstream.on('data', onUpstreamData);
  });
}

function settle(relay: Relay): void {
  if (relay.settled) return;
  relay.settled = true;
  relay.upstream.off('data', onUpstreamData);
  relay.upstream.off('end', onUpstreamEnd);
  relay.res.off('drain', onResponseDrain);
  relay.res.off('finish', onResponseDone);
  relay.res.off('close', onResponseDone);
  relay.resolve();
}

/**
 * The client left (the upstream request is cancelled by the caller) or the upstream broke off
 * mid-stream: the client's connection is torn down, so it sees a truncated response, never a
 * complete-looking one. The `error` listeners stay attached after settling, for late errors.
 */
function broken(relay: Relay | undefined): void {
  if (relay === undefined) return;
  if (!relay.res.destroyed) relay.res.destroy();
  settle(relay);
}

function onUpstreamData(this: RelayedUpstream, chunk: Buffer): void {
  const relay = this[RELAY];
  if (relay !== undefined && !relay.res.write(chunk)) this.pause();
}

function onResponseDrain(this: RelayedResponse): void {
  this[RELAY]?.upstream.resume();
}

function onUpstreamError(this: RelayedUpstream): void {
  broken(this[RELAY]);
}

function onResponseError(this: RelayedResponse): void {
  broken(this[RELAY]);
}

function onUpstreamClose(this: RelayedUpstream): void {
  this.off('close', onUpstreamClose);
  if (!this.complete) broken(this[RELAY]);
}

function onUpstreamEnd(this: RelayedUpstream): void {
  const relay = this[RELAY];
  if (relay !== undefined && !relay.settled) relay.res.end();
}

function onResponseDone(this: RelayedResponse): void {
  const relay = this[RELAY];
  if (relay !== undefined) settle(relay);
}

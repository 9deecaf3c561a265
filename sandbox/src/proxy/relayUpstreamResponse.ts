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
  const onClose = (): void => {
    if (!res.writableFinished) cancel.cancel();
  };
  res.once('close', onClose);
  if (res.destroyed || req.socket.destroyed) onClose();

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

/**
 * Relays the upstream body to the client chunk by chunk, as it arrives (SSE events reach the
 * client when the upstream sends them), pausing the upstream while the client's buffer is full;
 * resolves when the response is finished or torn down. Deliberately not `pipe`/`pipeline`: they
 * add half a dozen listeners and an end-of-stream tracker (`pipeline` an AbortController) per
 * request, a cost on every request; this is the same flow with the listeners it needs.
 */
function streamBody(upstream: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      upstream.off('data', onData);
      res.off('drain', onDrain);
      res.off('finish', settle);
      res.off('close', settle);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      if (!res.write(chunk)) upstream.pause();
    };
    const onDrain = (): void => {
      upstream.resume();
    };
    // The client left (the upstream request is cancelled by the caller) or the upstream broke
    // off mid-stream: the client's connection is torn down, so it sees a truncated response,
    // never a complete-looking one.
    const broken = (): void => {
      if (!res.destroyed) res.destroy();
      settle();
    };
    upstream.on('error', broken);
    upstream.once('close', () => {
      if (!upstream.complete) broken();
    });
    upstream.once('end', () => {
      if (!settled) res.end();
    });
    res.on('error', broken);
    res.on('drain', onDrain);
    res.once('finish', settle);
    res.once('close', settle);
    upstream.on('data', onData);
  });
}

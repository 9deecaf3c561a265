// The benchmark's floor: a request path that relays to the upstream exactly as the awsSts path
// does, minus the awsSts work (no token, role, session name, STS or SigV4). Loopback use only.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { upstreamHeaders } from '../signing';
import { UpstreamCancel } from './callUpstream';
import type { McpRequestDeps, RequestFacts } from './handleMcpRequest';
import { upstreamRequestHeaders, upstreamTarget } from './headerRules';
import { readBody } from './readBody';
import { relayUpstreamResponse } from './relayUpstreamResponse';

/**
 * Reads the body and relays the request unsigned, with the header hygiene of the signed path;
 * resolves with the request's facts (a failure in `facts.error`), as `handleMcpRequest` does.
 * Never authenticates: `createPassThroughProxy` refuses to listen anywhere but loopback.
 * @example const facts = await passThroughRequest(req, res, deps, requestId);
 */
export async function passThroughRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  requestId: string
): Promise<RequestFacts> {
  const facts: RequestFacts = { requestId };
  const cancel = new UpstreamCancel();
  try {
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req, deps.maxBodyBytes);
    facts.bodyBytes = body.byteLength;
    const target = upstreamTarget(deps.upstreamUrl, req.url ?? '/');
    // The signed path's headers, minus the signature: both send the same shape upstream.
    const headers = upstreamHeaders(
      upstreamRequestHeaders(req.headers, { method, requestId, bodyLength: body.byteLength }),
      target.host,
      body.byteLength
    );
    const call = { method, url: target, headers, body };
    facts.upstreamStatus = await relayUpstreamResponse(req, res, call, deps, cancel);
  } catch (error) {
    facts.error = error;
  }
  if (cancel.cancelled) facts.clientClosed = true;
  return facts;
}

// The benchmark's floor: a request path that relays to the upstream exactly as the awsSts path
// does, minus the awsSts work (no token, role, session name, STS or SigV4). Loopback use only.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { upstreamHeaders } from '../signing';
import type { McpRequestDeps, RequestFacts } from './handleMcpRequest';
import { upstreamRequestHeaders, upstreamTarget } from './headerRules';
import { readBody } from './readBody';
import { relayToUpstream } from './relayToUpstream';

/**
 * Reads the body and relays the request unsigned, with the header hygiene of the signed path.
 * Never authenticates: `createPassThroughProxy` refuses to listen anywhere but loopback.
 * @example await passThroughRequest(req, res, deps, { requestId });
 */
export async function passThroughRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  facts: RequestFacts
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req, deps.maxBodyBytes);
  facts.bodyBytes = body.byteLength;
  const target = upstreamTarget(deps.upstreamUrl, req.url ?? '/');
  // The signed path's headers, minus the signature: both send the same shape upstream.
  const headers = upstreamHeaders(
    upstreamRequestHeaders(req.headers, {
      method,
      requestId: facts.requestId,
      bodyLength: body.byteLength,
    }),
    target.host,
    body.byteLength
  );
  await relayToUpstream(req, res, { method, url: target, headers, body }, deps, facts);
}

// The benchmark's floor (`npm run bench`, scenario bare-proxy) and its test: the proxy's server
// around a request path that relays to the upstream exactly as the awsSts path does, minus the
// awsSts work (no token, role, session name, STS or SigV4). Loopback use only; not a product.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsStsError } from '../../src/errors';
import { UpstreamCancel } from '../../src/proxy/callUpstream';
import { createProxyServer } from '../../src/proxy/createProxy';
import type { Proxy } from '../../src/proxy/createProxy';
import type { McpRequestDeps, RequestFacts } from '../../src/proxy/handleMcpRequest';
import { upstreamRequestHeaders, upstreamTarget } from '../../src/proxy/headerRules';
import type { ProxyOptions } from '../../src/proxy/options';
import { readBody } from '../../src/proxy/readBody';
import { relayUpstreamResponse } from '../../src/proxy/relayUpstreamResponse';
import { isLoopbackHost } from '../../src/shared';
import { upstreamHeaders } from '../../src/signing';

/**
 * The same server, routing, CORS, request log line and streaming relay as `createProxy`, without
 * the awsSts work. It forwards anyone's requests, so it listens on loopback only.
 * @example const floor = createPassThroughProxy(options); await floor.listen(0);
 */
export function createPassThroughProxy(options: ProxyOptions): Proxy {
  const proxy = createProxyServer(options, passThroughRequest);
  return {
    ...proxy,
    async listen(port = 0, host = '127.0.0.1') {
      if (!isLoopbackHost(host)) {
        throw new AwsStsError(
          'INVALID_CONFIG',
          `the pass-through proxy does no authentication and listens on loopback only, not ${host}`
        );
      }
      return proxy.listen(port, host);
    },
  };
}

/**
 * Reads the body and relays the request unsigned, with the header hygiene of the signed path;
 * resolves with the request's facts (a failure in `facts.error`), as `handleMcpRequest` does.
 * @example const facts = await passThroughRequest(req, res, deps, requestId);
 */
async function passThroughRequest(
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

// The request path for one MCP request (ARCHITECTURE "The request path"): token → role → session
// name → body → credentials → SigV4 → upstream, response streamed back. Errors are thrown, not sent.

import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { STSClient } from '@aws-sdk/client-sts';
import { extractBearerToken } from '../auth';
import type { TokenVerifier } from '../auth';
import type { AwsStsConfig } from '../config';
import { selectRole } from '../roles';
import type { RoleMapper } from '../roles';
import { extractSessionName } from '../session';
import { signForUpstream } from '../signing';
import type { CredentialCache } from '../sts';
import type { StsCredentials } from '../sts';
import { forwardToUpstream } from './forwardToUpstream';
import { relayedResponseHeaders, upstreamRequestHeaders, upstreamTarget } from './headerRules';
import { readBody } from './readBody';

/** Everything the request path needs, built once by `createProxy`. */
export interface McpRequestDeps {
  config: AwsStsConfig;
  verifier: TokenVerifier;
  mapper: RoleMapper;
  credentials: CredentialCache;
  cacheEnabled: boolean;
  stsClient: STSClient;
  upstreamUrl: URL;
  upstreamAgent: Agent;
  upstreamTimeoutMs: number;
  maxBodyBytes: number;
  sanitizeSessionName: boolean;
}

/** How the credentials were obtained: from the cache, a new STS call, a call already in flight. */
export type CacheOutcome = 'hit' | 'miss' | 'shared' | 'off';

/** Log-safe facts gathered along the way; the caller writes the request log line from them. */
export interface RequestFacts {
  requestId: string;
  roleArn?: string;
  roleFallback?: boolean;
  sessionName?: string;
  sessionNameSanitized?: boolean;
  cache?: CacheOutcome;
  bodyBytes?: number;
  upstreamStatus?: number;
  /** The client went away before the response was complete. */
  clientClosed?: boolean;
}

/**
 * Authenticates, authorizes and forwards one MCP request, then streams the upstream response to
 * `res`. Resolves when the response is complete; rejects before anything is sent on failure.
 * Headers already set on `res` (request id, CORS) are kept; the upstream's are added.
 * @example await handleMcpRequest(req, res, deps, { requestId });
 */
export async function handleMcpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  facts: RequestFacts
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const token = extractBearerToken(req.headers.authorization);
  const { claims, expiresAt } = await deps.verifier.verify(token);

  const role = selectRole(deps.mapper, claims);
  facts.roleArn = role.roleArn;
  facts.roleFallback = role.fallback;

  const session = extractSessionName(claims, deps.config.sessionNameClaim, {
    sanitize: deps.sanitizeSessionName,
  });
  facts.sessionName = session.sessionName;
  if (session.sanitized) facts.sessionNameSanitized = true;

  const body = await readBody(req, deps.maxBodyBytes);
  facts.bodyBytes = body.byteLength;

  const credentials = await credentialsFor(deps, facts, {
    token,
    tokenExp: Math.floor(expiresAt.getTime() / 1000),
    roleArn: role.roleArn,
    sessionName: session.sessionName,
  });

  const target = upstreamTarget(deps.upstreamUrl, req.url ?? '/');
  const signed = await signForUpstream(
    {
      method,
      url: target,
      headers: upstreamRequestHeaders(req.headers, {
        method,
        requestId: facts.requestId,
        bodyLength: body.byteLength,
      }),
      body,
    },
    credentials,
    { region: deps.config.region, service: deps.config.service, maxBodyBytes: deps.maxBodyBytes }
  );

  const clientGone = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) {
      facts.clientClosed = true;
      clientGone.abort();
    }
  };
  res.once('close', onClose);
  if (res.destroyed || req.socket.destroyed) onClose();

  const upstream = await forwardToUpstream(
    { method, url: target, headers: signed.headers, body },
    { agent: deps.upstreamAgent, timeoutMs: deps.upstreamTimeoutMs, signal: clientGone.signal }
  );
  facts.upstreamStatus = upstream.statusCode;
  for (const [name, value] of Object.entries(relayedResponseHeaders(upstream.headers))) {
    const own = res.getHeader(name);
    if (own === undefined) res.setHeader(name, value);
    else if (name === 'vary') res.setHeader(name, `${String(own)}, ${String(value)}`);
  }
  res.writeHead(upstream.statusCode ?? 502);
  res.flushHeaders();
  try {
    // Chunk by chunk, as it arrives: SSE events reach the client when the upstream sends them.
    await pipeline(upstream, res);
  } catch {
    // The client left (the upstream request is aborted) or the upstream broke off mid-stream
    // (the client's connection is torn down, so it sees a truncated response, not a complete one).
    if (!res.destroyed) res.destroy();
  }
}

async function credentialsFor(
  deps: McpRequestDeps,
  facts: RequestFacts,
  request: { token: string; tokenExp: number; roleArn: string; sessionName: string }
): Promise<StsCredentials> {
  // The cache counts synchronously when it is called, so comparing its counters around the call
  // tells this request's outcome even with concurrent requests.
  const before = deps.credentials.stats();
  const pending = deps.credentials.getCredentials({
    ...request,
    region: deps.config.region,
    durationSeconds: deps.config.sessionDuration,
    client: deps.stsClient,
  });
  const after = deps.credentials.stats();
  facts.cache = !deps.cacheEnabled
    ? 'off'
    : after.hits > before.hits
      ? 'hit'
      : after.stsCalls > before.stsCalls
        ? 'miss'
        : 'shared';
  return pending;
}

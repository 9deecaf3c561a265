// The proxy server: builds the request path's parts once, hands each request to its route
// (routes.ts), answers failures from the failure table, writes the request log line
// (requestLog.ts), listens and closes.

import { Agent as HttpAgent, createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Logger } from 'pino';
import {
  createTokenVerifier,
  protectedResourceMetadata,
  protectedResourceMetadataUrl,
  verifiedTokenKey,
} from '../auth';
import { AwsStsError } from '../errors';
import { compileRoleMapper } from '../roles';
import { closeServer, listenOn } from '../http-server';
import { hostForUrl, isLoopbackHost } from '../shared';
import { splitTarget } from '../signing';
import { createCredentialCache, createStsClient, STS_ALGORITHMS } from '../sts';
import { statusForError } from './errorResponses';
import type { ErrorResponse } from './errorResponses';
import { createDecisionCache, handleMcpRequest } from './handleMcpRequest';
import type { McpRequestDeps, RequestFacts } from './handleMcpRequest';
import { REQUEST_ID_HEADER, requestIdFor } from './headerRules';
import { createProxyLogger } from './logger';
import { resolveProxyOptions, upstreamRegionWarning } from './options';
import type { ProxyOptions, ResolvedProxyOptions } from './options';
import { createStatsRecorder } from './proxyStats';
import type { ProxyStats } from './proxyStats';
import { logRequest } from './requestLog';
import { createRoutes } from './routes';
import type { RequestPath } from './routes';

export type { RequestPath } from './routes';

/** Where a listening proxy can be reached. */
export interface ListeningAddress {
  /** The local MCP endpoint, e.g. `http://127.0.0.1:8080/mcp`. */
  url: string;
  host: string;
  port: number;
  /** The RFC 9728 `resource` the proxy advertises. */
  resourceUrl: string;
}

export interface Proxy {
  server: Server;
  /** Binds `host` (default 127.0.0.1) and `port` (default 0: a free port). */
  listen(port?: number, host?: string): Promise<ListeningAddress>;
  /** Stops accepting, ends open streams, releases keep-alive sockets and key fetches. */
  close(): Promise<void>;
  stats(): ProxyStats;
}

/**
 * Creates the awsSts proxy (not yet listening); throws `AwsStsError` for invalid options.
 * @example
 * const proxy = createProxy({ config: yaml, upstreamUrl: 'https://aws-mcp.us-east-1.api.aws/mcp', issuer, audience: 'toolhive-aws' });
 * const { url } = await proxy.listen(8080);
 */
export function createProxy(options: ProxyOptions): Proxy {
  return createProxyServer(options, handleMcpRequest);
}

/**
 * The proxy's server (routes, CORS, metadata, failures, the request log line, listen and close)
 * around `requestPath`: `handleMcpRequest` for the awsSts proxy, a pass-through for the bench's floor (sandbox/test/support).
 * @example const proxy = createProxyServer(options, handleMcpRequest);
 */
export function createProxyServer(options: ProxyOptions, requestPath: RequestPath): Proxy {
  const resolved = resolveProxyOptions(options);
  const logger: Logger = options.logger ?? createProxyLogger();
  const regionWarning = upstreamRegionWarning(resolved.upstreamUrl, resolved.config.region);
  if (regionWarning !== undefined) logger.warn(regionWarning);
  if (resolved.resourceUrl !== undefined) {
    protectedResourceMetadata({
      resource: resolved.resourceUrl,
      authorizationServers: [options.issuer],
    });
  }
  const parts = requestPathParts(options, resolved);
  const recorder = createStatsRecorder();
  const stats = (): ProxyStats =>
    recorder.snapshot(
      parts.credentials.stats(),
      resolved.cache.enabled,
      parts.verifier.cacheStats?.() ?? { hits: 0, size: 0 }
    );
  const server = createServer({ noDelay: true });
  const routes = createRoutes({
    resolved,
    deps: parts.deps,
    requestPath,
    stats,
    server,
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  });

  /** One request: route it, answer its failure from the failure table, log one line. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
    const path = splitTarget(req.url ?? '/').path;
    recorder.requestStarted(path === resolved.mcpPath);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    let facts: RequestFacts;
    try {
      facts = await routes.route(req, res, path, requestId);
    } catch (error) {
      facts = { requestId, error };
    }
    let failure: ErrorResponse | undefined;
    if (facts.error !== undefined) {
      failure = statusForError(facts.error, {
        mode: resolved.mode,
        resourceMetadataUrl: protectedResourceMetadataUrl(routes.resourceUrl()),
        issuer: resolved.issuer,
        authorization: req.headers.authorization,
      });
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(failure.status, failure.headers).end(failure.body);
      } else {
        res.destroy();
      }
    }
    const status = failure?.status ?? res.statusCode;
    recorder.requestFinished(status, facts.upstreamStatus !== undefined);
    logRequest(logger, req.method, path, status, performance.now() - started, facts, failure);
  }

  let closing: Promise<void> | undefined;
  return {
    server,
    stats,
    async listen(port = 0, host = '127.0.0.1') {
      if (resolved.resourceUrl === undefined && !isLoopbackHost(host)) {
        throw new AwsStsError(
          'INVALID_CONFIG',
          `listening on ${host} needs resourceUrl: the public URL clients use for the MCP endpoint, e.g. https://mcp.example.com/mcp`,
          { path: 'resourceUrl' }
        );
      }
      const address = await listenOn(server, port, host);
      return {
        url: `http://${hostForUrl(host)}:${address.port}${resolved.mcpPath}`,
        host,
        port: address.port,
        resourceUrl: routes.fixResource(),
      };
    },
    close() {
      if (closing === undefined) {
        closing = closeServer(server).catch(() => undefined);
        parts.verifier.close();
        parts.stsClient.destroy();
        parts.upstreamAgent.destroy();
      }
      return closing;
    },
  };
}

/** The request path's parts, built once: token verifier, role mapper, STS client and caches. */
function requestPathParts(options: ProxyOptions, resolved: ResolvedProxyOptions) {
  const { config } = resolved;
  const mapper = compileRoleMapper(config);
  const verifier = createTokenVerifier({
    issuer: resolved.issuer,
    audience: resolved.audience,
    algorithms: STS_ALGORITHMS,
    clockToleranceSeconds: resolved.clockToleranceSeconds,
    // With the cache on, a token seen again skips the signature check (until exp, at most 60 s).
    ...(resolved.cache.enabled ? { cache: { maxEntries: resolved.cache.maxEntries } } : {}),
    ...(resolved.jwksUri ? { jwksUri: resolved.jwksUri } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const stsClient = createStsClient({
    region: config.region,
    maxAttempts: resolved.stsMaxAttempts,
    timeoutMs: resolved.stsTimeoutMs,
    ...(resolved.stsEndpoint ? { endpoint: resolved.stsEndpoint } : {}),
  });
  const credentials = createCredentialCache({
    disabled: !resolved.cache.enabled,
    maxEntries: resolved.cache.maxEntries,
    safetyMarginSeconds: resolved.cache.safetyMarginSeconds,
    hashToken: verifiedTokenKey,
  });
  const upstreamAgent =
    resolved.upstreamUrl.protocol === 'https:'
      ? new HttpsAgent({ keepAlive: true })
      : new HttpAgent({ keepAlive: true });
  const deps: McpRequestDeps = {
    config,
    verifier,
    mapper,
    credentials,
    cacheEnabled: resolved.cache.enabled,
    stsClient,
    upstreamUrl: resolved.upstreamUrl,
    upstreamAgent,
    upstreamTimeoutMs: resolved.upstreamTimeoutMs,
    maxBodyBytes: resolved.maxBodyBytes,
    sanitizeSessionName: resolved.sanitizeSessionName,
    decisions: createDecisionCache(resolved.cache.maxEntries),
  };
  return { deps, verifier, stsClient, credentials, upstreamAgent };
}

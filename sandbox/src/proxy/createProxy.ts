// The proxy server: builds the request path's parts once, routes (MCP endpoint, /health, RFC 9728
// metadata, CORS), answers failures, writes one log line per request, listens and closes.

import { Agent as HttpAgent, createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import {
  createTokenVerifier,
  protectedResourceMetadata,
  protectedResourceMetadataPaths,
  protectedResourceMetadataUrl,
  verifiedTokenKey,
} from '../auth';
import type { ProtectedResourceMetadata } from '../auth';
import { AwsStsError } from '../errors';
import { compileRoleMapper } from '../roles';
import { splitTarget } from '../signing';
import { isLoopbackHost } from '../shared';
import { createCredentialCache, createStsClient, STS_ALGORITHMS } from '../sts';
import { corsHeaders, corsPreflight, originVerdict } from './cors';
import { statusForError } from './errorResponses';
import type { ErrorResponse } from './errorResponses';
import { createDecisionCache, handleMcpRequest } from './handleMcpRequest';
import type { McpRequestDeps, RequestFacts } from './handleMcpRequest';
import { passThroughRequest } from './passThrough';
import { PLAIN_TEXT_HEADERS, REQUEST_ID_HEADER, requestIdFor } from './headerRules';
import { createProxyLogger } from './logger';
import { resolveProxyOptions, upstreamRegionWarning } from './options';
import type { ProxyOptions } from './options';
import { ProxyError } from './proxyError';
import { createStatsRecorder } from './proxyStats';
import type { ProxyStats } from './proxyStats';
import { checkDeclaredLength } from './readBody';

export const HEALTH_PATH = '/health';
const MCP_METHODS = ['GET', 'POST', 'DELETE'];
const MCP_ALLOW = 'GET, POST, DELETE, OPTIONS';
const DOCUMENT_ALLOW = 'GET, HEAD, OPTIONS';

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
  return buildProxy(options, handleMcpRequest);
}

/**
 * The benchmark's floor (`npm run bench`, scenario bare-proxy): the same server, routing, CORS,
 * request log line and streaming relay as `createProxy`, without the awsSts work (no token
 * check, role, STS call or SigV4). It forwards anyone's requests, so it listens on loopback only.
 * @example const floor = createPassThroughProxy(options); await floor.listen(0);
 */
export function createPassThroughProxy(options: ProxyOptions): Proxy {
  const proxy = buildProxy(options, passThroughRequest);
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

type RequestPath = (
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  facts: RequestFacts
) => Promise<void>;

function buildProxy(options: ProxyOptions, requestPath: RequestPath): Proxy {
  const resolved = resolveProxyOptions(options);
  const { config } = resolved;
  const logger: Logger = options.logger ?? createProxyLogger();
  const regionWarning = upstreamRegionWarning(resolved.upstreamUrl, config.region);
  if (regionWarning !== undefined) logger.warn(regionWarning);
  if (resolved.resourceUrl !== undefined) {
    protectedResourceMetadata({
      resource: resolved.resourceUrl,
      authorizationServers: [options.issuer],
    });
  }
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
  const recorder = createStatsRecorder();
  const stats = (): ProxyStats =>
    recorder.snapshot(
      credentials.stats(),
      resolved.cache.enabled,
      verifier.cacheStats?.() ?? { hits: 0, size: 0 }
    );
  const metadataPaths = protectedResourceMetadataPaths(
    resolved.resourceUrl ?? `http://127.0.0.1${resolved.mcpPath}`
  );

  const server = createServer({ noDelay: true });
  let resource = resolved.resourceUrl;
  let metadata: ProtectedResourceMetadata | undefined;

  /** The advertised resource: configured, or derived from the bound address. */
  function resourceUrl(): string {
    if (resource !== undefined) return resource;
    const address = server.address() as AddressInfo | null;
    const host = address && !isWildcard(address.address) ? address.address : '127.0.0.1';
    return `http://${hostForUrl(host)}:${address?.port ?? 0}${resolved.mcpPath}`;
  }

  let knownOrigins: string[] | undefined;
  /** The allowed origins plus the proxy's own; fixed (and kept) once the resource is known. */
  function allowedOrigins(): string[] {
    if (knownOrigins !== undefined) return knownOrigins;
    const origins = [...resolved.allowedOrigins, new URL(resourceUrl()).origin];
    if (resource !== undefined) knownOrigins = origins;
    return origins;
  }

  function metadataDocument(): ProtectedResourceMetadata {
    metadata ??= protectedResourceMetadata({
      resource: resourceUrl(),
      authorizationServers: [resolved.issuer],
    });
    return metadata;
  }

  async function dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    facts: RequestFacts,
    origins: string[]
  ): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = req.headers.origin;
    if (path === resolved.mcpPath) {
      if (method === 'OPTIONS') return preflight(res, origin, origins, MCP_ALLOW);
      if (originVerdict(origin, origins) === 'forbidden') {
        throw new ProxyError('origin_forbidden', 'Origin not allowed', {
          detail: `Origin ${JSON.stringify(origin?.slice(0, 100))} is not in allowedOrigins`,
        });
      }
      if (!MCP_METHODS.includes(method)) {
        throw new ProxyError('method_not_allowed', 'Method not allowed', { allow: MCP_ALLOW });
      }
      checkDeclaredLength(req.headers['content-length'], resolved.maxBodyBytes);
      return requestPath(req, res, deps, facts);
    }
    if (path === HEALTH_PATH || metadataPaths.includes(path)) {
      if (method === 'OPTIONS') return preflight(res, origin, origins, DOCUMENT_ALLOW);
      if (method !== 'GET' && method !== 'HEAD') {
        throw new ProxyError('method_not_allowed', 'Method not allowed', { allow: DOCUMENT_ALLOW });
      }
      const document = path === HEALTH_PATH ? { status: 'ok', ...stats() } : metadataDocument();
      return sendJson(res, 200, document, method === 'HEAD');
    }
    throw new ProxyError('not_found', 'Not found');
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const facts: RequestFacts = { requestId: requestIdFor(req.headers[REQUEST_ID_HEADER]) };
    const path = splitTarget(req.url ?? '/').path;
    recorder.requestStarted(path === resolved.mcpPath);
    res.setHeader(REQUEST_ID_HEADER, facts.requestId);
    let failure: ErrorResponse | undefined;
    try {
      const origins = allowedOrigins();
      const cors = corsHeaders(req.headers.origin, origins);
      for (const name in cors) res.setHeader(name, cors[name] as string);
      await dispatch(req, res, path, facts, origins);
    } catch (error) {
      failure = statusForError(error, {
        mode: resolved.mode,
        resourceMetadataUrl: protectedResourceMetadataUrl(resourceUrl()),
        issuer: resolved.issuer,
        authorization: req.headers.authorization,
      });
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(failure.status, failure.headers).end(failure.body);
      } else {
        res.destroy();
      }
    } finally {
      const status = failure?.status ?? res.statusCode;
      recorder.requestFinished(status, facts.upstreamStatus !== undefined);
      // Built field by field (no spread of small objects): one of these per request.
      const line: Record<string, unknown> = {
        requestId: facts.requestId,
        method: req.method,
        path,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      if (facts.roleArn) {
        line.roleArn = facts.roleArn;
        line.roleFallback = facts.roleFallback;
      }
      if (facts.sessionName) line.sessionName = facts.sessionName;
      if (facts.sessionNameSanitized) line.sessionNameSanitized = true;
      if (facts.cache) line.cache = facts.cache;
      if (facts.bodyBytes !== undefined) line.bodyBytes = facts.bodyBytes;
      if (facts.upstreamStatus !== undefined) line.upstreamStatus = facts.upstreamStatus;
      if (facts.clientClosed) line.clientClosed = true;
      if (failure) line.failure = { stage: failure.stage, ...failure.log };
      if (failure?.stage === 'internal') logger.error(line, 'request failed');
      else if (path === HEALTH_PATH) logger.debug(line, 'request');
      else logger.info(line, 'request');
    }
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
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      resource = resourceUrl();
      return {
        url: `http://${hostForUrl(host)}:${address.port}${resolved.mcpPath}`,
        host,
        port: address.port,
        resourceUrl: resource,
      };
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        verifier.close();
        stsClient.destroy();
        upstreamAgent.destroy();
      });
      return closing;
    },
  };
}

function preflight(
  res: ServerResponse,
  origin: string | undefined,
  origins: string[],
  allow: string
): void {
  const answer = corsPreflight(origin, origins, allow);
  if (answer.status === 403) return sendText(res, 403, answer.headers, answer.body);
  res.writeHead(answer.status, answer.headers).end();
}

function sendText(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string
): void {
  res.writeHead(status, { ...PLAIN_TEXT_HEADERS, ...headers });
  res.end(`${body}\n`);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headOnly: boolean): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : body);
}

function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

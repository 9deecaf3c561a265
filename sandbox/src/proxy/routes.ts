// The proxy's routes: the MCP endpoint (into the request path), /health, the RFC 9728 metadata
// documents, CORS preflights, and the resource the proxy advertises. It does not answer failures
// (it throws them) or log; createProxy does both.

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { protectedResourceMetadata, protectedResourceMetadataPaths } from '../auth';
import type { ProtectedResourceMetadata } from '../auth';
import { reachableHost } from '../shared';
import { corsHeaders, corsPreflight, originVerdict } from './cors';
import type { McpRequestDeps, RequestFacts } from './handleMcpRequest';
import { PLAIN_TEXT_HEADERS } from './headerRules';
import type { ResolvedProxyOptions } from './options';
import { ProxyError } from './proxyError';
import type { ProxyStats } from './proxyStats';
import { checkDeclaredLength } from './readBody';

export const HEALTH_PATH = '/health';
const MCP_METHODS = ['GET', 'POST', 'DELETE'];
const MCP_ALLOW = 'GET, POST, DELETE, OPTIONS';
const DOCUMENT_ALLOW = 'GET, HEAD, OPTIONS';

/** What the MCP endpoint runs: `handleMcpRequest`, or the benchmark's pass-through floor. */
export type RequestPath = (
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  requestId: string
) => Promise<RequestFacts>;

/** What the routes are built from, once per proxy. */
export interface RouteParts {
  resolved: ResolvedProxyOptions;
  deps: McpRequestDeps;
  requestPath: RequestPath;
  stats: () => ProxyStats;
  /** The proxy's server: its bound address makes the resource when none is configured. */
  server: Server;
}

export interface Routes {
  /**
   * Answers one request: CORS headers, then its route. Resolves with the request's facts (a
   * failure of the request path in `facts.error`); throws, before anything is sent, a
   * `ProxyError` for a refused origin, a wrong method, an unknown path or a declared oversize.
   */
  route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    requestId: string
  ): Promise<RequestFacts>;
  /** The advertised resource: configured, or derived from the bound address. */
  resourceUrl(): string;
  /** Fixes the advertised resource (and the origins and metadata built on it) once listening. */
  fixResource(): string;
}

/**
 * @example const routes = createRoutes({ resolved, deps, requestPath: handleMcpRequest, stats, server });
 */
export function createRoutes(parts: RouteParts): Routes {
  const { resolved, deps, requestPath, stats } = parts;
  const metadataPaths = protectedResourceMetadataPaths(
    resolved.resourceUrl ?? `http://127.0.0.1${resolved.mcpPath}`
  );
  let resource = resolved.resourceUrl;
  let metadata: ProtectedResourceMetadata | undefined;
  let knownOrigins: string[] | undefined;

  function resourceUrl(): string {
    if (resource !== undefined) return resource;
    const bound = parts.server.address() as AddressInfo | null;
    return `http://${reachableHost(bound?.address ?? '')}:${bound?.port ?? 0}${resolved.mcpPath}`;
  }

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

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    requestId: string
  ): Promise<RequestFacts> {
    const origins = allowedOrigins();
    const origin = req.headers.origin;
    const cors = corsHeaders(origin, origins);
    for (const name in cors) res.setHeader(name, cors[name] as string);
    const method = (req.method ?? 'GET').toUpperCase();
    if (path === resolved.mcpPath) {
      if (method === 'OPTIONS') return preflight(res, origin, origins, MCP_ALLOW, requestId);
      if (originVerdict(origin, origins) === 'forbidden') {
        throw new ProxyError('origin_forbidden', 'Origin not allowed', {
          detail: `Origin ${JSON.stringify(origin?.slice(0, 100))} is not in allowedOrigins`,
        });
      }
      if (!MCP_METHODS.includes(method)) {
        throw new ProxyError('method_not_allowed', 'Method not allowed', { allow: MCP_ALLOW });
      }
      checkDeclaredLength(req.headers['content-length'], resolved.maxBodyBytes);
      return requestPath(req, res, deps, requestId);
    }
    if (path === HEALTH_PATH || metadataPaths.includes(path)) {
      if (method === 'OPTIONS') return preflight(res, origin, origins, DOCUMENT_ALLOW, requestId);
      if (method !== 'GET' && method !== 'HEAD') {
        throw new ProxyError('method_not_allowed', 'Method not allowed', { allow: DOCUMENT_ALLOW });
      }
      const document = path === HEALTH_PATH ? { status: 'ok', ...stats() } : metadataDocument();
      sendJson(res, 200, document, method === 'HEAD');
      return { requestId };
    }
    throw new ProxyError('not_found', 'Not found');
  }

  return {
    route,
    resourceUrl,
    fixResource() {
      resource = resourceUrl();
      return resource;
    },
  };
}

function preflight(
  res: ServerResponse,
  origin: string | undefined,
  origins: string[],
  allow: string,
  requestId: string
): RequestFacts {
  const answer = corsPreflight(origin, origins, allow);
  if (answer.status === 403) {
    res.writeHead(403, { ...PLAIN_TEXT_HEADERS, ...answer.headers });
    res.end(`${answer.body}\n`);
  } else {
    res.writeHead(answer.status, answer.headers).end();
  }
  return { requestId };
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

// The `proxy` link (`--proxy URL`): what an MCP client meets first. Without a token the proxy must
// answer 401 with a Bearer challenge naming its RFC 9728 metadata (ToolHive's OIDC middleware and
// this project's proxy both do), and the metadata must name this URL and the token's issuer. It
// never sends the token.

import { fetchJson, networkReason } from './fetchJson';
import type { Setup } from './readSetup';
import { fail, pass, skip } from './report';
import type { DoctorCheck } from './types';

export interface ProxyCheckContext {
  proxyUrl: string | undefined;
  fetch: typeof globalThis.fetch | undefined;
  timeoutMs: number;
  now: () => Date;
  /** The token's iss, which the metadata's authorization_servers should list. */
  issuer: string | undefined;
  setup: Setup;
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'toolhive-aws-sts-doctor', version: '1.0.0' },
  },
});

const RESOURCE_URL_FIX = (url: string) =>
  `set spec.oidcConfigRef.resourceUrl: ${url} in the MCPRemoteProxy (the URL clients use)`;

/**
 * Sends an unauthenticated MCP initialize and follows the challenge to the metadata.
 * @example await checkProxy({ proxyUrl: 'http://127.0.0.1:4100/mcp', fetch, timeoutMs: 10000, now, issuer, setup })
 */
export async function checkProxy(context: ProxyCheckContext): Promise<DoctorCheck> {
  const { proxyUrl } = context;
  if (proxyUrl === undefined) {
    return skip(
      'proxy',
      'not checked: add --proxy URL (the MCP endpoint clients use, e.g. https://mcp.example.com/mcp)'
    );
  }
  if (context.fetch === undefined) {
    return skip('proxy', 'not checked offline: run doctor from a terminal with --proxy');
  }
  let response: Response;
  try {
    response = await context.fetch(proxyUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: INITIALIZE,
      redirect: 'manual',
      signal: AbortSignal.timeout(context.timeoutMs),
    });
    await response.body?.cancel();
  } catch (error) {
    return fail(
      'proxy',
      `cannot reach ${proxyUrl}: ${networkReason(error, context.timeoutMs)}`,
      'check the URL (the MCP endpoint, usually ending in /mcp), DNS, the Gateway or Ingress, and that the proxy pod is running'
    );
  }
  if (response.status !== 401) {
    return fail('proxy', unexpectedStatus(response.status, proxyUrl), statusFix(response.status));
  }
  const header = response.headers.get('www-authenticate');
  const challenge = header === null ? undefined : parseBearerChallenge(header);
  if (challenge === undefined) {
    return fail(
      'proxy',
      `${proxyUrl} answers 401 without a Bearer challenge${header ? ` (WWW-Authenticate: ${header.slice(0, 120)})` : ''}: MCP clients cannot find where to sign in`,
      RESOURCE_URL_FIX(proxyUrl)
    );
  }
  const metadataUrl = challenge.resource_metadata;
  if (metadataUrl === undefined) {
    return fail(
      'proxy',
      `the 401 challenge of ${proxyUrl} has no resource_metadata: MCP clients cannot discover the authorization server`,
      RESOURCE_URL_FIX(proxyUrl)
    );
  }
  const got = await fetchJson(context.fetch, metadataUrl, context.timeoutMs, context.now);
  if (!got.ok) {
    return fail(
      'proxy',
      `the challenge names ${metadataUrl}, but ${got.reason}`,
      RESOURCE_URL_FIX(proxyUrl)
    );
  }
  const resource = got.body.resource;
  if (typeof resource !== 'string' || !coversUrl(resource, proxyUrl)) {
    return fail(
      'proxy',
      `the metadata at ${metadataUrl} names the resource ${JSON.stringify(resource ?? null)}, not ${proxyUrl}: MCP clients refuse metadata for another resource (RFC 9728)`,
      RESOURCE_URL_FIX(proxyUrl)
    );
  }
  const servers = Array.isArray(got.body.authorization_servers)
    ? got.body.authorization_servers.filter((s): s is string => typeof s === 'string')
    : [];
  if (context.issuer !== undefined && !servers.includes(context.issuer)) {
    return fail(
      'proxy',
      `the metadata lists the authorization servers ${JSON.stringify(servers)}, not this token's iss ${context.issuer}: clients would get tokens the proxy does not accept`,
      `set spec.inline.issuer: ${context.issuer} in the MCPOIDCConfig (or use a token from ${servers[0] ?? 'the listed server'})`
    );
  }
  const realm = challenge.realm !== undefined ? `, realm ${challenge.realm}` : '';
  const configured = context.setup.proxy?.resourceUrl;
  const note =
    configured !== undefined && !coversUrl(configured, proxyUrl)
      ? [
          `the MCPRemoteProxy's resourceUrl is ${configured}, not the URL checked here (${proxyUrl}): fine if this is a local or test proxy, otherwise clients of ${proxyUrl} get metadata for another resource`,
        ]
      : [];
  return pass(
    'proxy',
    `${proxyUrl} answers 401 with a Bearer challenge${realm} naming ${metadataUrl}; the metadata names resource ${resource} and authorization server ${servers.join(', ')}`,
    note
  );
}

function unexpectedStatus(status: number, url: string): string {
  if (status >= 200 && status < 300) {
    return `${url} answered ${status} to a request without a token: it does not require authentication`;
  }
  if (status === 404 || status === 405)
    return `${url} answered ${status}: there is no MCP endpoint at this URL`;
  if (status >= 300 && status < 400) return `${url} redirects (${status}) instead of answering 401`;
  return `${url} answered ${status} to a request without a token, not 401`;
}

function statusFix(status: number): string {
  if (status >= 200 && status < 300) {
    return 'reference an MCPOIDCConfig from the MCPRemoteProxy (spec.oidcConfigRef with audience), so every request needs a token';
  }
  if (status === 404 || status === 405)
    return 'pass the MCP endpoint itself (usually ending in /mcp) to --proxy';
  if (status >= 300 && status < 400) return 'pass the final URL (https, no redirect) to --proxy';
  return 'check the proxy logs (kubectl logs -l app.kubernetes.io/instance=<MCPRemoteProxy name>)';
}

/**
 * The parameters of the Bearer challenge in a WWW-Authenticate header, or undefined without one.
 * @example parseBearerChallenge('Bearer realm="x", resource_metadata="https://h/.well-known/oauth-protected-resource/mcp"')?.resource_metadata
 */
export function parseBearerChallenge(header: string): Record<string, string> | undefined {
  const start = /(?:^|,)\s*Bearer(?:\s+|$)/i.exec(header);
  if (start === null) return undefined;
  const params: Record<string, string> = {};
  const rest = header.slice(start.index + start[0].length);
  const param = /\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/y;
  let match: RegExpExecArray | null;
  while ((match = param.exec(rest)) !== null) {
    const [, name = '', quotedValue, token] = match;
    params[name.toLowerCase()] =
      quotedValue !== undefined ? quotedValue.replace(/\\(.)/g, '$1') : (token ?? '');
    if (param.lastIndex >= rest.length) break;
  }
  return params;
}

/** MCP clients accept metadata whose resource is the URL or a path prefix of it, same origin. */
function coversUrl(resource: string, url: string): boolean {
  try {
    const r = new URL(resource);
    const u = new URL(url);
    if (r.origin !== u.origin) return false;
    const base = r.pathname.endsWith('/') ? r.pathname : `${r.pathname}/`;
    const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
    return path.startsWith(base);
  } catch {
    return false;
  }
}

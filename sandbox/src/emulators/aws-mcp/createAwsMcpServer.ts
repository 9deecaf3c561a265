// Runs the AWS MCP Server emulator: `/mcp` behind SigV4 verification and per-account throttling,
// then stateful MCP sessions with the emulated tools. It issues no credentials (STS emulator does).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { DEFAULT_SERVICE } from '../../config';
import { AwsStsError } from '../../errors';
import { closeServer, listenOn } from '../../http-server';
import { reachableHost } from '../../shared';
import { MAX_SIGNED_BODY_BYTES } from '../../signing';
import type { AccountState } from '../state';
import { registerApiTools } from './apiTools';
import { authenticateRequest } from './authenticate';
import { jsonError, throttledResponse, type AwsErrorResponse } from './awsErrors';
import { DEFAULT_DOCS_DIR, loadDocPages } from './docsLoader';
import type { DocPage } from './docText';
import { DEFAULT_BUCKETS, type FakeBucket } from './fakeS3';
import { createMcpSessions, rpcError } from './mcpSessions';
import { registerKnowledgeTools } from './knowledgeTools';
import { createThrottle, type ThrottleOptions } from './throttle';
import { authInfoFor } from './toolResults';

export const MCP_PATH = '/mcp';

export interface CreateAwsMcpServerOptions {
  /** The account whose STS credentials and roles the emulator trusts. */
  state: AccountState;
  /** The Region the server runs in; requests must be signed for it. Default `us-east-1`. */
  region?: string;
  /** SigV4 service name. Default `aws-mcp`. */
  service?: string;
  /** Where the `docs/**\/*.mdx` pages are read from at start. Default: this repository's `docs/`. */
  docsDir?: string;
  /**
   * Token bucket per account and Region. Default `false`: no throttling, so an interactive
   * session never sees a 429 AWS would not send; `{}` is AWS's documented 3 requests per second.
   */
  throttle?: false | ThrottleOptions;
  /** The clock for SigV4 skew, credential expiry, throttling and `aws:CurrentTime`. */
  now?: () => Date;
  /** Fake S3 data. Default: `example-bucket` and `example-logs`. */
  buckets?: readonly FakeBucket[];
}

export interface AwsMcpServerStats {
  requests: number;
  /** Requests refused by SigV4 authentication, by `x-amzn-ErrorType`. */
  rejected: Record<string, number>;
  throttled: number;
  sessions: number;
  toolCalls: Record<string, number>;
  awsCalls: { allowed: number; denied: number };
}

export interface AwsMcpServerHandle {
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  stats(): AwsMcpServerStats;
}

/**
 * Creates the AWS MCP Server emulator: Streamable HTTP at `/mcp`, every request SigV4-verified
 * (service `aws-mcp`, the Region, 5-minute skew, the STS emulator's session tokens), optionally
 * throttled per account and Region with 429 + Retry-After, tools named as the real server's.
 * @example
 * const mcp = createAwsMcpServer({ state, region: 'us-east-1' });
 * const { url } = await mcp.listen(0, '127.0.0.1'); // http://127.0.0.1:<port>/mcp
 */
export function createAwsMcpServer(options: CreateAwsMcpServerOptions): AwsMcpServerHandle {
  const { state } = options;
  const region = options.region ?? 'us-east-1';
  const service = options.service ?? DEFAULT_SERVICE;
  const now = options.now ?? (() => new Date());
  const buckets = options.buckets ?? DEFAULT_BUCKETS;
  const throttle =
    options.throttle === undefined || options.throttle === false
      ? undefined
      : createThrottle(options.throttle);
  const counters: Omit<AwsMcpServerStats, 'sessions'> = {
    requests: 0,
    rejected: {},
    throttled: 0,
    toolCalls: {},
    awsCalls: { allowed: 0, denied: 0 },
  };
  let pages: readonly DocPage[] = [];
  let server: Server | undefined;

  const buildMcpServer = (): McpServer => {
    const mcp = new McpServer(
      { name: 'aws-mcp-emulator', version: '0.1.0' },
      {
        instructions:
          'Local emulator of the AWS MCP Server for the ToolHive AWS STS sandbox. API tools run a small set of read calls against fake data, authorized by the assumed role’s IAM policies.',
      }
    );
    const onToolCall = (name: string): void => {
      counters.toolCalls[name] = (counters.toolCalls[name] ?? 0) + 1;
    };
    registerKnowledgeTools(mcp, { pages, onToolCall });
    registerApiTools(mcp, {
      region,
      buckets,
      now,
      onToolCall,
      onAwsCall: (result) => {
        if (result.ok) counters.awsCalls.allowed += 1;
        else if (result.errorCode === 'AccessDenied') counters.awsCalls.denied += 1;
      },
    });
    return mcp;
  };
  const sessions = createMcpSessions(buildMcpServer);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.requests += 1;
    const path = (req.url ?? '/').split('?')[0];
    if (path !== MCP_PATH) return send(res, jsonError(404, 'NotFoundException', 'Not Found'));
    const body = await readBody(req);
    if (body === undefined) {
      return send(res, jsonError(413, 'PayloadTooLargeException', 'Request Entity Too Large'));
    }
    const at = now();
    const auth = await authenticateRequest(
      { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
      state,
      { region, service, now: at }
    );
    if (!auth.ok) {
      const type = auth.response.headers['x-amzn-errortype'] ?? auth.code;
      counters.rejected[type] = (counters.rejected[type] ?? 0) + 1;
      return send(res, auth.response);
    }
    const decision = throttle?.take(`${auth.caller.accountId}/${region}`, at.getTime());
    if (decision && !decision.allowed) {
      counters.throttled += 1;
      return send(res, throttledResponse(decision.retryAfterSeconds));
    }
    if (req.method === 'GET') {
      // The real server offers no standalone SSE stream; MCP clients accept 405 here.
      return rpcError(res, 405, -32600, 'HTTP method not supported.');
    }
    if (req.method !== 'POST' && req.method !== 'DELETE') {
      return rpcError(res, 405, -32600, 'HTTP method not supported.');
    }
    let parsed: unknown;
    if (req.method === 'POST') {
      try {
        parsed = JSON.parse(new TextDecoder().decode(body));
      } catch {
        return rpcError(res, 400, -32700, 'Parse error: Invalid JSON');
      }
    }
    await sessions.handle(req, res, authInfoFor(auth.caller), parsed);
  }

  async function listen(port = 0, host = '127.0.0.1'): Promise<{ url: string; port: number }> {
    if (server)
      throw new AwsStsError('INVALID_INPUT', 'the AWS MCP Server emulator is already listening');
    pages = await loadDocPages(options.docsDir ?? DEFAULT_DOCS_DIR);
    const current = createServer((req, res) => {
      serve(req, res).catch(() => {
        if (!res.headersSent) send(res, jsonError(500, 'InternalFailure', 'Internal server error'));
        else res.end();
      });
    });
    server = current;
    const bound = (await listenOn(current, port, host)).port;
    return { url: `http://${reachableHost(host)}:${bound}${MCP_PATH}`, port: bound };
  }

  async function close(): Promise<void> {
    const current = server;
    server = undefined;
    await sessions.closeAll();
    if (current) await closeServer(current);
  }

  return {
    listen,
    close,
    stats: () => ({
      ...counters,
      rejected: { ...counters.rejected },
      toolCalls: { ...counters.toolCalls },
      awsCalls: { ...counters.awsCalls },
      sessions: sessions.size,
    }),
  };
}

function send(res: ServerResponse, response: AwsErrorResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

/** The whole body, or undefined when it exceeds the 10 MiB that ToolHive signs at most. */
async function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_SIGNED_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

// Stateful MCP sessions over Streamable HTTP: one McpServer and transport per `Mcp-Session-Id`,
// created by `initialize`, ended by DELETE or close. It does not authenticate or throttle.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

export interface McpSessions {
  /** Routes one authenticated POST (with its parsed JSON body) or DELETE to its session. */
  handle(req: IncomingMessage, res: ServerResponse, auth: AuthInfo, body?: unknown): Promise<void>;
  /** Open sessions. */
  readonly size: number;
  closeAll(): Promise<void>;
}

/**
 * A session registry; `createServer` builds the tools of one session.
 * @example const sessions = createMcpSessions(() => buildMcpServer(deps));
 */
export function createMcpSessions(createServer: () => McpServer): McpSessions {
  const sessions = new Map<
    string,
    { transport: StreamableHTTPServerTransport; server: McpServer }
  >();

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    auth: AuthInfo,
    body?: unknown
  ): Promise<void> {
    const header = req.headers['mcp-session-id'];
    const sessionId = Array.isArray(header) ? header[0] : header;
    (req as IncomingMessage & { auth?: AuthInfo }).auth = auth;
    if (sessionId !== undefined) {
      const session = sessions.get(sessionId);
      if (!session) {
        rpcError(res, 404, -32001, 'Session not found');
        return;
      }
      await session.transport.handleRequest(req, res, body);
      return;
    }
    const initializing = Array.isArray(body)
      ? body.some(isInitializeRequest)
      : isInitializeRequest(body);
    if (req.method !== 'POST' || !initializing) {
      rpcError(res, 400, -32000, 'Bad Request: No valid session ID provided');
      return;
    }
    const server = createServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, server });
      },
      onsessionclosed: (id) => {
        sessions.delete(id);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async function closeAll(): Promise<void> {
    const open = [...sessions.values()];
    sessions.clear();
    await Promise.allSettled(open.map(({ server }) => server.close()));
  }

  return {
    handle,
    get size() {
      return sessions.size;
    },
    closeAll,
  };
}

/**
 * A JSON-RPC error answer outside any session (the SDK's own wording).
 * @example rpcError(res, 405, -32600, 'HTTP method not supported.')
 */
export function rpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

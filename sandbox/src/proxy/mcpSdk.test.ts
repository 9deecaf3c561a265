// End to end with the official MCP TypeScript SDK on both sides: Client + Streamable HTTP client
// transport → proxy → a stateful McpServer behind a SigV4-verifying wrapper.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { startHarness } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

let h: Harness;
const sessions = new Map<string, StreamableHTTPServerTransport>();
const closedSessions: string[] = [];
/** What the client received from the proxy, per request, in order. */
const responses: { method: string; status: number; contentType: string }[] = [];

/** The client transport's fetch, recording each response it gets from the proxy. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  responses.push({
    method: init?.method ?? 'GET',
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
  });
  return response;
};

function mcpServer(): McpServer {
  const server = new McpServer({ name: 'aws-mcp-emulator', version: '1.0.0' });
  server.registerTool(
    'count',
    {
      description: 'Counts to n, reporting progress on the way',
      inputSchema: { to: z.number().int().min(1).max(10) },
    },
    async ({ to }, extra) => {
      const progressToken = extra._meta?.progressToken;
      for (let i = 1; i <= to; i++) {
        if (progressToken !== undefined) {
          await extra.sendNotification({
            method: 'notifications/progress',
            params: { progressToken, progress: i, total: to },
          });
        }
      }
      return { content: [{ type: 'text', text: `counted to ${to}` }] };
    }
  );
  return server;
}

before(async () => {
  h = await startHarness();
  h.upstream.handler = async (req, res, seen) => {
    const body: unknown =
      seen.body.byteLength > 0 ? JSON.parse(seen.body.toString('utf8')) : undefined;
    const sessionId = req.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (transport === undefined) {
      if (sessionId !== undefined || req.method !== 'POST' || !isInitializeRequest(body)) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            jsonrpc: '2.0',
            error: { code: -32001, message: 'Session not found' },
            id: null,
          })
        );
        return;
      }
      const created: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void sessions.set(id, created),
        onsessionclosed: (id) => {
          sessions.delete(id);
          closedSessions.push(id);
        },
      });
      transport = created;
      await mcpServer().connect(created);
    }
    await transport.handleRequest(req, res, body);
  };
});
after(async () => {
  await Promise.all([...sessions.values()].map((t) => t.close()));
  await h.close();
});

describe('MCP SDK client → proxy → MCP SDK server', () => {
  it('initialize, tools/list, a streamed tools/call, session id round trip, DELETE ends the session', async () => {
    const token = await h.token({ sub: 'mcp-user', groups: ['s3-readers'] });
    const first = h.upstream.received.length;
    const transport = new StreamableHTTPClientTransport(new URL(h.url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
      fetch: recordingFetch,
    });
    const client = new Client({ name: 'e2e-client', version: '1.0.0' });
    await client.connect(transport);

    const sessionId = transport.sessionId;
    assert.ok(sessionId, 'the client learned a session id through the proxy');
    assert.ok(sessions.has(sessionId), 'it is the id the upstream server generated');

    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ['count']
    );

    const progress: number[] = [];
    const result = await client.callTool({ name: 'count', arguments: { to: 3 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    assert.deepEqual(result.content, [{ type: 'text', text: 'counted to 3' }]);
    assert.deepEqual(progress, [1, 2, 3], 'progress notifications streamed through over SSE');
    assert.ok(
      responses.some((r) => r.method === 'POST' && r.contentType === 'text/event-stream'),
      'at least one POST was answered with an SSE stream, relayed as one'
    );

    await transport.terminateSession();
    assert.ok(closedSessions.includes(sessionId), 'DELETE through the proxy ended the session');
    await client.close();

    const seen = h.upstream.received.slice(first);
    assert.ok(seen.length >= 5, `upstream saw ${seen.length} requests`);
    for (const request of seen) {
      assert.equal(request.signature.ok, true, `${request.method} signature`);
      assert.ok(!JSON.stringify(request.headers).includes(token), 'no bearer token upstream');
    }
    const afterInit = seen.slice(1);
    for (const request of afterInit) {
      assert.equal(
        request.headers['mcp-session-id'],
        sessionId,
        `${request.method} carried the session id`
      );
      assert.ok(
        request.headers['mcp-protocol-version'],
        `${request.method} carried MCP-Protocol-Version`
      );
    }
    const deletes = seen.filter((r) => r.method === 'DELETE');
    assert.equal(deletes.length, 1);
    assert.equal(
      h.sts.calls.filter((c) => c.roleSessionName === 'mcp-user').length,
      1,
      'one STS call for the whole session'
    );

    const stale = await fetch(h.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': sessionId,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    assert.equal(stale.status, 404, 'the ended session is gone upstream, and the 404 is relayed');
    await stale.body?.cancel();
  });

  it('a client without a token gets 401 from the proxy, and the SDK reports it', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(h.url));
    const client = new Client({ name: 'e2e-client', version: '1.0.0' });
    const before = h.upstream.received.length;
    await assert.rejects(
      client.connect(transport),
      (e: unknown) => (e as { code?: number }).code === 401
    );
    assert.equal(h.upstream.received.length, before);
    await client.close();
  });
});

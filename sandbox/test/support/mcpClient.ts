// Test support for end-to-end tests through the proxy: an MCP SDK client with a bearer token,
// a tool result's text, and the tutorial's example scripts. Tests only.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** A connected MCP client that sends `Authorization: Bearer <token>` on every request. */
export async function connectWithToken(
  proxyUrl: string,
  token: string,
  options: { fetch?: typeof fetch } = {}
): Promise<Client> {
  const client = new Client({ name: 'replica-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(proxyUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  await client.connect(transport);
  return client;
}

/** An MCP `initialize` request body (JSON-RPC), as a client's first message. */
export const INITIALIZE_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'test', version: '1.0.0' },
  },
});

/**
 * A raw MCP `initialize` POST to `url`, with `Authorization: Bearer <token>` when a token is
 * given: for tests of what the proxy or an emulator answers before any MCP session exists.
 * @example assert.equal((await postInitialize(replica.urls.proxy, token)).status, 200);
 */
export function postInitialize(url: string, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
    },
    body: INITIALIZE_BODY,
  });
}

/** The text of a tool result and whether the tool reported an error. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>
): Promise<{ text: string; isError: boolean }> {
  const result = await client.callTool({ name, arguments: args });
  const content = (result.content ?? []) as { type: string; text?: string }[];
  return {
    text: content.map((part) => part.text ?? '').join('\n'),
    isError: result.isError === true,
  };
}

/** The tutorial's call-whoami.json and call-list-buckets.json code, and a listing of example-bucket. */
export const SCRIPTS = {
  whoami:
    "r = await call_boto3(service_name='sts', operation_name='GetCallerIdentity', region_name='us-east-1')\nprint(r['Arn'])",
  listBuckets:
    "r = await call_boto3(service_name='s3', operation_name='ListBuckets', region_name='us-east-1')\nprint([b['Name'] for b in r['Buckets']])",
} as const;

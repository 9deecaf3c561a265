// Throttling in the replica, with the official MCP SDK client through the proxy: by default two
// users' interactive sessions are never refused; with AWS's documented rate on (`--throttle`), a
// burst is answered 429 with Retry-After.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getAccessToken } from '../emulators/oidc';
import { startReplica, type Replica } from './startReplica';
import { callTool, connectWithToken, SCRIPTS } from '../../test/support/mcpClient';

/** Records every HTTP answer's status (and Retry-After of a 429) the clients got. */
function recordingFetch(statuses: number[], retryAfter: string[] = []): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    if (response.status === 429) retryAfter.push(response.headers.get('retry-after') ?? '');
    return response;
  };
}

describe('default: no throttling an interactive session would meet', () => {
  let replica: Replica;
  const clients: Client[] = [];
  before(async () => {
    replica = await startReplica({ port: 0 });
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await replica.close();
  });

  it('two users, each initialize + tools/list + six tool calls at once: no 429', async () => {
    assert.equal(replica.throttle, false);
    const statuses: number[] = [];
    const users = ['alice', 'bob'];
    const sessions = await Promise.all(
      users.map(async (user) => {
        const token = await getAccessToken({ issuer: replica.urls.issuer, user });
        const client = await connectWithToken(replica.urls.proxy, token, {
          fetch: recordingFetch(statuses),
        });
        clients.push(client);
        return client;
      })
    );
    const results = await Promise.all(
      sessions.map(async (client) => {
        const { tools } = await client.listTools();
        assert.ok(tools.some((tool) => tool.name === 'aws___run_script'));
        return Promise.all([
          callTool(client, 'aws___run_script', { code: SCRIPTS.whoami }),
          callTool(client, 'aws___run_script', { code: SCRIPTS.listBuckets }),
          callTool(client, 'aws___list_regions', {}),
          callTool(client, 'aws___search_documentation', { search_phrase: 'session name' }),
          callTool(client, 'aws___run_script', { code: SCRIPTS.whoami }),
          callTool(client, 'aws___list_regions', {}),
        ]);
      })
    );
    assert.equal(results.flat().length, 12, 'a dozen tool calls');
    assert.match(results[0]?.[0]?.text ?? '', /S3ReadOnlyMCPRole\/alice/);
    assert.match(results[1]?.[0]?.text ?? '', /DefaultMCPRole\/bob/);
    assert.ok(statuses.length >= 20, `the sessions made ${statuses.length} HTTP requests`);
    assert.ok(!statuses.includes(429), `statuses: ${statuses.join(', ')}`);
  });
});

describe("--throttle: AWS's documented 3 requests per second per account and Region", () => {
  let replica: Replica;
  let client: Client;
  const statuses: number[] = [];
  const retryAfter: string[] = [];
  before(async () => {
    replica = await startReplica({ port: 0, throttle: {} });
  });
  after(async () => {
    await client.close().catch(() => undefined);
    await replica.close();
  });

  it('a burst of tool calls gets 429 with Retry-After', async () => {
    assert.equal(replica.throttle, true);
    const token = await getAccessToken({ issuer: replica.urls.issuer, user: 'alice' });
    // Connecting alone is three requests (initialize, initialized, the SSE GET): wait a second
    // so that the burst starts from a full bucket.
    client = await connectWithToken(replica.urls.proxy, token, {
      fetch: recordingFetch(statuses, retryAfter),
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => callTool(client, 'aws___list_regions', {}))
    );
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    assert.ok(statuses.includes(429), `statuses: ${statuses.join(', ')}`);
    assert.ok(
      retryAfter.every((value) => /^[1-9]\d*$/.test(value)),
      retryAfter.join(', ')
    );
    assert.ok(refused.length >= 1, 'the SDK surfaces the 429 as an error');
    assert.match(String((refused[0] as PromiseRejectedResult).reason), /429|Rate exceeded/);
  });
});

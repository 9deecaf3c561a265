// Load through the whole path: 20,000 requests on 100 connections, a skewed mix of 40 users and
// some bad tokens, through the proxy (small cache) to the STS emulator and the AWS MCP Server
// emulator (in a child process). No 5xx, bad tokens refused, every caller sees its own identity.

import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestIssuer } from '../support/testIssuer';
import type { TestIssuer } from '../support/testIssuer';
import { createProxy } from '../../src/proxy/createProxy';
import type { Proxy } from '../../src/proxy/createProxy';
import { createProxyLogger } from '../../src/proxy/logger';
import { TEST_AUDIENCE, TEST_CONFIG } from '../support/proxyHarness';
import { badTokens, ROLES, userClaims } from './tokens';
import { startAwsSide } from './awsSide';
import type { AwsSide } from './awsSide';
import { connectionsOf, eventually, send } from './kit';

const REQUESTS = 20_000;
const CONNECTIONS = 100;
const USERS = 40;
const CACHE_ENTRIES = 16;

let issuer: TestIssuer;
let aws: AwsSide;
let proxy: Proxy;
let url: string;
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

before(async () => {
  issuer = await startTestIssuer({ issuerPath: '/oauth2/default' });
  await issuer.addKey('k1');
  aws = await startAwsSide(issuer.issuer);
  proxy = createProxy({
    config: TEST_CONFIG,
    upstreamUrl: aws.mcpUrl,
    issuer: issuer.issuer,
    audience: TEST_AUDIENCE,
    stsEndpoint: aws.stsEndpoint,
    cache: { maxEntries: CACHE_ENTRIES },
    logger: createProxyLogger({ level: 'silent' }),
  });
  ({ url } = await proxy.listen(0, '127.0.0.1'));
});
after(async () => {
  agent.destroy();
  await proxy.close();
  await Promise.all([aws.close(), issuer.close()]);
});

const mcpHeaders = (sessionId?: string): Record<string, string> => ({
  'mcp-protocol-version': '2025-06-18',
  ...(sessionId === undefined ? {} : { 'mcp-session-id': sessionId }),
});

/** A deterministic stream of numbers in [0, 1), so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('load', () => {
  it(
    `${REQUESTS} requests, ${CONNECTIONS} connections, ${USERS} users, cache of ${CACHE_ENTRIES}`,
    { timeout: 180_000 },
    async () => {
      const users = await Promise.all(
        Array.from({ length: USERS }, async (_, i) => {
          const claims = userClaims(issuer, i);
          return { claims, token: await issuer.sign(claims, 'k1'), sessionId: '' };
        })
      );
      const bad = await badTokens(issuer, 'k1');
      // One MCP session per user, opened through the proxy like a client would.
      for (const user of users) {
        const opened = await send(url, {
          agent,
          token: user.token,
          headers: mcpHeaders(),
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 0,
            method: 'initialize',
            params: {
              protocolVersion: '2025-06-18',
              capabilities: {},
              clientInfo: { name: 'load', version: '1' },
            },
          }),
        });
        assert.equal(opened.status, 200, opened.body);
        user.sessionId = String(opened.headers['mcp-session-id']);
        const ready = await send(url, {
          agent,
          token: user.token,
          headers: mcpHeaders(user.sessionId),
          body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
        });
        assert.equal(ready.status, 202, ready.body);
      }

      const next = random(7);
      const outcomes = { good: 0, bad: 0, refused: 0, serverErrors: 0, identities: 0 };
      const unexpected: string[] = [];
      let maxCache = 0;
      let whoAmIs = 0;
      let issued = 0;
      const started = Date.now();
      const worker = async (): Promise<void> => {
        while (issued < REQUESTS) {
          const n = issued++;
          if (n % 20 === 10) {
            const answer = await send(url, { agent, token: bad[n % bad.length] });
            outcomes.bad++;
            if (answer.status === 401) outcomes.refused++;
            else unexpected.push(`bad token ${n % bad.length} → ${answer.status}`);
            if (answer.status >= 500) outcomes.serverErrors++;
            continue;
          }
          // Skewed like real traffic: most requests from a few busy users.
          const index = Math.floor(next() < 0.85 ? next() * 8 : next() * USERS);
          const user = users[index];
          if (user === undefined) continue;
          const whoAmI = n % 10 === 0;
          if (whoAmI) whoAmIs++;
          const answer = await send(url, {
            agent,
            token: user.token,
            headers: mcpHeaders(user.sessionId),
            body: whoAmI
              ? JSON.stringify({
                  jsonrpc: '2.0',
                  id: n,
                  method: 'tools/call',
                  params: {
                    name: 'aws___call_aws',
                    arguments: { cli_command: 'aws sts get-caller-identity' },
                  },
                })
              : `{"jsonrpc":"2.0","id":${n},"method":"ping"}`,
          });
          outcomes.good++;
          if (answer.status >= 500) outcomes.serverErrors++;
          if (answer.status !== 200) {
            unexpected.push(`${user.claims.sub} → ${answer.status} ${answer.body.slice(0, 120)}`);
          } else if (whoAmI) {
            const role = user.claims.groups.includes('admins') ? ROLES.admin : ROLES.reader;
            const own = `assumed-role/${role}/${user.claims.sub}\\"`;
            if (answer.body.includes(own)) outcomes.identities++;
            else unexpected.push(`${user.claims.sub} saw ${answer.body.slice(0, 200)}`);
          }
          if (n % 500 === 0) {
            const stats = proxy.stats();
            maxCache = Math.max(maxCache, stats.cache.size, stats.verifiedTokens.size);
          }
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, worker));
      const seconds = (Date.now() - started) / 1000;

      const stats = proxy.stats();
      maxCache = Math.max(maxCache, stats.cache.size, stats.verifiedTokens.size);
      assert.deepEqual(unexpected.slice(0, 5), [], `${unexpected.length} unexpected answers`);
      assert.equal(outcomes.good + outcomes.bad, REQUESTS);
      assert.equal(outcomes.serverErrors, 0);
      assert.equal(outcomes.refused, outcomes.bad, 'every bad token refused');
      assert.equal(outcomes.identities, whoAmIs, 'every caller saw its own identity');
      assert.ok(whoAmIs > 0);
      assert.ok(maxCache <= CACHE_ENTRIES, `cache held ${maxCache} > ${CACHE_ENTRIES}`);
      assert.ok(stats.cache.evictions > 0, 'the run went through more users than the cache holds');
      const side = await aws.stats();
      assert.deepEqual(side.mcp.rejected, {}, 'every forwarded request was signed correctly');
      assert.equal(stats.stsCalls, side.sts.calls);
      agent.destroy();
      assert.equal(
        await eventually(
          () => connectionsOf(proxy.server),
          (n) => n === 0
        ),
        0
      );
      assert.equal(stats.inFlight, 0);
      // Seen in the test log, not asserted: a timing assertion would be flaky.
      console.log(
        `load: ${REQUESTS} requests in ${seconds.toFixed(1)} s, ${stats.stsCalls} STS calls, ` +
          `${stats.cache.evictions} evictions, hit rate ${stats.cacheHitRate.toFixed(3)}`
      );
    }
  );
});

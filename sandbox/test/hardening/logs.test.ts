// The proxy's logs under attack and faults, at the most verbose level, written by pino into a
// buffer: no line may contain a bearer token (or a part of one), a secret key or a session token.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { base64url } from 'jose';
import { createProxyLogger } from '../../src/proxy/logger';
import { startHarness } from '../support/proxyHarness';
import type { Harness } from '../support/proxyHarness';
import { stsErrorResponse } from '../support/stsResponses';
import { send, signRaw, switchablePort } from './kit';
import type { SwitchablePort } from './kit';

const lines: string[] = [];
let h: Harness;
let url: string;
let sts: SwitchablePort;
const tokens: string[] = [];

before(async () => {
  h = await startHarness({
    logger: createProxyLogger({ level: 'trace', destination: { write: (l) => lines.push(l) } }),
  });
  sts = await switchablePort(h.sts.endpoint);
  ({ url } = await h.extraProxy({ stsEndpoint: `${sts.origin}/`, stsTimeoutMs: 300 }));
});
after(async () => {
  await h.close();
  await sts.close();
});

const now = (): number => Math.floor(Date.now() / 1000);
let serial = 0;
/** A token to send, remembered for the scan. */
async function remember(token: Promise<string> | string): Promise<string> {
  const value = await token;
  tokens.push(value);
  return value;
}
const user = (extra: Record<string, unknown> = {}) =>
  remember(h.token({ sub: `log-user-${++serial}`, ...extra }));

describe('logs', () => {
  before(async () => {
    // Good requests, several users, cache hits and misses.
    for (let i = 0; i < 3; i++) {
      const token = await user();
      for (let j = 0; j < 2; j++) assert.equal((await send(url, { token })).status, 200);
    }
    // Refused tokens.
    const claims = {
      iss: h.issuer.issuer,
      aud: 'toolhive-aws',
      sub: 'mallory',
      groups: ['admins'],
      exp: now() + 600,
    };
    const good = await user();
    const [header, , signature] = good.split('.');
    const refused = [
      await user({ iat: now() - 7200, exp: now() - 3600 }),
      await user({ aud: 'another-api' }),
      await user({ groups: ['nobody'] }), // 403: no role
      await user({ sub: 'auth0|mallory' }), // 401: invalid session name
      `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`,
      `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(claims))}.`,
      await signRaw(h.issuer, 'k1', `${JSON.stringify(claims).slice(0, -1)},"sub":"bob"}`),
      await signRaw(
        h.issuer,
        'k1',
        `${JSON.stringify(claims).slice(0, -1)},"d":${'['.repeat(40)}${']'.repeat(40)}}`
      ),
      await signRaw(
        h.issuer,
        'k1',
        JSON.stringify(claims),
        '{"alg":"RS256","kid":"k1","crit":["x-must"],"x-must":1}'
      ),
      await h.token(claims, { kid: 'no-such-key' }),
    ];
    for (const token of refused) {
      tokens.push(token);
      const status = (await send(url, { token })).status;
      assert.ok(status === 401 || status === 403, `status ${status}`);
    }
    // STS failures whose messages quote the token (AWS does), and transport faults.
    const stsFaults: [string, () => void | Promise<void>, () => void | Promise<void>][] = [
      [
        'InvalidIdentityToken quoting the token',
        () =>
          void (h.sts.respond = (call) =>
            stsErrorResponse(
              'InvalidIdentityToken',
              400,
              `Couldn't verify ${call.webIdentityToken}`
            )),
        () => void (h.sts.respond = undefined),
      ],
      [
        'malformed XML echoing the token',
        () =>
          void (h.sts.respond = (call) =>
            new Response(`<Broken token="${call.webIdentityToken}"`, { status: 200 })),
        () => void (h.sts.respond = undefined),
      ],
      [
        'throttling',
        () => void (h.sts.respond = () => stsErrorResponse('Throttling', 400, 'Rate exceeded')),
        () => void (h.sts.respond = undefined),
      ],
      ['unreachable', () => sts.off(), () => sts.on()],
    ];
    for (const [name, inject, clear] of stsFaults) {
      await inject();
      const status = (await send(url, { token: await user() })).status;
      await clear();
      assert.ok(status >= 401 && status <= 503, `${name}: ${status}`);
    }
    // Upstream: 429, a broken stream, a client that leaves mid-stream.
    const defaultHandler = h.upstream.handler;
    h.upstream.handler = (_req, res) => {
      res.writeHead(429, { 'retry-after': '1' }).end('{"message":"Rate exceeded"}');
    };
    assert.equal((await send(url, { token: await user() })).status, 429);
    h.upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {}\n\n', () => res.socket?.destroy());
    };
    await send(url, { token: await user() });
    h.upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {}\n\n');
    };
    const leaving = await user();
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${leaving}` },
      });
      req.on('response', (res) => res.once('data', () => (req.destroy(), resolve())));
      req.on('error', () => resolve());
      req.end('{}');
    });
    h.upstream.handler = defaultHandler;
    assert.equal((await send(url, { token: await user() })).status, 200);
  });

  it('were written: one line per request at least, failures included', () => {
    const requestLines = lines.filter((line) => line.includes('"msg":"request'));
    assert.ok(requestLines.length >= 20, `${requestLines.length} request lines`);
    assert.ok(lines.some((line) => line.includes('"stage":"sts"')));
    assert.ok(lines.some((line) => line.includes('"stage":"auth"')));
  });

  it('contain no bearer token, no part of one, no secret key and no session token', () => {
    const secrets: string[] = [];
    for (const token of tokens) {
      secrets.push(token);
      // Every part long enough to be recognisable: payload and signature of each token.
      for (const part of token.split('.')) if (part.length >= 16) secrets.push(part);
    }
    for (const issued of h.sts.issued.values()) {
      secrets.push(issued.secretAccessKey);
      if (issued.sessionToken) secrets.push(issued.sessionToken);
    }
    assert.ok(h.sts.issued.size >= 3, 'credentials were issued, so there was something to leak');
    const headerParts = new Set(tokens.map((t) => t.split('.')[0]));
    const leaks: string[] = [];
    for (const line of lines) {
      for (const secret of secrets) {
        // A token's header ({"alg":"RS256","kid":"k1"}) is the same for everyone and not secret.
        if (headerParts.has(secret)) continue;
        if (line.includes(secret)) leaks.push(`${secret.slice(0, 12)}… in ${line.slice(0, 160)}`);
      }
    }
    assert.deepEqual(leaks, []);
  });
});

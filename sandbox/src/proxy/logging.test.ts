// The proxy's pino output for good and bad requests: one request line each with the useful
// fields, and never a token, a secret access key or a session token anywhere.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { stsErrorResponse } from '../../test/support/stsResponses';
import { createProxyLogger } from './logger';
import { roleArn, startHarness } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

const lines: string[] = [];
const capture = { write: (line: string) => void lines.push(line) };
let h: Harness;
before(async () => {
  h = await startHarness({ logger: createProxyLogger({ level: 'debug', destination: capture }) });
});
after(() => h.close());

interface RequestLine {
  level: number;
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  roleArn?: string;
  sessionName?: string;
  cache?: string;
  upstreamStatus?: number;
  failure?: { stage: string; reason?: string; sts?: { code: string; message?: string } };
}

const requestLines = (): RequestLine[] =>
  lines.map((line) => JSON.parse(line) as RequestLine).filter((line) => line.msg === 'request');

async function post(token: string | undefined, requestId: string): Promise<number> {
  const res = await fetch(h.url, {
    method: 'POST',
    headers: {
      'x-request-id': requestId,
      'x-forwarded-for': '203.0.113.9',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
  });
  await res.body?.cancel();
  return res.status;
}

describe('logs', () => {
  const tokens: string[] = [];
  const now = Math.floor(Date.now() / 1000);

  before(async () => {
    const good = await h.token();
    tokens.push(good);
    assert.equal(await post(good, 'good-1'), 200);
    assert.equal(await post(good, 'good-2'), 200);
    assert.equal(await post(undefined, 'no-token'), 401);
    const expired = await h.token({ iat: now - 7200, exp: now - 3600 });
    tokens.push(expired);
    assert.equal(await post(expired, 'expired'), 401);
    const noRole = await h.token({ groups: ['nobody'] });
    tokens.push(noRole);
    assert.equal(await post(noRole, 'no-role'), 403);
    const badSession = await h.token({ sub: 'auth0|user' });
    tokens.push(badSession);
    assert.equal(await post(badSession, 'bad-session'), 401);

    const refused = await h.token({ sub: 'refused-user' });
    tokens.push(refused);
    // AWS's message quotes the token here; it must be scrubbed before it reaches the log.
    h.sts.respond = (call) =>
      stsErrorResponse('InvalidIdentityToken', 400, `Couldn't verify ${call.webIdentityToken}`);
    assert.equal(await post(refused, 'sts-refused'), 401);
    h.sts.respond = () =>
      stsErrorResponse(
        'AccessDenied',
        403,
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      );
    assert.equal(await post(refused, 'sts-denied'), 403);
    h.sts.respond = undefined;

    h.upstream.handler = (_req, res) => void res.writeHead(500).end('upstream failed');
    const upstreamFails = await h.token({ sub: 'upstream-user' });
    tokens.push(upstreamFails);
    assert.equal(await post(upstreamFails, 'upstream-500'), 500);
  });

  it('no token, secret access key or session token appears anywhere in the output', () => {
    const output = lines.join('');
    assert.ok(lines.length >= 9);
    const secrets = [
      ...tokens,
      ...tokens.map((t) => t.split('.')[2] ?? ''), // the signature part alone
      ...[...h.sts.issued.values()].flatMap((c) => [c.secretAccessKey, c.sessionToken ?? '']),
    ];
    assert.ok(secrets.length > tokens.length * 2);
    for (const secret of secrets)
      assert.ok(!output.includes(secret), 'a secret leaked into the log');
    assert.ok(!/bearer/i.test(output));
    assert.ok(!output.includes('203.0.113.9'), 'headers are not logged');
  });

  it('one info line per request, with role, session name, cache outcome and request id', () => {
    const byId = new Map(requestLines().map((line) => [line.requestId, line]));
    const first = byId.get('good-1');
    const second = byId.get('good-2');
    for (const line of [first, second]) {
      assert.equal(line?.level, 30);
      assert.equal(line?.method, 'POST');
      assert.equal(line?.path, '/mcp');
      assert.equal(line?.status, 200);
      assert.equal(line?.upstreamStatus, 200);
      assert.equal(line?.roleArn, roleArn('S3ReadOnlyMCPRole'));
      assert.equal(line?.sessionName, 'alice');
      assert.equal(typeof line?.durationMs, 'number');
    }
    assert.equal(first?.cache, 'miss');
    assert.equal(second?.cache, 'hit');
  });

  it('failures say which step failed and why, in words an operator can use', () => {
    const byId = new Map(requestLines().map((line) => [line.requestId, line]));
    assert.deepEqual(byId.get('no-token')?.failure, { stage: 'auth', reason: 'missing' });
    assert.equal(byId.get('expired')?.failure?.stage, 'auth');
    assert.equal(byId.get('expired')?.failure?.reason, 'expired');
    assert.equal(byId.get('no-role')?.failure?.stage, 'role');
    assert.equal(byId.get('bad-session')?.failure?.stage, 'session');
    const refused = byId.get('sts-refused');
    assert.equal(refused?.level, 30, 'STS failures are logged at info');
    assert.equal(refused?.failure?.stage, 'sts');
    assert.equal(refused?.failure?.sts?.code, 'InvalidIdentityToken');
    assert.match(refused?.failure?.sts?.message ?? '', /Couldn't verify \[REDACTED\]/);
    assert.equal(byId.get('sts-denied')?.failure?.sts?.code, 'AccessDenied');
    assert.equal(byId.get('upstream-500')?.status, 500);
    assert.equal(
      byId.get('upstream-500')?.failure,
      undefined,
      'an upstream 500 is relayed, not a proxy failure'
    );
  });

  it('pino redaction hides authorization headers and credential fields if anything logs them', () => {
    const out: string[] = [];
    const logger = createProxyLogger({ destination: { write: (l: string) => void out.push(l) } });
    logger.info({
      req: { headers: { authorization: 'Bearer secret-token', accept: 'x' } },
      credentials: {
        accessKeyId: 'ASIAX',
        secretAccessKey: 'secret-key',
        sessionToken: 'secret-session',
      },
      token: 'secret-token',
    });
    const line = JSON.parse(out[0] ?? '{}') as {
      req: { headers: Record<string, string> };
      credentials: Record<string, string>;
      token: string;
    };
    assert.equal(line.req.headers.authorization, '[REDACTED]');
    assert.equal(line.req.headers.accept, 'x');
    assert.equal(line.credentials.secretAccessKey, '[REDACTED]');
    assert.equal(line.credentials.sessionToken, '[REDACTED]');
    assert.equal(line.credentials.accessKeyId, 'ASIAX');
    assert.equal(line.token, '[REDACTED]');
  });
});

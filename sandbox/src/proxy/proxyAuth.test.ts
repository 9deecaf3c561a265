// The request path up to STS over real sockets: a local OIDC issuer, an STS stub answering STS's
// XML and a SigV4-verifying upstream. Token, role, session and STS failures, body limit, cache.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { SignJWT, base64url } from 'jose';
import { startTestIssuer } from '../../test/support/testIssuer';
import { stsErrorResponse } from '../../test/support/stsResponses';
import { TOOLHIVE_BODIES } from './errorResponses';
import { roleArn, startHarness } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

let h: Harness;
before(async () => {
  h = await startHarness();
  await h.issuer.addKey('ps', { alg: 'PS256' });
  await h.issuer.addKey('unpublished', { alg: 'RS256', publish: false });
});
after(() => h.close());

const now = () => Math.floor(Date.now() / 1000);
const metadataUrl = () => `${new URL(h.url).origin}/.well-known/oauth-protected-resource/mcp`;

function post(url: string, token?: string, body = '{"jsonrpc":"2.0","id":1,"method":"ping"}') {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  });
}

/** Counts of STS calls and upstream requests, to assert that a refusal cost nothing. */
function spent() {
  return { sts: h.sts.calls.length, upstream: h.upstream.received.length };
}

describe('bearer token failures → 401 with a challenge and zero STS calls', () => {
  const badTokens: { name: string; token: () => Promise<string>; description: RegExp }[] = [
    {
      name: 'expired',
      token: () => h.token({ iat: now() - 7200, exp: now() - 3600 }),
      description: /expired/,
    },
    {
      name: 'wrong issuer',
      token: () => h.token({ iss: 'https://evil.example.com/oauth2/default' }),
      description: /iss/,
    },
    { name: 'wrong audience', token: () => h.token({ aud: 'someone-else' }), description: /aud/ },
    {
      name: 'alg none',
      token: async () => {
        const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
        const payload = base64url.encode(
          JSON.stringify({
            iss: h.issuer.issuer,
            aud: 'toolhive-aws',
            sub: 'alice',
            exp: now() + 600,
          })
        );
        return `${header}.${payload}.`;
      },
      description: /algorithm/,
    },
    {
      name: 'HS256 (symmetric)',
      token: () =>
        new SignJWT({ iss: h.issuer.issuer, aud: 'toolhive-aws', sub: 'alice', exp: now() + 600 })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode('a-shared-secret-of-sufficient-length!')),
      description: /algorithm/,
    },
    {
      name: 'PS256 (valid signature, but STS does not accept PS*)',
      token: () =>
        h.issuer.sign(
          {
            iss: h.issuer.issuer,
            aud: 'toolhive-aws',
            sub: 'alice',
            groups: ['s3-readers'],
            exp: now() + 600,
          },
          'ps'
        ),
      description: /algorithm/,
    },
    {
      name: 'tampered payload',
      token: async () => {
        const [header, , signature] = (await h.token()).split('.');
        const payload = base64url.encode(
          JSON.stringify({
            iss: h.issuer.issuer,
            aud: 'toolhive-aws',
            sub: 'alice',
            groups: ['admins'],
            exp: now() + 600,
          })
        );
        return `${header}.${payload}.${signature}`;
      },
      description: /signature/,
    },
    {
      name: 'signed by a key the issuer does not publish',
      token: () =>
        h.issuer.sign(
          { iss: h.issuer.issuer, aud: 'toolhive-aws', sub: 'alice', exp: now() + 600 },
          'unpublished'
        ),
      description: /key/,
    },
    { name: 'malformed', token: async () => 'not-a-jwt', description: /well-formed|JWT/ },
    {
      name: 'no exp',
      token: () => h.issuer.sign({ iss: h.issuer.issuer, aud: 'toolhive-aws', sub: 'alice' }, 'k1'),
      description: /exp/,
    },
  ];

  for (const c of badTokens) {
    it(c.name, async () => {
      const before = spent();
      const res = await post(h.url, await c.token());
      assert.equal(res.status, 401);
      const challenge = res.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer error="invalid_token", error_description="[^"]+"/);
      assert.match(challenge.match(/error_description="([^"]*)"/)?.[1] ?? '', c.description);
      assert.ok(challenge.endsWith(`resource_metadata="${metadataUrl()}"`), challenge);
      assert.match(await res.text(), /^Invalid bearer token: /);
      assert.deepEqual(spent(), before);
    });
  }

  it('no token → 401 "Authentication required" with a bare challenge', async () => {
    const before = spent();
    const res = await post(h.url);
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      `Bearer resource_metadata="${metadataUrl()}"`
    );
    assert.equal(await res.text(), `${TOOLHIVE_BODIES.authenticationRequired}\n`);
    assert.deepEqual(spent(), before);
  });

  it('another scheme (Basic) counts as no token', async () => {
    const res = await fetch(h.url, { method: 'POST', headers: { authorization: 'Basic dTpw' } });
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      `Bearer resource_metadata="${metadataUrl()}"`
    );
  });
});

describe('issuer outage → 503 with Retry-After, not 401', () => {
  it('JWKS unreachable', async () => {
    const { url } = await h.extraProxy({ jwksUri: 'http://127.0.0.1:9/jwks' });
    const before = spent();
    const res = await post(url, await h.token());
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.equal(res.headers.get('www-authenticate'), null);
    assert.match(await res.text(), /^Token issuer unavailable/);
    assert.deepEqual(spent(), before);
  });

  it('discovery answers 500', async () => {
    const down = await startTestIssuer();
    try {
      await down.addKey('k');
      down.discovery.status = 500;
      const { url } = await h.extraProxy({ issuer: down.issuer });
      const token = await down.sign(
        { iss: down.issuer, aud: 'toolhive-aws', sub: 'alice', exp: now() + 600 },
        'k'
      );
      const res = await post(url, token);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '5');
    } finally {
      await down.close();
    }
  });
});

describe('role and session name', () => {
  it('no mapping matches and no fallback → 403 with ToolHive body, zero STS calls', async () => {
    const before = spent();
    const res = await post(h.url, await h.token({ groups: ['nobody'] }));
    assert.equal(res.status, 403);
    assert.equal(await res.text(), 'Failed to determine IAM role\n');
    assert.equal(res.headers.get('www-authenticate'), null);
    assert.deepEqual(spent(), before);
  });

  it('role is decided before the session name (403 wins over 401)', async () => {
    const res = await post(h.url, await h.token({ groups: ['nobody'], sub: 'auth0|x' }));
    assert.equal(res.status, 403);
  });

  it('session claim missing → 401 "Missing session name claim"', async () => {
    const before = spent();
    const res = await post(h.url, await h.token({ sub: undefined }));
    assert.equal(res.status, 401);
    assert.equal(await res.text(), 'Missing session name claim\n');
    assert.match(
      res.headers.get('www-authenticate') ?? '',
      /error_description="Missing session name claim"/
    );
    assert.deepEqual(spent(), before);
  });

  it('session name invalid → 401 "Invalid session name"', async () => {
    const before = spent();
    const res = await post(h.url, await h.token({ sub: 'auth0|user' }));
    assert.equal(res.status, 401);
    assert.equal(await res.text(), 'Invalid session name\n');
    assert.deepEqual(spent(), before);
  });

  it('with sanitizeSessionName the same token goes through as auth0-user', async () => {
    const { url } = await h.extraProxy({ sanitizeSessionName: true });
    const res = await post(url, await h.token({ sub: 'auth0|user' }));
    assert.equal(res.status, 200);
    assert.equal(h.sts.calls.at(-1)?.roleSessionName, 'auth0-user');
  });

  it('the mapped role, session name, duration and the bearer token reach STS, unsigned', async () => {
    const token = await h.token({ sub: 'bob', groups: ['admins', 's3-readers'] });
    const res = await post(h.url, token);
    assert.equal(res.status, 200);
    const call = h.sts.calls.at(-1);
    assert.deepEqual(call, {
      roleArn: roleArn('AdminMCPRole'),
      roleSessionName: 'bob',
      webIdentityToken: token,
      durationSeconds: 900,
      authorization: undefined,
    });
  });
});

describe('STS failures → mapped status, actionable body, Retry-After', () => {
  const failures: {
    name: string;
    answer: () => Response;
    status: number;
    body: RegExp;
    retryAfter: string | null;
    challenge: boolean;
  }[] = [
    {
      name: 'AccessDenied (trust policy)',
      answer: () =>
        stsErrorResponse(
          'AccessDenied',
          403,
          'Not authorized to perform sts:AssumeRoleWithWebIdentity'
        ),
      status: 403,
      body: /^AWS credential exchange failed: AccessDenied: the trust policy of role arn:aws:iam::123456789012:role\/S3ReadOnlyMCPRole does not allow this token/,
      retryAfter: null,
      challenge: false,
    },
    {
      name: 'InvalidIdentityToken',
      answer: () =>
        stsErrorResponse(
          'InvalidIdentityToken',
          400,
          'No OpenIDConnect provider found in your account'
        ),
      status: 401,
      body: /^AWS credential exchange failed: InvalidIdentityToken: STS could not validate the web identity token/,
      retryAfter: null,
      challenge: true,
    },
    {
      name: 'IDPRejectedClaim',
      answer: () => stsErrorResponse('IDPRejectedClaim', 403, 'Incorrect token audience'),
      status: 403,
      body: /^AWS credential exchange failed: IDPRejectedClaim: .*aud/,
      retryAfter: null,
      challenge: false,
    },
    {
      name: 'Throttling',
      answer: () => stsErrorResponse('Throttling', 400, 'Rate exceeded'),
      status: 503,
      body: /^AWS credential exchange failed: Throttling: STS is throttling/,
      retryAfter: '5',
      challenge: false,
    },
    {
      name: 'throttling with STS Retry-After',
      answer: () =>
        stsErrorResponse('Throttling', 400, 'Rate exceeded', { headers: { 'Retry-After': '11' } }),
      status: 503,
      body: /^AWS credential exchange failed: Throttling/,
      retryAfter: '11',
      challenge: false,
    },
    {
      name: 'STS 500',
      answer: () => stsErrorResponse('InternalFailure', 500, 'internal'),
      status: 502,
      body: /^AWS credential exchange failed: InternalFailure: STS returned a server error \(HTTP 500\)/,
      retryAfter: '2',
      challenge: false,
    },
  ];

  for (const c of failures) {
    it(c.name, async () => {
      h.sts.respond = c.answer;
      try {
        const before = spent();
        const res = await post(h.url, await h.token());
        assert.equal(res.status, c.status);
        const body = await res.text();
        assert.match(body, c.body);
        assert.ok(!body.includes('Not authorized to perform'), 'AWS message stays in the log');
        assert.equal(res.headers.get('retry-after'), c.retryAfter);
        assert.equal(res.headers.get('www-authenticate') !== null, c.challenge);
        assert.equal(h.sts.calls.length, before.sts + 1);
        assert.equal(h.upstream.received.length, before.upstream);
      } finally {
        h.sts.respond = undefined;
      }
    });
  }

  it('a failed exchange is not cached: the next request calls STS again and succeeds', async () => {
    const token = await h.token({ sub: 'retry-user' });
    h.sts.respond = () => stsErrorResponse('Throttling', 400, 'Rate exceeded');
    assert.equal((await post(h.url, token)).status, 503);
    h.sts.respond = undefined;
    const before = h.sts.calls.length;
    assert.equal((await post(h.url, token)).status, 200);
    assert.equal(h.sts.calls.length, before + 1);
  });
});

describe('credential cache', () => {
  it('two requests with one token → one STS call; the second is a hit', async () => {
    const token = await h.token({ sub: 'cache-user' });
    const before = h.proxy.stats();
    const calls = h.sts.calls.length;
    for (let i = 0; i < 2; i++) assert.equal((await post(h.url, token)).status, 200);
    assert.equal(h.sts.calls.length, calls + 1);
    const after = h.proxy.stats();
    assert.equal(after.cacheHits - before.cacheHits, 1);
    assert.equal(after.stsCalls - before.stsCalls, 1);
    const [first, second] = h.upstream.received.slice(-2);
    assert.equal(first?.signature.ok && second?.signature.ok, true);
  });

  it('another token (same user, same role) is another cache entry', async () => {
    const calls = h.sts.calls.length;
    await post(h.url, await h.token({ sub: 'cache-user', jti: 'a' }));
    await post(h.url, await h.token({ sub: 'cache-user', jti: 'b' }));
    assert.equal(h.sts.calls.length, calls + 2);
  });

  it('concurrent misses for one token share one STS call', { timeout: 15_000 }, async () => {
    const token = await h.token({ sub: 'burst-user' });
    let release!: () => void;
    h.sts.gate = new Promise<void>((resolve) => (release = resolve));
    const calls = h.sts.calls.length;
    const misses = h.proxy.stats().cacheMisses;
    try {
      const pending = Array.from({ length: 5 }, () => post(h.url, token));
      // STS is held until all five requests have asked the cache: none of them can be a hit.
      while (h.proxy.stats().cacheMisses - misses < 5) await new Promise((r) => setImmediate(r));
      release();
      const statuses = await Promise.all(pending.map(async (p) => (await p).status));
      assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
      assert.equal(h.sts.calls.length, calls + 1);
    } finally {
      h.sts.gate = undefined;
      release();
    }
  });

  it('cache: false → one STS call per request (ToolHive behaviour)', async () => {
    const { url, proxy } = await h.extraProxy({ cache: false });
    const token = await h.token({ sub: 'no-cache-user' });
    const calls = h.sts.calls.length;
    for (let i = 0; i < 2; i++) assert.equal((await post(url, token)).status, 200);
    assert.equal(h.sts.calls.length, calls + 2);
    assert.equal(proxy.stats().cacheHits, 0);
    assert.equal(proxy.stats().cacheEnabled, false);
  });
});

describe('body limit (10 MiB)', () => {
  it('a declared Content-Length over the limit → 413 before anything else', async () => {
    const before = spent();
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(11 * 1024 * 1024) },
      });
      req.on('response', (r) => {
        let body = '';
        r.setEncoding('utf8').on('data', (c: string) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.flushHeaders(); // headers only: the answer must not wait for the body
    });
    assert.equal(res.status, 413);
    assert.equal(res.body, 'Request body exceeds maximum size of 10485760 bytes\n');
    assert.deepEqual(spent(), before);
  });

  it('a chunked body that grows past the limit → 413, zero STS calls', async () => {
    const token = await h.token({ sub: 'big-body' });
    const before = spent();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      let answered = false;
      req.on('response', (r) => {
        answered = true;
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (!answered && sent < 12) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    assert.deepEqual(spent(), before);
  });

  it('a body just under the limit passes and is signed byte for byte', async () => {
    const { url } = await h.extraProxy({ maxBodyBytes: 64 * 1024 });
    const body = JSON.stringify({ pad: 'x'.repeat(64 * 1024 - 20) });
    assert.ok(Buffer.byteLength(body) <= 64 * 1024);
    const res = await post(url, await h.token({ sub: 'small-body' }), body);
    assert.equal(res.status, 200);
    const seen = h.upstream.received.at(-1);
    assert.equal(seen?.body.toString('utf8'), body);
    assert.equal(seen?.signature.ok, true);
    assert.equal((await post(url, await h.token(), `${body}${'y'.repeat(100)}`)).status, 413);
  });
});

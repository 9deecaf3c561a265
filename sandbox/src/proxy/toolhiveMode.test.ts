// The ToolHive mode over real HTTP: ToolHive's answers on the wire, STS on every request with the
// Go SDK's three attempts, no clock skew, its 8 MiB body cap; and the options it refuses.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { stsErrorResponse } from '../../test/support/stsResponses';
import { createProxy } from './createProxy';
import { TOOLHIVE_MAX_BODY_BYTES } from './mode';
import { startHarness, TEST_AUDIENCE, TEST_CONFIG } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

let h: Harness;
before(async () => {
  h = await startHarness({ mode: 'toolhive' });
});
after(() => h.close());

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

async function post(
  url: string,
  token?: string,
  body = '{"jsonrpc":"2.0","id":1}'
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

const metadataUrl = (): string =>
  `${new URL(h.url).origin}/.well-known/oauth-protected-resource/mcp`;

describe('ToolHive mode: the OIDC middleware’s answers', () => {
  it('no token: 401 invalid_request in JSON, with realm and resource_metadata', async () => {
    const answer = await post(h.url);
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('content-type'), 'application/json');
    assert.equal(
      answer.body,
      '{"error":"invalid_request","error_description":"authorization header required"}'
    );
    assert.equal(
      answer.headers.get('www-authenticate'),
      `Bearer realm="${h.issuer.issuer}", resource_metadata="${metadataUrl()}", error="invalid_request", error_description="authorization header required"`
    );
  });

  it('a token expired 5 seconds ago: refused (no clock skew), accepted by the enhanced mode', async () => {
    const token = await h.token({ exp: Math.floor(Date.now() / 1000) - 5 });
    const answer = await post(h.url, token);
    assert.equal(answer.status, 401);
    assert.equal(
      answer.body,
      '{"error":"invalid_token","error_description":"Invalid token: failed to parse token: token has invalid claims: token is expired"}'
    );
    const enhanced = await h.extraProxy({ mode: 'enhanced' });
    assert.equal((await post(enhanced.url, token)).status, 200);
  });

  it('a key the issuer does not publish: the kid in the description', async () => {
    await h.issuer.addKey('gone', { alg: 'RS256', publish: false });
    const now = Math.floor(Date.now() / 1000);
    const token = await h.issuer.sign(
      { iss: h.issuer.issuer, aud: TEST_AUDIENCE, sub: 'alice', exp: now + 600 },
      'gone'
    );
    const answer = await post(h.url, token);
    assert.equal(answer.status, 401);
    assert.match(
      answer.headers.get('www-authenticate') ?? '',
      /error="invalid_token", error_description="failed to parse token: token is unverifiable: error while executing keyfunc: key ID gone not found in JWKS"$/
    );
  });
});

describe('ToolHive mode: the awsSts middleware’s answers', () => {
  it('an invalid session name: 401 plain text, no challenge, STS not called', async () => {
    const calls = h.sts.calls.length;
    const answer = await post(h.url, await h.token({ sub: 'auth0|carol' }));
    assert.equal(answer.status, 401);
    assert.equal(answer.body, 'Invalid session name\n');
    assert.equal(answer.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(answer.headers.get('www-authenticate'), null);
    assert.equal(h.sts.calls.length, calls);
  });

  it('STS AccessDenied: 401 "AWS credential exchange failed", nothing more', async () => {
    h.sts.respond = () => stsErrorResponse('AccessDenied', 403, 'Not authorized');
    try {
      const answer = await post(h.url, await h.token({ sub: 'denied-user' }));
      assert.equal(answer.status, 401);
      assert.equal(answer.body, 'AWS credential exchange failed\n');
      assert.equal(answer.headers.get('www-authenticate'), null);
    } finally {
      h.sts.respond = undefined;
    }
  });

  it('STS throttling: three attempts (the Go SDK’s retryer), then 401, no Retry-After', async () => {
    const { url } = await h.extraProxy({ mode: 'toolhive', stsMaxAttempts: undefined });
    h.sts.respond = () => stsErrorResponse('Throttling', 400, 'Rate exceeded');
    try {
      const calls = h.sts.calls.length;
      const answer = await post(url, await h.token({ sub: 'throttled-user' }));
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('retry-after'), null);
      assert.equal(h.sts.calls.length - calls, 3);
    } finally {
      h.sts.respond = undefined;
    }
  });

  it('STS on every request: no credential cache, no verified-token cache', async () => {
    const token = await h.token({ sub: 'every-request' });
    const calls = h.sts.calls.length;
    for (let i = 0; i < 3; i++) assert.equal((await post(h.url, token)).status, 200);
    assert.equal(h.sts.calls.length - calls, 3);
    const stats = h.proxy.stats();
    assert.equal(stats.cacheHits, 0);
    assert.deepEqual(stats.verifiedTokens, { hits: 0, size: 0 });
  });

  it('a body over 8 MiB: 413 "Request Entity Too Large" before authentication', async () => {
    const answer = await post(h.url, undefined, 'x'.repeat(TOOLHIVE_MAX_BODY_BYTES + 1));
    assert.equal(answer.status, 413);
    assert.equal(answer.body, 'Request Entity Too Large\n');
  });
});

describe('ToolHive mode: options it refuses', () => {
  const base = {
    config: TEST_CONFIG,
    upstreamUrl: 'http://127.0.0.1:9/mcp',
    issuer: 'http://127.0.0.1:9',
    audience: TEST_AUDIENCE,
    mode: 'toolhive' as const,
  };
  it('the credential cache', () => {
    assert.throws(() => createProxy({ ...base, cache: true }), /calls STS on every request/);
  });
  it('session-name repair', () => {
    assert.throws(
      () => createProxy({ ...base, sanitizeSessionName: true }),
      /ToolHive rejects invalid session names/
    );
  });
  it('an unknown mode', () => {
    assert.throws(
      () => createProxy({ ...base, mode: 'fast' as unknown as 'toolhive' }),
      /mode must be one of toolhive, enhanced/
    );
  });
});

// The Bearer challenge: parameter order, quoting, RFC 6750 error_description charset, and the
// mapping from TokenError to a challenge (no `error` when the token is missing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsStsError } from '../errors';
import { TokenError } from './tokenError';
import { challengeFor, wwwAuthenticateHeader } from './wwwAuthenticate';
import type { WwwAuthenticateOptions } from './wwwAuthenticate';

const META = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

const headers: { name: string; options: WwwAuthenticateOptions; expect: string | 'throws' }[] = [
  { name: 'no parameters', options: {}, expect: 'Bearer' },
  {
    name: 'missing token: resource metadata only',
    options: { resourceMetadataUrl: META },
    expect: `Bearer resource_metadata="${META}"`,
  },
  {
    name: 'all parameters in order',
    options: {
      realm: 'mcp',
      error: 'invalid_token',
      errorDescription: 'token has expired',
      resourceMetadataUrl: META,
    },
    expect: `Bearer realm="mcp", error="invalid_token", error_description="token has expired", resource_metadata="${META}"`,
  },
  {
    name: 'insufficient scope with scopes',
    options: { error: 'insufficient_scope', scope: ['mcp:tools', 'openid'] },
    expect: 'Bearer error="insufficient_scope", scope="mcp:tools openid"',
  },
  {
    name: 'realm with a quote and a backslash is escaped',
    options: { realm: 'a "b" \\c' },
    expect: 'Bearer realm="a \\"b\\" \\\\c"',
  },
  {
    name: 'description: quote, backslash, newline and non-ASCII replaced (RFC 6750 charset)',
    options: { error: 'invalid_token', errorDescription: 'bad "x"\\y\r\nSet-Cookie: a=1 ü' },
    expect: `Bearer error="invalid_token", error_description="bad 'x'/y Set-Cookie: a=1"`,
  },
  {
    name: 'description capped at 200 characters',
    options: { errorDescription: 'x'.repeat(500) },
    expect: `Bearer error_description="${'x'.repeat(200)}"`,
  },
  {
    name: 'empty description dropped',
    options: { error: 'invalid_token', errorDescription: '\n' },
    expect: 'Bearer error="invalid_token"',
  },
  { name: 'CRLF in realm refused', options: { realm: 'a\r\nX-Evil: 1' }, expect: 'throws' },
  {
    name: 'non-ASCII metadata URL refused',
    options: { resourceMetadataUrl: 'https://ü' },
    expect: 'throws',
  },
  {
    name: 'unknown error code',
    options: { error: 'server_error' as 'invalid_token' },
    expect: 'throws',
  },
  { name: 'scope with a quote', options: { scope: ['a"b'] }, expect: 'throws' },
];

for (const c of headers) {
  test(`wwwAuthenticateHeader: ${c.name}`, () => {
    if (c.expect === 'throws') {
      assert.throws(() => wwwAuthenticateHeader(c.options), AwsStsError);
    } else {
      assert.equal(wwwAuthenticateHeader(c.options), c.expect);
    }
  });
}

const challenges: { name: string; error: unknown; expect: string }[] = [
  {
    name: 'missing token: no error parameter (RFC 6750 §3.1)',
    error: new TokenError('missing', 'bearer token required'),
    expect: `Bearer realm="mcp", resource_metadata="${META}"`,
  },
  {
    name: 'invalid token: invalid_token with the client-safe message',
    error: new TokenError('expired', 'token has expired', { detail: 'ERR_JWT_EXPIRED: secret' }),
    expect: `Bearer realm="mcp", error="invalid_token", error_description="token has expired", resource_metadata="${META}"`,
  },
  {
    name: 'anything else: bare invalid_token, message not exposed',
    error: new Error('connect ECONNREFUSED 10.0.0.1:443'),
    expect: `Bearer realm="mcp", error="invalid_token", resource_metadata="${META}"`,
  },
];

for (const c of challenges) {
  test(`challengeFor: ${c.name}`, () => {
    assert.equal(challengeFor(c.error, { realm: 'mcp', resourceMetadataUrl: META }), c.expect);
  });
}

// CORS decisions: listed origins only, preflight answers, exposed headers, origin normalization.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corsHeaders, corsPreflight, normalizeOrigins, originVerdict } from './cors';

const ALLOWED = ['https://docs.example.com', 'http://localhost:3000'];

const verdicts: { origin: string | undefined; verdict: string }[] = [
  { origin: undefined, verdict: 'absent' },
  { origin: '', verdict: 'absent' },
  { origin: 'https://docs.example.com', verdict: 'allowed' },
  { origin: 'http://localhost:3000', verdict: 'allowed' },
  { origin: 'https://docs.example.com.evil.com', verdict: 'forbidden' },
  { origin: 'http://docs.example.com', verdict: 'forbidden' },
  { origin: 'https://DOCS.example.com', verdict: 'forbidden' },
  { origin: 'null', verdict: 'forbidden' },
];
for (const c of verdicts) {
  test(`originVerdict: ${JSON.stringify(c.origin)} → ${c.verdict}`, () => {
    assert.equal(originVerdict(c.origin, ALLOWED), c.verdict);
  });
}

test('corsHeaders: a listed origin is echoed, with exposed MCP headers and Vary', () => {
  const headers = corsHeaders('https://docs.example.com', ALLOWED);
  assert.equal(headers['access-control-allow-origin'], 'https://docs.example.com');
  assert.equal(headers.vary, 'Origin');
  const exposed = (headers['access-control-expose-headers'] ?? '').split(', ');
  for (const name of ['Mcp-Session-Id', 'WWW-Authenticate']) assert.ok(exposed.includes(name));
  assert.equal(headers['access-control-allow-credentials'], undefined);
});

test('corsHeaders: unlisted or absent origin gets no CORS grant', () => {
  assert.deepEqual(corsHeaders('https://evil.example', ALLOWED), { vary: 'Origin' });
  assert.deepEqual(corsHeaders(undefined, ALLOWED), { vary: 'Origin' });
  assert.deepEqual(corsHeaders('https://docs.example.com', []), {});
});

test('corsPreflight: listed origin → 204 with methods and the MCP request headers', () => {
  const answer = corsPreflight('http://localhost:3000', ALLOWED, 'GET, POST, DELETE, OPTIONS');
  assert.equal(answer.status, 204);
  assert.equal(answer.headers['access-control-allow-origin'], 'http://localhost:3000');
  assert.equal(answer.headers['access-control-allow-methods'], 'GET, POST, DELETE');
  assert.deepEqual((answer.headers['access-control-allow-headers'] ?? '').split(', '), [
    'Authorization',
    'Content-Type',
    'Mcp-Session-Id',
    'MCP-Protocol-Version',
    'Last-Event-ID',
  ]);
  assert.equal(answer.headers['access-control-max-age'], '600');
});

test('corsPreflight: unlisted origin → 403 without grant; no origin → plain 204 with Allow', () => {
  const refused = corsPreflight('https://evil.example', ALLOWED, 'GET');
  assert.equal(refused.status, 403);
  assert.equal(refused.headers['access-control-allow-origin'], undefined);
  assert.deepEqual(corsPreflight(undefined, ALLOWED, 'GET, OPTIONS'), {
    status: 204,
    headers: { allow: 'GET, OPTIONS' },
    body: '',
  });
});

test('normalizeOrigins: bare origins only, trailing slash dropped', () => {
  assert.deepEqual(normalizeOrigins(['https://docs.example.com/', 'http://localhost:3000']), [
    'https://docs.example.com',
    'http://localhost:3000',
  ]);
  for (const bad of ['*', 'https://docs.example.com/path', 'ftp://x', 'https://u:p@x', 'x']) {
    assert.throws(() => normalizeOrigins([bad]), RangeError, bad);
  }
});

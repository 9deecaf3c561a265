// Header hygiene in both directions, request ids and the upstream target URL.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  relayedResponseHeaders,
  requestIdFor,
  upstreamRequestHeaders,
  upstreamTarget,
} from './headerRules';

const fixed = () => 'generated-id';

const requestIds: { name: string; header: string | string[] | undefined; id: string }[] = [
  { name: 'kept when sane', header: 'abc-123_4.5:6', id: 'abc-123_4.5:6' },
  {
    name: 'a UUID is kept',
    header: '5f1c1a1e-7b7e-4c4e-9a39-0d6a4b1f0c11',
    id: '5f1c1a1e-7b7e-4c4e-9a39-0d6a4b1f0c11',
  },
  { name: 'absent → generated', header: undefined, id: 'generated-id' },
  { name: 'empty → generated', header: '', id: 'generated-id' },
  { name: 'too long → generated', header: 'a'.repeat(129), id: 'generated-id' },
  { name: 'spaces → generated', header: 'a b', id: 'generated-id' },
  { name: 'log injection → generated', header: 'ok\n{"admin":true}', id: 'generated-id' },
  { name: 'quotes → generated', header: '"x"', id: 'generated-id' },
  { name: 'repeated header → generated', header: ['a', 'b'], id: 'generated-id' },
];
for (const c of requestIds) {
  test(`requestIdFor: ${c.name}`, () => assert.equal(requestIdFor(c.header, fixed), c.id));
}

test('requestIdFor: generates UUIDs by default', () => {
  assert.match(requestIdFor(undefined), /^[0-9a-f-]{36}$/);
});

const lengths: {
  name: string;
  method: string;
  incoming: Record<string, string>;
  bodyLength: number;
  contentLength: string | undefined;
}[] = [
  {
    name: 'POST states the exact length',
    method: 'POST',
    incoming: { 'content-length': '99' },
    bodyLength: 12,
    contentLength: '12',
  },
  {
    name: 'chunked POST gets a length',
    method: 'POST',
    incoming: { 'transfer-encoding': 'chunked' },
    bodyLength: 5,
    contentLength: '5',
  },
  { name: 'empty POST says 0', method: 'post', incoming: {}, bodyLength: 0, contentLength: '0' },
  {
    name: 'GET without body has none',
    method: 'GET',
    incoming: { 'content-length': '0' },
    bodyLength: 0,
    contentLength: undefined,
  },
  {
    name: 'DELETE without body has none',
    method: 'DELETE',
    incoming: {},
    bodyLength: 0,
    contentLength: undefined,
  },
];
for (const c of lengths) {
  test(`upstreamRequestHeaders: ${c.name}`, () => {
    const headers = upstreamRequestHeaders(c.incoming, {
      method: c.method,
      requestId: 'r1',
      bodyLength: c.bodyLength,
    });
    assert.equal(headers['content-length'], c.contentLength);
  });
}

test('upstreamRequestHeaders: drops origin and expect, sets the request id, keeps MCP headers', () => {
  const headers = upstreamRequestHeaders(
    {
      Origin: 'https://docs.example.com',
      Expect: '100-continue',
      'X-Request-Id': 'client-chosen-but-replaced',
      'Mcp-Session-Id': 's-1',
      'MCP-Protocol-Version': '2025-06-18',
      Accept: 'application/json, text/event-stream',
    },
    { method: 'POST', requestId: 'r1', bodyLength: 2 }
  );
  assert.deepEqual(headers, {
    'mcp-session-id': 's-1',
    'mcp-protocol-version': '2025-06-18',
    accept: 'application/json, text/event-stream',
    'content-length': '2',
    'x-request-id': 'r1',
  });
});

test('relayedResponseHeaders: strips hop-by-hop, Connection-named and CORS headers, keeps the rest', () => {
  const relayed = relayedResponseHeaders({
    connection: 'keep-alive, X-Upstream-Hop',
    'keep-alive': 'timeout=9',
    'transfer-encoding': 'chunked',
    'proxy-authenticate': 'Basic',
    trailer: 'x-checksum',
    upgrade: 'h2c',
    'x-upstream-hop': '1',
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'x',
    'content-type': 'text/event-stream',
    'mcp-session-id': 's-1',
    'retry-after': '30',
    'set-cookie': ['a=1', 'b=2'],
  });
  assert.deepEqual(relayed, {
    'content-type': 'text/event-stream',
    'mcp-session-id': 's-1',
    'retry-after': '30',
    'set-cookie': ['a=1', 'b=2'],
  });
});

const targets: { name: string; upstream: string; incoming: string; href: string }[] = [
  {
    name: 'upstream path wins',
    upstream: 'https://aws-mcp.us-east-1.api.aws/mcp',
    incoming: '/mcp',
    href: 'https://aws-mcp.us-east-1.api.aws/mcp',
  },
  {
    name: 'query preserved as sent',
    upstream: 'https://h/mcp',
    incoming: '/mcp?b=2&a=%20x',
    href: 'https://h/mcp?b=2&a=%20x',
  },
  {
    name: 'upstream query kept first',
    upstream: 'https://h/v1/mcp?tenant=t',
    incoming: '/mcp?x=1',
    href: 'https://h/v1/mcp?tenant=t&x=1',
  },
  {
    name: 'port kept',
    upstream: 'http://127.0.0.1:9000/mcp',
    incoming: '/mcp',
    href: 'http://127.0.0.1:9000/mcp',
  },
];
for (const c of targets) {
  test(`upstreamTarget: ${c.name}`, () => {
    assert.equal(upstreamTarget(new URL(c.upstream), c.incoming).href, c.href);
  });
}

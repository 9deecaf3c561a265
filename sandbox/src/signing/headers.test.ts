import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  flattenHeaders,
  stripForwardingHeaders,
  stripHopByHopHeaders,
  toHeaderRecord,
} from './headers';

describe('stripHopByHopHeaders', () => {
  const cases: {
    name: string;
    input: Record<string, string | string[]>;
    expected: Record<string, string | string[]>;
  }[] = [
    {
      name: 'drops the fixed hop-by-hop set, any case',
      input: {
        Connection: 'close',
        'Proxy-Connection': 'keep-alive',
        'Keep-Alive': 'timeout=5',
        'Proxy-Authenticate': 'Basic',
        'Proxy-Authorization': 'Basic abc',
        TE: 'trailers',
        Trailer: 'x-checksum',
        'Transfer-Encoding': 'chunked',
        Upgrade: 'websocket',
        Accept: '*/*',
      },
      expected: { accept: '*/*' },
    },
    {
      name: 'drops every header Connection names (ToolHive #5835)',
      input: {
        connection: 'keep-alive, X-Amz-Date ,x-trace',
        'x-amz-date': 'd',
        'x-trace': 't',
        a: '1',
      },
      expected: { a: '1' },
    },
    {
      name: 'reads several Connection headers',
      input: { connection: ['x-one', 'x-two'], 'x-one': '1', 'x-two': '2', 'x-three': '3' },
      expected: { 'x-three': '3' },
    },
    {
      name: 'keeps set-cookie as separate values (responses)',
      input: { 'set-cookie': ['a=1', 'b=2'], connection: 'close' },
      expected: { 'set-cookie': ['a=1', 'b=2'] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(stripHopByHopHeaders(c.input), c.expected));
  }

  it('accepts fetch Headers', () => {
    const h = new Headers({ Connection: 'x-hop', 'X-Hop': '1', Accept: 'text/event-stream' });
    h.append('Set-Cookie', 'a=1');
    h.append('Set-Cookie', 'b=2');
    assert.deepEqual(stripHopByHopHeaders(h), {
      accept: 'text/event-stream',
      'set-cookie': ['a=1', 'b=2'],
    });
  });

  it('does not modify its input', () => {
    const input = { connection: 'x-a', 'x-a': '1' };
    stripHopByHopHeaders(input);
    assert.deepEqual(input, { connection: 'x-a', 'x-a': '1' });
  });
});

describe('stripForwardingHeaders', () => {
  it('drops Forwarded, X-Real-Ip and every X-Forwarded-*', () => {
    assert.deepEqual(
      stripForwardingHeaders({
        Forwarded: 'for=1.2.3.4',
        'X-Real-IP': '1.2.3.4',
        'X-Forwarded-For': '1.2.3.4',
        'X-Forwarded-Host': 'h',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Port': '443',
        'X-Forwarded-Prefix': '/p',
        'X-Forwardedness': 'kept: not the prefix x-forwarded-',
        Accept: '*/*',
      }),
      { 'x-forwardedness': 'kept: not the prefix x-forwarded-', accept: '*/*' }
    );
  });
});

describe('toHeaderRecord / flattenHeaders', () => {
  it('lower-cases names, drops undefined, stringifies numbers', () => {
    assert.deepEqual(toHeaderRecord({ 'Content-Length': 3, 'X-Empty': undefined }), {
      'content-length': '3',
    });
  });
  it('joins repeated values with ", " and cookies with "; "', () => {
    assert.deepEqual(flattenHeaders({ accept: ['a', 'b'], cookie: ['c=1', 'd=2'], x: 'y' }), {
      accept: 'a, b',
      cookie: 'c=1; d=2',
      x: 'y',
    });
  });
});

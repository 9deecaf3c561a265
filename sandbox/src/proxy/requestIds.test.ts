import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newRequestId } from './requestIds';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('newRequestId: version 4 UUIDs as randomUUID writes them, distinct across pool refills', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const id = newRequestId();
    assert.match(id, UUID_V4);
    assert.ok(!seen.has(id), `repeated id ${id}`);
    seen.add(id);
  }
  assert.match(globalThis.crypto.randomUUID(), UUID_V4); // the same shape as the reference
});

test('newRequestId: every hex digit position varies (no fixed bytes beyond version and variant)', () => {
  const ids = Array.from({ length: 400 }, () => newRequestId());
  for (let at = 0; at < 36; at++) {
    if ([8, 13, 14, 18, 23].includes(at)) continue;
    const digits = new Set(ids.map((id) => id[at]));
    assert.ok(digits.size > (at === 19 ? 3 : 8), `position ${at} varies too little`);
  }
});

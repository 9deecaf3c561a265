// New request ids: random (version 4) UUIDs in the form `crypto.randomUUID()` returns, made from a
// pool of random bytes as one string each. It does not decide when a client's own id is kept.

import { randomFillSync } from 'node:crypto';

/** UUIDs per refill of the random pool. */
const POOL_UUIDS = 256;
const pool = Buffer.alloc(16 * POOL_UUIDS);
let next = POOL_UUIDS;
/** The UUID being written, as ASCII: `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
const text = Buffer.from('00000000-0000-4000-8000-000000000000', 'latin1');
/** Where each of the 16 bytes goes in `text` (two hex digits each). */
const OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * A random UUID (version 4, RFC 9562), lower-case, as `crypto.randomUUID()` makes it, with one
 * string allocated (randomUUID builds it from a score of concatenations: about 600 bytes a call).
 * @example newRequestId() // '0b7f4f0e-6a6c-4c0d-9d7e-2f5b1a3c4d5e'
 */
export function newRequestId(): string {
  if (next === POOL_UUIDS) {
    randomFillSync(pool);
    next = 0;
  }
  const start = next * 16;
  next++;
  for (let i = 0; i < 16; i++) {
    let byte = pool[start + i] as number;
    if (i === 6)
      byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // variant 10
    const at = OFFSETS[i] as number;
    text[at] = HEX[byte >> 4] as number;
    text[at + 1] = HEX[byte & 0x0f] as number;
  }
  return text.toString('latin1', 0, 36);
}

// SHA-256 for the browser-safe core, synchronous: @aws-crypto/sha256-js, pure JavaScript, the same
// bytes in a browser and in Node. Node edges (proxy, auth) hash with node:crypto instead.

import { Sha256 } from '@aws-crypto/sha256-js';

/** The hash (and HMAC) constructor @smithy/signature-v4 takes as its `sha256` option. */
export { Sha256 };

/**
 * SHA-256 of `data` (a string is hashed as UTF-8).
 * @example sha256('abc').length // 32
 */
export function sha256(data: string | Uint8Array): Uint8Array {
  const hash = new Sha256();
  hash.update(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return hash.digestSync();
}

/**
 * Lower-case hex SHA-256 of `data` (a string is hashed as UTF-8).
 * @example sha256Hex('') // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function sha256Hex(data: string | Uint8Array): string {
  return toHex(sha256(data));
}

/**
 * Lower-case hex of `bytes`.
 * @example toHex(new Uint8Array([0, 255])) // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

// Public API of the shared folder: small browser-safe building blocks several folders use (SHA-256,
// an LRU with expiry, the loopback check). It re-exports only; nothing here knows AWS or ToolHive.

export { ExpiringLru } from './expiringLru';
export type { ExpiringLruOptions } from './expiringLru';
export { isLoopbackHost, isLoopbackUrl } from './loopback';
export { Sha256, sha256, sha256Hex, toHex } from './sha256';

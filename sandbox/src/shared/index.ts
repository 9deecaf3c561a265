// Public API of the shared folder: small browser-safe building blocks several folders use (SHA-256,
// an LRU with expiry, hosts: loopback, in URLs). It re-exports only; nothing knows AWS or ToolHive.

export { ExpiringLru } from './expiringLru';
export type { ExpiringLruOptions } from './expiringLru';
export { hostForUrl, isLoopbackHost, isLoopbackUrl, reachableHost } from './hosts';
export { Sha256, sha256, sha256Hex, toHex } from './sha256';

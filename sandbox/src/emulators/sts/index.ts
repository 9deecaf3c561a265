// Public API of the STS emulator's Node edge: the HTTP server and its default JWKS resolver.
// It re-exports only (Node-only; not for browsers).

export { createStsServer } from './server';
export type { StsServer, StsServerOptions, StsServerStats } from './server';
export { createRemoteJwksResolver } from './remoteJwks';
export type { RemoteJwksOptions } from './remoteJwks';

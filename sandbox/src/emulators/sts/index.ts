// Public API of the STS emulator's Node edge: the HTTP server, its default JWKS resolver, and
// the node:http helpers the IAM server shares. It re-exports only (Node-only; not for browsers).

export { createStsServer } from './server';
export type { StsServer, StsServerOptions, StsServerStats } from './server';
export { createRemoteJwksResolver } from './remoteJwks';
export type { RemoteJwksOptions } from './remoteJwks';
export {
  BodyTooLargeError,
  createQueryServer,
  listening,
  MAX_QUERY_BODY_BYTES,
  readQueryRequest,
  writeQueryResponse,
} from './queryHttp';
export type { ListeningServer } from './queryHttp';

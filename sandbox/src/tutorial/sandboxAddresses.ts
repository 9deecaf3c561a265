// Where `npm run sandbox` listens by default and which docs-site origins it lets call it: the
// fixed addresses the pages show. Browser-safe constants; the replica binds, and applies CORS.

/** The services of the local replica, in the order they are listed and started. */
export type ReplicaService = 'proxy' | 'oidc' | 'sts' | 'iam' | 'awsMcp';

/** Every service binds this loopback address only. */
export const REPLICA_HOST = '127.0.0.1';

/** The proxy's port; every other service is at a fixed offset from it. */
export const DEFAULT_BASE_PORT = 4100;

/** Offsets from the base port: proxy 4100, OIDC 4101, STS 4102, IAM 4103, AWS MCP 4104. */
export const PORT_OFFSETS: Readonly<Record<ReplicaService, number>> = {
  proxy: 0,
  oidc: 1,
  sts: 2,
  iam: 3,
  awsMcp: 4,
};

/** Where `npm start` serves the docs site; the replica allows these origins without flags. */
export const SITE_ORIGINS: readonly string[] = ['http://127.0.0.1:3000', 'http://localhost:3000'];

/**
 * The origin of a service of a sandbox started without --port.
 * @example defaultSandboxOrigin('sts') // 'http://127.0.0.1:4102'
 */
export function defaultSandboxOrigin(service: ReplicaService): string {
  return `http://${REPLICA_HOST}:${DEFAULT_BASE_PORT + PORT_OFFSETS[service]}`;
}

// The replica's ports for a base port (one offset per service), the services' names, and the
// error for a port that is taken. The defaults are tutorial/sandboxAddresses'; startReplica binds.

import { AwsStsError } from '../errors';
import { DEFAULT_BASE_PORT, PORT_OFFSETS, type ReplicaService } from '../tutorial/sandboxAddresses';

// The defaults live in a browser-safe module, for the pages that show them.
export { DEFAULT_BASE_PORT, PORT_OFFSETS, REPLICA_HOST } from '../tutorial/sandboxAddresses';
export type { ReplicaService } from '../tutorial/sandboxAddresses';

/** How the banner and the errors name each service. */
export const SERVICE_LABELS: Readonly<Record<ReplicaService, string>> = {
  proxy: 'awsSts proxy (ToolHive)',
  oidc: 'OIDC provider (local IdP)',
  sts: 'STS emulator',
  iam: 'IAM emulator',
  awsMcp: 'AWS MCP Server emulator',
};

/** The highest base port: the last service must still fit below 65536. */
export const MAX_BASE_PORT = 65535 - Math.max(...Object.values(PORT_OFFSETS));

export type ReplicaPorts = Record<ReplicaService, number>;

/**
 * The port of every service for a base port; base 0 means a free port for each.
 * @example replicaPorts(4100).iam // 4103
 * @example replicaPorts(0).iam // 0
 */
export function replicaPorts(base: number = DEFAULT_BASE_PORT): ReplicaPorts {
  if (!Number.isInteger(base) || base < 0 || base > MAX_BASE_PORT) {
    throw new AwsStsError(
      'INVALID_INPUT',
      `the base port must be 0 (free ports) or an integer from 1 to ${MAX_BASE_PORT}, got ${base}`
    );
  }
  const at = (service: ReplicaService): number => (base === 0 ? 0 : base + PORT_OFFSETS[service]);
  return {
    proxy: at('proxy'),
    oidc: at('oidc'),
    sts: at('sts'),
    iam: at('iam'),
    awsMcp: at('awsMcp'),
  };
}

/**
 * A clear error for a service that could not bind its port: which service, which port, how to fix.
 * @example throw listenFailure('iam', '127.0.0.1', 4103, error)
 */
export function listenFailure(
  service: ReplicaService,
  host: string,
  port: number,
  cause: unknown
): AwsStsError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const what = `the ${SERVICE_LABELS[service]} cannot listen on ${host}:${port}`;
  if (code === 'EADDRINUSE') {
    return new AwsStsError(
      'INVALID_CONFIG',
      `${what}: the port is in use (is another sandbox running? see "lsof -i :${port}"); stop that process, or move every port with --port BASE (the ${SERVICE_LABELS.proxy} at BASE, the others at BASE+1 to BASE+4), or use --port 0 for free ports`,
      { cause }
    );
  }
  if (code === 'EACCES') {
    return new AwsStsError(
      'INVALID_CONFIG',
      `${what}: permission denied; choose a base port above 1023 with --port`,
      { cause }
    );
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AwsStsError('INVALID_CONFIG', `${what}: ${reason}`, { cause });
}

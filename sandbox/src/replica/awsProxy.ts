// `sandbox --aws`: no emulators, only the proxy, in front of the real AWS MCP Server and real STS
// with the user's own issuer and configuration. It talks to AWS; it creates nothing in IAM.

import type { Logger } from 'pino';
import type { AwsStsConfig } from '../config';
import { createProxy, createProxyLogger } from '../proxy';
import type { ProxyMode } from '../proxy';
import { listenFailure, REPLICA_HOST, replicaPorts } from './ports';
import { allowedOriginsWith } from './siteOrigins';

export interface StartAwsProxyOptions {
  config: AwsStsConfig;
  /** The user's issuer, exactly as their tokens carry it (an https URL). */
  issuer: string;
  audience: string;
  /** The proxy's port (the replica's base port). Default 4100; 0 picks a free port. */
  port?: number;
  allowedOrigins?: readonly string[];
  logger?: Logger;
  /** How the proxy answers: `toolhive` (default) or `enhanced`. */
  mode?: ProxyMode;
  /** Enhanced mode only: `false` calls STS on every request. */
  cache?: boolean;
}

export interface AwsProxy {
  proxyUrl: string;
  /** `https://aws-mcp.<region>.api.aws/mcp` */
  upstreamUrl: string;
  /** `https://sts.<region>.amazonaws.com` */
  stsEndpoint: string;
  allowedOrigins: string[];
  mode: ProxyMode;
  cache: boolean;
  close(): Promise<void>;
}

/**
 * The AWS MCP Server endpoint of a region.
 * @example awsMcpEndpoint('us-east-1') // 'https://aws-mcp.us-east-1.api.aws/mcp'
 */
export function awsMcpEndpoint(region: string): string {
  return `https://aws-mcp.${region}.api.aws/mcp`;
}

/**
 * Starts the proxy against AWS: STS at the region's endpoint (the proxy's default), the AWS MCP
 * Server of `config.region` as upstream.
 * @example const aws = await startAwsProxy({ config, issuer: 'https://dev-123456.okta.com/oauth2/default', audience: 'toolhive-aws' });
 */
export async function startAwsProxy(options: StartAwsProxyOptions): Promise<AwsProxy> {
  const port = replicaPorts(options.port).proxy;
  const upstreamUrl = awsMcpEndpoint(options.config.region);
  const allowedOrigins = allowedOriginsWith(options.allowedOrigins ?? []);
  const mode = options.mode ?? 'toolhive';
  const proxy = createProxy({
    mode,
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    config: options.config,
    upstreamUrl,
    issuer: options.issuer,
    audience: options.audience,
    allowedOrigins,
    logger: options.logger ?? createProxyLogger({ level: 'silent' }),
  });
  let proxyUrl: string;
  try {
    proxyUrl = (await proxy.listen(port, REPLICA_HOST)).url;
  } catch (error) {
    await proxy.close();
    throw listenFailure('proxy', REPLICA_HOST, port, error);
  }
  return {
    proxyUrl,
    upstreamUrl,
    stsEndpoint: `https://sts.${options.config.region}.amazonaws.com`,
    allowedOrigins,
    mode,
    cache: mode === 'enhanced' && options.cache !== false,
    close: () => proxy.close(),
  };
}

// Starts the whole local replica on loopback: OIDC provider, STS, IAM and AWS MCP Server
// emulators on one account, the account set up through IAM, then the proxy; and stops it all.

import type { Logger } from 'pino';
import type { AwsStsConfig } from '../config';
import { createAwsMcpServer } from '../emulators/aws-mcp';
import type { ThrottleOptions } from '../emulators/aws-mcp';
import { createIamServer } from '../emulators/iam/server';
import { createOidcProvider, DEFAULT_AUDIENCE } from '../emulators/oidc';
import { AccountState } from '../emulators/state';
import { createStsServer } from '../emulators/sts';
import type { StsExplanation } from '../emulators/sts-core';
import { createProxy, createProxyLogger } from '../proxy';
import type { ProxyMode } from '../proxy';
import type { AccountSetup, ReplicaRole, SetupSource } from './accountSetup';
import { configSetup } from './configSetup';
import { describeDemoUsers, type DemoUserOutcome } from './demoUsers';
import {
  listenFailure,
  REPLICA_HOST,
  replicaPorts,
  type ReplicaPorts,
  type ReplicaService,
} from './ports';
import { registerWithIam } from './registerWithIam';
import { allowedOriginsWith } from './siteOrigins';
import { tutorialSetup } from './tutorialSetup';

export interface StartReplicaOptions {
  /** Base port: proxy here, OIDC +1, STS +2, IAM +3, AWS MCP +4; 0 picks free ports. Default 4100. */
  port?: number;
  /** The access tokens' `aud`. Default `toolhive-aws` (the tutorial's). */
  audience?: string;
  /** A user's awsSts configuration; default: the tutorial's example configuration. */
  config?: AwsStsConfig;
  /** Tutorial configuration only: the trust policies' allowed `sub` values (default: any). */
  restrictSubjects?: readonly string[];
  /** Browser origins allowed besides the site's (`http://127.0.0.1:3000`, `http://localhost:3000`). */
  allowedOrigins?: readonly string[];
  /** The proxy's request log. Default: silent. */
  logger?: Logger;
  /** Receives every STS decision (never a token or credentials). */
  onStsDecision?: (explanation: StsExplanation) => void;
  /**
   * The AWS MCP Server emulator's throttle. Default `false`: an interactive session never gets a
   * 429; `{}` is AWS's documented 3 requests per second per account and Region.
   */
  throttle?: false | ThrottleOptions;
  /** How the proxy answers: `toolhive` (default, ToolHive's answers) or `enhanced`. */
  mode?: ProxyMode;
  /** Enhanced mode only: `false` calls STS on every request. Default: on when enhanced. */
  cache?: boolean;
}

/** Where each service answers. */
export interface ReplicaUrls {
  /** The MCP endpoint clients use, e.g. `http://127.0.0.1:4100/mcp`. */
  proxy: string;
  /** The OIDC issuer, exactly as tokens carry it in `iss`. */
  issuer: string;
  sts: string;
  iam: string;
  /** The AWS MCP Server emulator's `/mcp` (SigV4 only; clients go through the proxy). */
  upstream: string;
}

export interface Replica {
  urls: ReplicaUrls;
  ports: ReplicaPorts;
  audience: string;
  source: SetupSource;
  /** The awsSts configuration the proxy runs. */
  config: AwsStsConfig;
  roles: ReplicaRole[];
  users: DemoUserOutcome[];
  accountId: string;
  allowedOrigins: string[];
  /** How the proxy answers. */
  mode: ProxyMode;
  /** Whether the proxy caches credentials (never in the ToolHive mode). */
  cache: boolean;
  /** Whether the AWS MCP Server emulator throttles at AWS's documented rate. */
  throttle: boolean;
  /** The emulated account (OIDC providers, roles, issued credentials). */
  state: AccountState;
  /** Stops every service; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the replica and resolves once every service listens and the account is set up; a port
 * in use rejects with an error naming the service and port (already started services are closed).
 * @example
 * const replica = await startReplica({ port: 0 });
 * const token = await getAccessToken({ issuer: replica.urls.issuer, user: 'alice' });
 * await replica.close();
 */
export async function startReplica(options: StartReplicaOptions = {}): Promise<Replica> {
  const ports = replicaPorts(options.port);
  const mode = options.mode ?? 'toolhive';
  const cache = mode === 'enhanced' && options.cache !== false;
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const allowedOrigins = allowedOriginsWith(options.allowedOrigins ?? []);
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    const pending = closers.splice(0).reverse();
    for (const close of pending) await close().catch(() => undefined);
  };
  const bind = async <T>(service: ReplicaService, listen: () => Promise<T>): Promise<T> => {
    try {
      return await listen();
    } catch (error) {
      throw listenFailure(service, REPLICA_HOST, ports[service], error);
    }
  };

  try {
    const idp = createOidcProvider({ audience });
    const { issuer } = await bind('oidc', () => idp.listen(ports.oidc, REPLICA_HOST));
    closers.push(() => idp.close());

    const side: AccountSetup =
      options.config !== undefined
        ? configSetup(options.config, { issuer, audience })
        : tutorialSetup({
            issuer,
            audience,
            ...(options.restrictSubjects ? { restrictSubjects: options.restrictSubjects } : {}),
          });
    const state = new AccountState({
      accountId: side.values.accountId,
      partition: side.values.partition,
    });

    const sts = createStsServer({
      state,
      allowedOrigins,
      ...(options.onStsDecision ? { onExplain: options.onStsDecision } : {}),
    });
    const { url: stsUrl } = await bind('sts', () => sts.listen(ports.sts, REPLICA_HOST));
    closers.push(() => sts.close());

    const iam = createIamServer({ state, allowLoopbackHttp: true });
    const { url: iamUrl } = await bind('iam', () => iam.listen(ports.iam, REPLICA_HOST));
    closers.push(() => iam.close());

    const awsMcp = createAwsMcpServer({
      state,
      region: side.config.region,
      service: side.config.service,
      ...(options.throttle !== undefined ? { throttle: options.throttle } : {}),
    });
    const { url: upstreamUrl } = await bind('awsMcp', () =>
      awsMcp.listen(ports.awsMcp, REPLICA_HOST)
    );
    closers.push(() => awsMcp.close());

    await registerWithIam(side, iamUrl);

    const proxy = createProxy({
      config: side.config,
      upstreamUrl,
      issuer,
      audience,
      stsEndpoint: stsUrl,
      allowedOrigins,
      logger: options.logger ?? createProxyLogger({ level: 'silent' }),
      mode,
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
    });
    closers.push(() => proxy.close());
    const { url: proxyUrl } = await bind('proxy', () => proxy.listen(ports.proxy, REPLICA_HOST));

    return {
      urls: { proxy: proxyUrl, issuer, sts: stsUrl, iam: iamUrl, upstream: upstreamUrl },
      ports: {
        proxy: portOf(proxyUrl),
        oidc: portOf(issuer),
        sts: portOf(stsUrl),
        iam: portOf(iamUrl),
        awsMcp: portOf(upstreamUrl),
      },
      audience,
      source: side.source,
      config: side.config,
      roles: side.roles,
      users: describeDemoUsers(idp.users, side.config),
      accountId: side.values.accountId,
      allowedOrigins,
      mode,
      cache,
      throttle: options.throttle !== undefined && options.throttle !== false,
      state,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

// The one JSON line `sandbox --json` prints once every service is ready, for scripts and tests.
// It carries URLs and demo users only: never a token, a secret or credentials.

import type { ProxyMode } from '../proxy';
import type { Replica } from './startReplica';

/** `{"ready": true, …}` as `npm run sandbox -- --json` prints it. */
export interface ReadyMessage {
  ready: true;
  mode: 'emulated';
  /** How the proxy answers: `toolhive` (the default) or `enhanced` (`--enhanced`). */
  proxyMode: ProxyMode;
  /** Whether the proxy caches credentials (only in the enhanced mode, unless `--no-cache`). */
  credentialCache: boolean;
  /** Whether the AWS MCP Server emulator throttles at AWS's documented rate (`--throttle`). */
  throttle: boolean;
  proxyUrl: string;
  issuerUrl: string;
  stsUrl: string;
  iamUrl: string;
  upstreamUrl: string;
  audience: string;
  accountId: string;
  config: 'tutorial' | 'config';
  users: { name: string; groups: string[] }[];
}

/**
 * The ready message of a started replica.
 * @example JSON.stringify(readyMessage(replica)) // '{"ready":true,"mode":"emulated","proxyMode":"toolhive",…}'
 */
export function readyMessage(replica: Replica): ReadyMessage {
  return {
    ready: true,
    mode: 'emulated',
    proxyMode: replica.mode,
    credentialCache: replica.cache,
    throttle: replica.throttle,
    proxyUrl: replica.urls.proxy,
    issuerUrl: replica.urls.issuer,
    stsUrl: replica.urls.sts,
    iamUrl: replica.urls.iam,
    upstreamUrl: replica.urls.upstream,
    audience: replica.audience,
    accountId: replica.accountId,
    config: replica.source,
    users: replica.users.map((user) => ({ name: user.name, groups: [...user.groups] })),
  };
}

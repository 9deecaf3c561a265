// The text and ready line of `sandbox --aws`: the proxy in front of the real AWS MCP Server, with
// a plain warning that requests go to AWS. It never contains a token; it prints nothing itself.

import type { AwsStsConfig } from '../config';
import type { ProxyMode } from '../proxy';
import type { AwsProxy } from './awsProxy';
import { roleNameOf } from './demoUsers';

/** What `sandbox --aws --json` prints once the proxy listens. */
export interface AwsReadyMessage {
  ready: true;
  mode: 'aws';
  proxyMode: ProxyMode;
  credentialCache: boolean;
  proxyUrl: string;
  issuerUrl: string;
  stsUrl: string;
  upstreamUrl: string;
  audience: string;
  users: never[];
}

/**
 * The warning printed before anything starts.
 * @example io.stderr(awsWarning('us-east-1'))
 */
export function awsWarning(region: string): string {
  return `warning: --aws talks to AWS: tokens go to https://sts.${region}.amazonaws.com and signed requests to https://aws-mcp.${region}.api.aws/mcp, as your users' IAM roles (no emulators run; nothing is created in IAM).`;
}

/**
 * The ready line of the `--aws` mode.
 * @example JSON.stringify(awsReadyMessage(proxy, issuer, audience))
 */
export function awsReadyMessage(
  proxy: AwsProxy,
  issuer: string,
  audience: string
): AwsReadyMessage {
  return {
    ready: true,
    mode: 'aws',
    proxyMode: proxy.mode,
    credentialCache: proxy.cache,
    proxyUrl: proxy.proxyUrl,
    issuerUrl: issuer,
    stsUrl: proxy.stsEndpoint,
    upstreamUrl: proxy.upstreamUrl,
    audience,
    users: [],
  };
}

/**
 * The banner of the `--aws` mode: where the proxy listens, what it talks to, the role mappings and
 * the tutorial's Step 6 commands.
 * @example io.stdout(renderAwsBanner(proxy, config, issuer, audience))
 */
export function renderAwsBanner(
  proxy: AwsProxy,
  config: AwsStsConfig,
  issuer: string,
  audience: string
): string {
  const mappings = config.roleMappings.map(
    (mapping) =>
      `  ${mapping.claim !== undefined ? `${config.roleClaim} contains ${mapping.claim}` : `matcher ${mapping.matcher ?? ''}`} -> ${roleNameOf(mapping.roleArn)}${mapping.priority !== undefined ? ` (priority ${mapping.priority})` : ''}`
  );
  if (config.fallbackRoleArn !== undefined) {
    mappings.push(`  anyone else -> ${roleNameOf(config.fallbackRoleArn)} (fallback)`);
  }
  return [
    'awsSts proxy against AWS is ready. This talks to AWS: STS and the AWS MCP Server are real.',
    '',
    `  proxy (MCP endpoint)  ${proxy.proxyUrl}`,
    `  issuer                ${issuer} (audience ${audience})`,
    `  STS                   ${proxy.stsEndpoint}`,
    `  AWS MCP Server        ${proxy.upstreamUrl}`,
    '',
    proxy.mode === 'toolhive'
      ? 'ToolHive mode (the default): answers as ToolHive does; STS on every request. --enhanced adds the credential cache, errors that say why and Retry-After.'
      : `enhanced mode (--enhanced): credential cache ${proxy.cache ? 'on' : 'off (--no-cache)'}, errors that say why, Retry-After. Without --enhanced the proxy answers as ToolHive does.`,
    '',
    `Role mapping (region ${config.region}, session name from claim ${config.sessionNameClaim})`,
    ...mappings,
    '',
    "Get an access token from your IdP (the tutorial's Step 6), then:",
    `   export MCP_URL=${proxy.proxyUrl}`,
    `   curl -i -X POST "$MCP_URL" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1.0.0"}}}'`,
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}

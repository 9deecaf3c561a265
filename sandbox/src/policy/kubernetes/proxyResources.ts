// The MCPOIDCConfig and MCPRemoteProxy that put ToolHive in front of the AWS MCP Server, as the
// tutorial writes them. It does not expose the proxy (gateway.ts) or configure STS.

import { awsMcpUrl, PROXY_PORT, RESOURCE_NAMES, TOOLHIVE_API_VERSION } from '../names';
import type { GeneratorValues } from '../types';

/**
 * The `aws-mcp-oidc` MCPOIDCConfig: which issuer signs the tokens.
 * @example generateOidcConfig(values).spec.inline.issuer // 'https://dev-123456.okta.com/oauth2/default'
 */
export function generateOidcConfig(values: GeneratorValues) {
  return {
    apiVersion: TOOLHIVE_API_VERSION,
    kind: 'MCPOIDCConfig',
    metadata: { name: RESOURCE_NAMES.oidcConfig, namespace: values.namespace },
    spec: { type: 'inline', inline: { issuer: values.issuer } },
  } as const;
}

/**
 * The `aws-mcp-proxy` MCPRemoteProxy: the AWS MCP Server of the region, the audience tokens
 * must carry, the public resource URL, and the STS exchange.
 * @example generateRemoteProxy(values).spec.remoteUrl // 'https://aws-mcp.us-east-1.api.aws/mcp'
 */
export function generateRemoteProxy(values: GeneratorValues) {
  return {
    apiVersion: TOOLHIVE_API_VERSION,
    kind: 'MCPRemoteProxy',
    metadata: { name: RESOURCE_NAMES.remoteProxy, namespace: values.namespace },
    spec: {
      remoteUrl: awsMcpUrl(values.region),
      transport: 'streamable-http',
      proxyPort: PROXY_PORT,
      oidcConfigRef: {
        name: RESOURCE_NAMES.oidcConfig,
        audience: values.audience,
        resourceUrl: `https://${values.domain}/mcp`,
      },
      externalAuthConfigRef: { name: RESOURCE_NAMES.externalAuthConfig },
    },
  } as const;
}

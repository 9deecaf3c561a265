// Fixed names shared by the generators: Kubernetes resource names (as in the tutorial), output
// file paths, IAM naming rules and MCP condition keys. It does not generate anything.

import type { Partition } from './types';

/** Resource names, exactly as the tutorial uses them. */
export const RESOURCE_NAMES = {
  oidcConfig: 'aws-mcp-oidc',
  externalAuthConfig: 'aws-mcp-sts-auth',
  remoteProxy: 'aws-mcp-proxy',
  gateway: 'aws-mcp-gateway',
  httpRoute: 'aws-mcp-route',
  tlsSecret: 'aws-mcp-tls',
  gatewayClass: 'my-gateway-class',
  ingress: 'aws-mcp-ingress',
  ingressClass: 'my-ingress-class',
} as const;

/** The proxy's port, and the Service the operator creates for an MCPRemoteProxy. */
export const PROXY_PORT = 8080;
export const PROXY_SERVICE = `mcp-${RESOURCE_NAMES.remoteProxy}-remote-proxy`;

/** ToolHive's API group version for its resources; Gateway API resources use `v1`. */
export const TOOLHIVE_API_VERSION = 'toolhive.stacklok.dev/v1beta1';
export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';
/** The Ingress API, for clusters without a Gateway API implementation. */
export const INGRESS_API_VERSION = 'networking.k8s.io/v1';

/** Output file paths, relative to the output directory. */
export const FILE_PATHS = {
  readme: 'README.md',
  trustPolicy: (roleName: string) => `aws/trust-policy-${roleName}.json`,
  permissionPolicy: (roleName: string) => `aws/permission-policy-${roleName}.json`,
  setupScript: 'aws/setup.sh',
  cleanupScript: 'aws/cleanup.sh',
  oidcConfig: 'k8s/mcpoidcconfig.yaml',
  externalAuthConfig: 'k8s/mcpexternalauthconfig.yaml',
  remoteProxy: 'k8s/mcpremoteproxy.yaml',
  gateway: 'k8s/gateway.yaml',
  ingress: 'k8s/ingress.yaml',
} as const;

/** IAM role names: 1–64 characters of letters, digits and `_+=,.@-`. */
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** The global condition keys AWS adds to calls made through an AWS-managed MCP server. */
export const VIA_MCP_KEY = 'aws:ViaAWSMCPService';
export const CALLED_VIA_MCP_KEY = 'aws:CalledViaAWSMCP';
/** The value of `aws:CalledViaAWSMCP` for the AWS MCP Server. */
export const AWS_MCP_SERVICE_PRINCIPAL = 'aws-mcp.amazonaws.com';

/**
 * The inline policy name for a role: `DefaultMCPRole` → `DefaultMCPPermissions`, other names get
 * `Permissions` appended.
 * @example inlinePolicyName('S3ReadOnlyMCPRole') // 'S3ReadOnlyMCPPermissions'
 */
export function inlinePolicyName(roleName: string): string {
  const stem = /.Role$/.test(roleName) ? roleName.slice(0, -'Role'.length) : roleName;
  return `${stem}Permissions`;
}

/**
 * The role ARN for a name.
 * @example roleArn('aws', '123456789012', 'DefaultMCPRole') // 'arn:aws:iam::123456789012:role/DefaultMCPRole'
 */
export function roleArn(partition: Partition, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/**
 * The AWS MCP Server endpoint of a region.
 * @example awsMcpUrl('us-east-1') // 'https://aws-mcp.us-east-1.api.aws/mcp'
 */
export function awsMcpUrl(region: string): string {
  return `https://aws-mcp.${region}.api.aws/mcp`;
}

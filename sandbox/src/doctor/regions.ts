// Which AWS Region an endpoint URL names: the AWS MCP Server's `aws-mcp.<region>.api.aws` and
// STS's `sts.<region>.amazonaws.com`. It does not know which Regions exist.

const AWS_MCP_HOST = /^aws-mcp\.([a-z]{2}(?:-[a-z]+)+-\d+)\.api\.aws$/;
const STS_HOST = /^sts(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The Region of an AWS MCP Server endpoint, or undefined for any other URL.
 * @example awsMcpRegion('https://aws-mcp.eu-west-1.api.aws/mcp') // 'eu-west-1'
 */
export function awsMcpRegion(url: string): string | undefined {
  return AWS_MCP_HOST.exec(hostOf(url) ?? '')?.[1];
}

/**
 * The Region an STS endpoint serves: regional endpoints by name, the global endpoint is
 * us-east-1; undefined for anything else (an emulator, a VPC endpoint).
 * @example stsEndpointRegion('https://sts.eu-central-1.amazonaws.com') // 'eu-central-1'
 */
export function stsEndpointRegion(url: string): string | undefined {
  const host = hostOf(url) ?? '';
  if (host === 'sts.amazonaws.com') return 'us-east-1';
  return STS_HOST.exec(host)?.[1];
}

// The Regions where AWS serves the AWS MCP Server, as AWS lists them. It checks nothing by itself:
// region codes are ToolHive's business (config's REGION_PATTERN); validateInput notes the others.

/** AWS General Reference, "AWS MCP Server endpoints and quotas", Service endpoints. */
export const AWS_MCP_SERVER_REGIONS_SOURCE =
  'https://docs.aws.amazon.com/general/latest/gr/aws-mcp.html';

/**
 * Every Region with an AWS MCP Server endpoint (`https://aws-mcp.<code>.api.aws/mcp`), in AWS's
 * order, as listed in the AWS General Reference when this was written. AWS adds Regions over time,
 * so the generator notes other region codes instead of refusing them.
 */
export const AWS_MCP_SERVER_REGIONS = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-west-1', name: 'Europe (Ireland)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
] as const;

/**
 * Whether AWS lists an AWS MCP Server endpoint in this Region.
 * @example isAwsMcpServerRegion('eu-west-2') // true
 */
export function isAwsMcpServerRegion(code: string): boolean {
  return AWS_MCP_SERVER_REGIONS.some((region) => region.code === code);
}

/**
 * The generator's note for a region code AWS does not list (undefined for a listed one).
 * @example awsMcpRegionNote('eu-west-3') // 'region eu-west-3 is not one of the eight …'
 */
export function awsMcpRegionNote(code: string): string | undefined {
  if (isAwsMcpServerRegion(code)) return undefined;
  const listed = AWS_MCP_SERVER_REGIONS.map((region) => region.code).join(', ');
  return `region ${code} is not one of the ${AWS_MCP_SERVER_REGIONS.length} Regions where AWS serves the AWS MCP Server (${listed}), so https://aws-mcp.${code}.api.aws/mcp may not exist; check ${AWS_MCP_SERVER_REGIONS_SOURCE} in case AWS has added it`;
}

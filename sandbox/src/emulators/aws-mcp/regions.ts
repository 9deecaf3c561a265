// The Region list that the emulated `aws___list_regions` returns. Illustrative, not authoritative:
// AWS advises against hard-coding it, and the real tool's output shape is not documented here.

import { isAwsMcpServerRegion } from '../../policy';

export interface RegionInfo {
  region_id: string;
  region_long_name: string;
  /** Whether the AWS MCP Server itself is offered there (the generator's list, as of writing). */
  aws_mcp_server: boolean;
}

const COMMERCIAL_REGIONS: readonly [string, string][] = [
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-1', 'US West (N. California)'],
  ['us-west-2', 'US West (Oregon)'],
  ['af-south-1', 'Africa (Cape Town)'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)'],
  ['ca-central-1', 'Canada (Central)'],
  ['ca-west-1', 'Canada West (Calgary)'],
  ['eu-central-1', 'Europe (Frankfurt)'],
  ['eu-central-2', 'Europe (Zurich)'],
  ['eu-west-1', 'Europe (Ireland)'],
  ['eu-west-2', 'Europe (London)'],
  ['eu-west-3', 'Europe (Paris)'],
  ['eu-north-1', 'Europe (Stockholm)'],
  ['eu-south-1', 'Europe (Milan)'],
  ['eu-south-2', 'Europe (Spain)'],
  ['il-central-1', 'Israel (Tel Aviv)'],
  ['me-south-1', 'Middle East (Bahrain)'],
  ['me-central-1', 'Middle East (UAE)'],
  ['sa-east-1', 'South America (São Paulo)'],
];

/**
 * The usual commercial Regions, each marked with whether the AWS MCP Server is offered there.
 * @example listRegions().find((r) => r.region_id === 'eu-west-1')?.aws_mcp_server // true
 */
export function listRegions(): RegionInfo[] {
  return COMMERCIAL_REGIONS.map(([id, name]) => ({
    region_id: id,
    region_long_name: name,
    aws_mcp_server: isAwsMcpServerRegion(id),
  }));
}

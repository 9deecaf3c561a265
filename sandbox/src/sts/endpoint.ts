// Where ToolHive sends AssumeRoleWithWebIdentity for a Region. No SDK import, so code that only
// needs the endpoint (the doctor in a browser) does not pull the STS client into its bundle.

/**
 * The regional STS endpoint ToolHive uses (`https://sts.<region>.amazonaws.com`), with the
 * China partition's `.amazonaws.com.cn` suffix for `cn-` regions.
 * @example
 * defaultStsEndpoint('eu-central-1'); // 'https://sts.eu-central-1.amazonaws.com'
 */
export function defaultStsEndpoint(region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sts.${region}.${suffix}`;
}

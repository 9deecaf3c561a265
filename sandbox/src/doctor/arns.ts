// The parts of the ARNs the doctor meets: roles (`arn:aws:iam::123456789012:role/path/Name`) and
// OIDC providers (`…:oidc-provider/<host/path>`). It validates nothing (config does).

/** A role ARN's parts; undefined when the text is not a role ARN. */
export interface RoleArnParts {
  partition: string;
  accountId: string;
  /** `/` or `/path/`. */
  path: string;
  roleName: string;
}

/**
 * Splits a role ARN.
 * @example parseRoleArn('arn:aws:iam::123456789012:role/mcp/S3ReadOnlyMCPRole')?.roleName // 'S3ReadOnlyMCPRole'
 */
export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = /^arn:([^:]+):iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!match) return undefined;
  const [, partition = '', accountId = '', path = '/', roleName = ''] = match;
  return { partition, accountId, path, roleName };
}

/**
 * The ARN IAM gives the provider registered for an issuer, in a role's account.
 * @example providerArnFor('https://idp.example.com', { partition: 'aws', accountId: '123456789012' })
 * // 'arn:aws:iam::123456789012:oidc-provider/idp.example.com'
 */
export function providerArnFor(
  issuer: string,
  where: Pick<RoleArnParts, 'partition' | 'accountId'>
): string {
  return `arn:${where.partition}:iam::${where.accountId}:oidc-provider/${issuer.replace(/^https?:\/\//i, '')}`;
}

/** An OIDC provider ARN's parts; undefined for other ARNs. */
export function parseProviderArn(
  arn: string
): { partition: string; accountId: string; hostPath: string } | undefined {
  const match = /^arn:([^:]+):iam::(\d{12}):oidc-provider\/(.+)$/.exec(arn);
  if (!match) return undefined;
  const [, partition = '', accountId = '', hostPath = ''] = match;
  return { partition, accountId, hostPath };
}

/**
 * Every distinct role ARN a configuration names: the fallback first, then the mappings'.
 * @example configRoleArns({ fallbackRoleArn: 'a', roleMappings: [{ roleArn: 'b' }] }) // ['a', 'b']
 */
export function configRoleArns(config: {
  fallbackRoleArn?: string | undefined;
  roleMappings: readonly { roleArn: string }[];
}): string[] {
  const arns = [
    ...(config.fallbackRoleArn ? [config.fallbackRoleArn] : []),
    ...config.roleMappings.map((mapping) => mapping.roleArn),
  ];
  return [...new Set(arns)];
}

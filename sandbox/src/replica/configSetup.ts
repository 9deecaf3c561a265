// The replica's setup for a user's own awsSts configuration (`--config`): every role it references
// is created with the tutorial's trust policy and a permission preset. It does not load files.

import type { AwsStsConfig } from '../config';
import { AwsStsError } from '../errors';
import { inlinePolicyName, TUTORIAL_VALUES } from '../policy';
import type { GeneratorValues, Partition, PermissionPresetName, RoleValues } from '../policy';
import { accountSetupFor, type AccountSetup } from './accountSetup';

/** Permission presets of roles named as in the tutorial; other roles get `presetFor`'s choice. */
const TUTORIAL_ROLE_PRESETS: Readonly<Record<string, PermissionPresetName>> = {
  DefaultMCPRole: 'default',
  S3ReadOnlyMCPRole: 's3-read-only',
};

/** `arn:<partition>:iam::<account>:role<path><name>` */
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role(\/(?:[^/]+\/)*)([^/]+)$/;

interface ParsedRoleArn {
  arn: string;
  partition: Partition;
  accountId: string;
  path: string;
  name: string;
}

/**
 * Which preset a referenced role gets: the tutorial's for `DefaultMCPRole` and
 * `S3ReadOnlyMCPRole`; otherwise `default` for the fallback role and `s3-read-only` for a mapped
 * role (the emulated AWS MCP Server runs only S3 reads and GetCallerIdentity).
 * @example presetFor('AdminRole', false) // 's3-read-only'
 */
export function presetFor(roleName: string, fallback: boolean): PermissionPresetName {
  return TUTORIAL_ROLE_PRESETS[roleName] ?? (fallback ? 'default' : 's3-read-only');
}

/**
 * The account for a validated awsSts configuration: its account ID and partition from the role
 * ARNs (they must agree), each referenced role with the tutorial's trust policy for the local
 * issuer and its preset, and the configuration itself for the proxy, unchanged.
 * @example configSetup(config, { issuer: 'http://127.0.0.1:4101', audience: 'toolhive-aws' }).roles
 */
export function configSetup(
  config: AwsStsConfig,
  options: { issuer: string; audience: string }
): AccountSetup {
  const fallbackArn = config.fallbackRoleArn;
  const arns = [
    ...(fallbackArn !== undefined ? [fallbackArn] : []),
    ...config.roleMappings.map((mapping) => mapping.roleArn),
  ];
  const parsed = [...new Set(arns)].map(parseRoleArn);
  const first = parsed[0];
  if (first === undefined) {
    throw new AwsStsError(
      'MISSING_ROLE_CONFIG',
      'the configuration names no role: set fallbackRoleArn or roleMappings'
    );
  }
  for (const role of parsed) {
    if (role.accountId !== first.accountId || role.partition !== first.partition) {
      throw new AwsStsError(
        'INVALID_CONFIG',
        `the sandbox emulates one account, but the role ARNs name ${first.partition}:${first.accountId} (${first.arn}) and ${role.partition}:${role.accountId} (${role.arn}); use one account ID in every roleArn`
      );
    }
    const clash = parsed.find((other) => other.name === role.name && other.arn !== role.arn);
    if (clash !== undefined) {
      throw new AwsStsError(
        'INVALID_CONFIG',
        `${role.arn} and ${clash.arn} use the same role name with different paths; IAM role names are unique per account`
      );
    }
  }
  const roleValues = parsed.map((role): RoleValues => {
    const isFallback = role.arn === fallbackArn;
    const mapping = config.roleMappings.find((candidate) => candidate.roleArn === role.arn);
    return {
      name: role.name,
      arn: role.arn,
      policyName: inlinePolicyName(role.name),
      permissions: presetFor(role.name, isFallback),
      restrictSubjects: [],
      ...(mapping?.claim !== undefined ? { claim: mapping.claim } : {}),
      ...(mapping?.matcher !== undefined ? { matcher: mapping.matcher } : {}),
      ...(mapping?.priority !== undefined ? { priority: mapping.priority } : {}),
      fallback: isFallback,
    };
  });
  const fallbackRole = roleValues.find((role) => role.fallback);
  const values: GeneratorValues = {
    // Replaced by the local issuer in accountSetupFor.
    issuer: TUTORIAL_VALUES.issuer,
    providerPath: '',
    providerArn: '',
    audience: options.audience,
    accountId: first.accountId,
    partition: first.partition,
    region: config.region,
    namespace: TUTORIAL_VALUES.namespace,
    domain: TUTORIAL_VALUES.domain,
    roleClaim: config.roleClaim,
    sessionNameClaim: config.sessionNameClaim,
    sessionDuration: config.sessionDuration,
    ...(fallbackRole ? { fallbackRole } : {}),
    roles: roleValues.filter((role) => !role.fallback),
  };
  return accountSetupFor(values, options.issuer, 'config', config);
}

/** The path of a role ARN (`/` or `/team/`), for CreateRole's `Path`. */
export function rolePathOf(arn: string): string {
  return ROLE_ARN.exec(arn)?.[3] ?? '/';
}

function parseRoleArn(arn: string): ParsedRoleArn {
  const match = ROLE_ARN.exec(arn);
  if (match === null) {
    throw new AwsStsError(
      'INVALID_ROLE_ARN',
      `${arn} is not a role ARN the sandbox can create (arn:aws:iam::<12 digits>:role/[path/]<name>)`
    );
  }
  const [, partition, accountId, path, name] = match;
  return {
    arn,
    partition: partition as Partition,
    accountId: accountId ?? '',
    path: path ?? '/',
    name: name ?? '',
  };
}

// The named permission presets and the shape of every Allow statement the generator writes: the
// actions, their MCP scoping condition and a Sid. It does not build documents (permissionPolicy.ts).

import type { PolicyCondition } from '../iam';
import { AWS_MCP_SERVICE_PRINCIPAL, CALLED_VIA_MCP_KEY, VIA_MCP_KEY } from './names';
import type { PermissionPresetName, Permissions } from './types';

/** One Allow statement before it is written as JSON. */
export interface AllowSpec {
  sid: string;
  actions: string[];
  resources: string[];
  /** How the statement is limited to calls made through MCP. */
  condition: PolicyCondition;
}

/** Any AWS-managed MCP server (what the tutorial's default role uses). */
const VIA_ANY_MCP: PolicyCondition = { Bool: { [VIA_MCP_KEY]: 'true' } };
/** The AWS MCP Server specifically. */
const VIA_AWS_MCP: PolicyCondition = {
  StringEquals: { [CALLED_VIA_MCP_KEY]: AWS_MCP_SERVICE_PRINCIPAL },
};

/** The presets, with a one-line description each (README and `--help`). */
export const PERMISSION_PRESETS: Readonly<
  Record<PermissionPresetName, { description: string; allow: AllowSpec }>
> = {
  default: {
    description:
      'sts:GetCallerIdentity through MCP only; the AWS MCP Server knowledge tools need no IAM permissions',
    allow: {
      sid: 'AllowCallerIdentityViaMcp',
      actions: ['sts:GetCallerIdentity'],
      resources: ['*'],
      condition: VIA_ANY_MCP,
    },
  },
  's3-read-only': {
    description: 'read S3 objects and list buckets, only through the AWS MCP Server',
    allow: {
      sid: 'AllowS3ReadViaAwsMcp',
      actions: ['s3:GetObject', 's3:ListBucket', 's3:ListAllMyBuckets'],
      resources: ['*'],
      condition: VIA_AWS_MCP,
    },
  },
};

export const PRESET_NAMES = Object.keys(PERMISSION_PRESETS) as PermissionPresetName[];

/**
 * Whether a string names a preset.
 * @example isPresetName('s3-read-only') // true
 */
export function isPresetName(value: string): value is PermissionPresetName {
  return Object.hasOwn(PERMISSION_PRESETS, value);
}

/**
 * The Allow statement for a role's permissions: the preset's, or the explicit actions and
 * resources scoped to the AWS MCP Server.
 * @example allowSpec('default').actions // ['sts:GetCallerIdentity']
 */
export function allowSpec(permissions: Permissions): AllowSpec {
  if (typeof permissions === 'string') return PERMISSION_PRESETS[permissions].allow;
  return {
    sid: 'AllowActionsViaAwsMcp',
    actions: [...permissions.actions],
    resources: [...permissions.resources],
    condition: VIA_AWS_MCP,
  };
}

/**
 * A short description of a role's permissions for the README.
 * @example describePermissions({ actions: ['ec2:Describe*'], resources: ['*'] }) // 'ec2:Describe* on *, only through the AWS MCP Server'
 */
export function describePermissions(permissions: Permissions): string {
  if (typeof permissions === 'string') {
    return `preset ${permissions}: ${PERMISSION_PRESETS[permissions].description}`;
  }
  return `${permissions.actions.join(', ')} on ${permissions.resources.join(', ')}, only through the AWS MCP Server`;
}

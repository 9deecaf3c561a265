// The named permission presets and the shape of every Allow statement the generator writes: the
// actions, their MCP scoping condition and a Sid. It does not build documents (permissionPolicy.ts).

import type { PolicyCondition } from '../../iam';
import { AWS_MCP_SERVICE_PRINCIPAL, CALLED_VIA_MCP_KEY } from '../names';
import type { PermissionPresetName, Permissions } from '../types';

/** One Allow statement before it is written as JSON. */
export interface AllowSpec {
  sid: string;
  actions: string[];
  resources: string[];
  /** How the statement is limited to calls made through MCP. */
  condition: PolicyCondition;
}

/** The AWS MCP Server specifically. */
const VIA_AWS_MCP: PolicyCondition = {
  StringEquals: { [CALLED_VIA_MCP_KEY]: AWS_MCP_SERVICE_PRINCIPAL },
};

/** One preset: what it lets a role do, and its Allow statement (none for `default`). */
export interface PermissionPreset {
  /** A noun phrase that completes "Grants …", for the README, `--help` and the generator form. */
  description: string;
  allow?: AllowSpec;
}

/**
 * The presets. `default` allows nothing: `sts:GetCallerIdentity` needs no permission and cannot
 * be denied (STS API reference, GetCallerIdentity), and the AWS MCP Server's knowledge tools need
 * no IAM permission at all, so an Allow for it would grant nothing. The role keeps only the
 * guardrail, which still matters: whatever is attached to the role later works only through MCP.
 */
export const PERMISSION_PRESETS: Readonly<Record<PermissionPresetName, PermissionPreset>> = {
  default: {
    description:
      'no AWS permissions (the AWS MCP Server knowledge tools and sts:GetCallerIdentity need none); every other AWS call is denied',
  },
  's3-read-only': {
    description: 'read access to S3 objects and bucket lists, only through the AWS MCP Server',
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
 * The Allow statement for a role's permissions: the preset's (none for `default`), or the
 * explicit actions and resources scoped to the AWS MCP Server.
 * @example allowSpec('s3-read-only')?.actions // ['s3:GetObject', 's3:ListBucket', 's3:ListAllMyBuckets']
 */
export function allowSpec(permissions: Permissions): AllowSpec | undefined {
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

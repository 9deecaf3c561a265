// The MCPExternalAuthConfig of type awsSts: which roles exist, how ToolHive picks one, and how it
// names the STS session. It does not validate; validateInput checks the values first.

import { DEFAULT_SERVICE, type AwsStsSpec, type RoleMappingSpec } from '../../config';
import { RESOURCE_NAMES, TOOLHIVE_API_VERSION } from '../names';
import type { GeneratorValues, RoleValues } from '../types';

/** An MCPExternalAuthConfig resource as the generator writes it. */
export interface ExternalAuthConfigResource {
  apiVersion: typeof TOOLHIVE_API_VERSION;
  kind: 'MCPExternalAuthConfig';
  metadata: { name: string; namespace: string };
  spec: { type: 'awsSts'; awsSts: AwsStsSpec };
}

/**
 * `spec.awsSts`, in the tutorial's key order, with every default written out.
 * @example generateAwsStsSpec(values).fallbackRoleArn // 'arn:aws:iam::123456789012:role/DefaultMCPRole'
 */
export function generateAwsStsSpec(values: GeneratorValues): AwsStsSpec {
  const spec: AwsStsSpec = { region: values.region, service: DEFAULT_SERVICE };
  if (values.fallbackRole) spec.fallbackRoleArn = values.fallbackRole.arn;
  spec.roleClaim = values.roleClaim;
  if (values.roles.length > 0) spec.roleMappings = values.roles.map(roleMapping);
  spec.sessionDuration = values.sessionDuration;
  spec.sessionNameClaim = values.sessionNameClaim;
  if (values.subjectProviderName !== undefined)
    spec.subjectProviderName = values.subjectProviderName;
  return spec;
}

function roleMapping(role: RoleValues): RoleMappingSpec {
  const mapping: Partial<RoleMappingSpec> =
    role.claim !== undefined ? { claim: role.claim } : { matcher: role.matcher ?? '' };
  mapping.roleArn = role.arn;
  if (role.priority !== undefined) mapping.priority = role.priority;
  return mapping as RoleMappingSpec;
}

/**
 * The `aws-mcp-sts-auth` MCPExternalAuthConfig.
 * @example generateExternalAuthConfig(values).spec.type // 'awsSts'
 */
export function generateExternalAuthConfig(values: GeneratorValues): ExternalAuthConfigResource {
  return {
    apiVersion: TOOLHIVE_API_VERSION,
    kind: 'MCPExternalAuthConfig',
    metadata: { name: RESOURCE_NAMES.externalAuthConfig, namespace: values.namespace },
    spec: { type: 'awsSts', awsSts: generateAwsStsSpec(values) },
  };
}

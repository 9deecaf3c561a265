// Applies ToolHive's awsSts defaults to a spec that has already been validated.
// It does not validate; an empty string counts as unset, as in Go's `GetRoleClaim`.

import {
  DEFAULT_ROLE_CLAIM,
  DEFAULT_SERVICE,
  DEFAULT_SESSION_DURATION,
  DEFAULT_SESSION_NAME_CLAIM,
} from './constants';
import type { AwsStsConfig, AwsStsSpec, RoleMapping } from './types';

/**
 * Returns the normalized config: defaults for `service`, `roleClaim`, `sessionNameClaim` and
 * `sessionDuration`, `roleMappings` `[]` when absent, empty optional strings dropped.
 * @example applyDefaults({ region: 'us-east-1', fallbackRoleArn: arn }).roleClaim // 'groups'
 */
export function applyDefaults(spec: AwsStsSpec): AwsStsConfig {
  const config: AwsStsConfig = {
    region: spec.region,
    service: nonEmpty(spec.service) ?? DEFAULT_SERVICE,
    roleMappings: (spec.roleMappings ?? []).map(normalizeMapping),
    roleClaim: nonEmpty(spec.roleClaim) ?? DEFAULT_ROLE_CLAIM,
    sessionDuration: spec.sessionDuration || DEFAULT_SESSION_DURATION, // 0 is unset at runtime
    sessionNameClaim: nonEmpty(spec.sessionNameClaim) ?? DEFAULT_SESSION_NAME_CLAIM,
  };
  const fallbackRoleArn = nonEmpty(spec.fallbackRoleArn);
  if (fallbackRoleArn !== undefined) config.fallbackRoleArn = fallbackRoleArn;
  const subjectProviderName = nonEmpty(spec.subjectProviderName);
  if (subjectProviderName !== undefined) config.subjectProviderName = subjectProviderName;
  return config;
}

function normalizeMapping(mapping: RoleMapping): RoleMapping {
  const out: RoleMapping = { roleArn: mapping.roleArn };
  const claim = nonEmpty(mapping.claim);
  const matcher = nonEmpty(mapping.matcher);
  if (claim !== undefined) out.claim = claim;
  if (matcher !== undefined) out.matcher = matcher;
  if (mapping.priority !== undefined && mapping.priority !== null) out.priority = mapping.priority;
  return out;
}

/** Unset, `null` (pruned by the API server) and `""` all mean "use the default". */
function nonEmpty(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : value;
}

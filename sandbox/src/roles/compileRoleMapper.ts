// Builds a RoleMapper from an awsSts config the way ToolHive's `NewRoleMapper` does: the
// runtime checks, then every CEL matcher compiled up front. It does not select roles.

import { AwsStsError } from '../errors';
import { validateAwsSts } from '../config/validateAwsSts';
import type { AwsStsConfig } from '../config/types';
import { compileMatcher } from '../cel';
import type { CompiledMapping, RoleMapper } from './types';

/**
 * Compiles every mapping; throws `AwsStsError` (INVALID_MATCHER, INVALID_ROLE_ARN,
 * MISSING_ROLE_CONFIG or INVALID_CONFIG, with `path`) for the first problem ToolHive's runtime
 * would refuse. Checks that only the API server or operator make are `validateAwsSts`'s job.
 * @example selectRole(compileRoleMapper(config), { groups: ['admins'] }).roleArn
 */
export function compileRoleMapper(config: AwsStsConfig): RoleMapper {
  const result = validateAwsSts(config);
  if (!result.ok) {
    const blocking = result.issues.find((issue) =>
      issue.layers.some((layer) => layer === 'runtime' || layer === 'roleMapper')
    );
    if (blocking !== undefined) {
      throw new AwsStsError(blocking.code, blocking.message, { path: blocking.path });
    }
  }
  const mappings = config.roleMappings.map((mapping, index): CompiledMapping => {
    const priority = mapping.priority;
    if (mapping.matcher !== undefined && mapping.matcher !== '') {
      return {
        index,
        kind: 'matcher',
        roleArn: mapping.roleArn,
        priority,
        matcher: compileMatcher(mapping.matcher),
      };
    }
    return { index, kind: 'claim', roleArn: mapping.roleArn, priority, claim: mapping.claim ?? '' };
  });
  return { config, mappings };
}

// What each demo user gets from the proxy under a configuration: the role ToolHive's mapper picks
// and whether the session name passes. Same code as the proxy; it calls no STS and no IdP.

import type { AwsStsConfig } from '../config';
import type { DemoUser } from '../emulators/oidc';
import { userTokenClaims } from '../emulators/oidc';
import { AwsStsError } from '../errors';
import { compileRoleMapper, evaluateRoleMappings } from '../roles';
import { extractSessionName } from '../session';

/** A demo user and the proxy's decision for their token. */
export interface DemoUserOutcome {
  name: string;
  sub: string;
  groups: string[];
  /** The role ARN the mapper picks, or null (403 Failed to determine IAM role). */
  roleArn: string | null;
  fallback: boolean;
  /** The RoleSessionName, or undefined when the proxy refuses it. */
  sessionName?: string;
  /** What the proxy answers instead of assuming the role, e.g. `401 Invalid session name`. */
  refusal?: string;
}

/**
 * The decision for each user, from the claims their access tokens carry (`sub` plus their claims).
 * STS may still refuse (trust policy); that shows only at request time.
 * @example describeDemoUsers(DEFAULT_USERS, config)[2]?.refusal // '401 Invalid session name'
 */
export function describeDemoUsers(
  users: readonly DemoUser[],
  config: AwsStsConfig
): DemoUserOutcome[] {
  const mapper = compileRoleMapper(config);
  return users.map((user) => {
    const claims = { sub: user.sub, ...userTokenClaims(user) };
    const evaluation = evaluateRoleMappings(mapper, claims);
    const base = {
      name: user.username,
      sub: user.sub,
      groups: [...user.groups],
      roleArn: evaluation.roleArn,
      fallback: evaluation.fallback,
    };
    if (evaluation.roleArn === null)
      return { ...base, refusal: '403 Failed to determine IAM role' };
    try {
      const session = extractSessionName(claims, config.sessionNameClaim);
      return { ...base, sessionName: session.sessionName };
    } catch (error) {
      if (!(error instanceof AwsStsError)) throw error;
      const body =
        error.code === 'INVALID_SESSION_NAME'
          ? 'Invalid session name'
          : 'Missing session name claim';
      return { ...base, refusal: `401 ${body}` };
    }
  });
}

/**
 * The role's name from its ARN (the part after the last `/`).
 * @example roleNameOf('arn:aws:iam::123456789012:role/DefaultMCPRole') // 'DefaultMCPRole'
 */
export function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

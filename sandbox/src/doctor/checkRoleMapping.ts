// The `role-mapping` link, offline: ToolHive's role selection on this token's claims, with the
// explain trace, and the mapping that came closest when the token lands on the fallback role or
// on none. It does not check that the role exists (checkRoles).

import type { AwsStsConfig } from '../config';
import { compileRoleMapper, evaluateRoleMappings, explainSelection } from '../roles';
import { closestMapping } from './closestMapping';
import { fail, pass, tokenCheckInputs } from './report';
import type { DoctorCheck } from './types';

export interface RoleMappingOutcome {
  check: DoctorCheck;
  /** The role ToolHive would assume for this token. */
  roleArn?: string;
}

/**
 * Selects the role for the claims and explains why.
 * @example checkRoleMapping(config, { sub: 'alice', groups: ['s3-readers'] }).roleArn
 */
export function checkRoleMapping(
  validConfig: AwsStsConfig | undefined,
  tokenClaims: Record<string, unknown> | undefined
): RoleMappingOutcome {
  const inputs = tokenCheckInputs('role-mapping', validConfig, tokenClaims);
  if ('skipped' in inputs) return { check: inputs.skipped };
  const { config, claims } = inputs;
  let evaluation;
  try {
    evaluation = evaluateRoleMappings(compileRoleMapper(config), claims);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      check: fail(
        'role-mapping',
        `the role mapper does not start: ${reason}`,
        'fix the matcher the message names'
      ),
    };
  }
  const trace = explainSelection(evaluation).split('\n');
  const near = closestMapping(config, claims);
  const nearText = near
    ? `closest: roleMappings[${near.index}] (${config.roleMappings[near.index]?.roleArn ?? ''}): ${near.reason}`
    : undefined;
  if (evaluation.roleArn === null) {
    return {
      check: fail(
        'role-mapping',
        `no mapping matches and there is no fallbackRoleArn: ToolHive answers 403 "Failed to determine IAM role"${nearText ? `; ${nearText}` : ''}`,
        near?.fix ??
          `add a roleMappings entry that matches this token (its ${config.roleClaim} claim), or set fallbackRoleArn`,
        trace
      ),
    };
  }
  if (evaluation.matched !== null) {
    const entry = evaluation.trace.find((line) => line.chosen);
    return {
      roleArn: evaluation.roleArn,
      check: pass(
        'role-mapping',
        `roleMappings[${evaluation.matched.index}] (${entry?.description ?? 'mapping'}) matches: ${evaluation.roleArn}`,
        trace
      ),
    };
  }
  const why =
    evaluation.trace.length === 0 ? 'no roleMappings are configured' : 'no mapping matches';
  if (near !== undefined && nearText !== undefined) {
    return {
      roleArn: evaluation.roleArn,
      check: fail(
        'role-mapping',
        `${why}, so the fallback role ${evaluation.roleArn} is used; ${nearText}`,
        near.fix,
        trace
      ),
    };
  }
  return {
    roleArn: evaluation.roleArn,
    check: pass('role-mapping', `${why}: the fallback role ${evaluation.roleArn} is used`, trace),
  };
}

// The inline permission policy of a role: its Allow statement scoped to MCP, then the guardrail
// that denies every action outside MCP. It does not check sizes or validate (validateInput does).

import type { PolicyDocument, PolicyStatement } from '../../iam';
import { VIA_MCP_KEY } from '../names';
import { allowSpec } from './presets';
import type { Permissions } from '../types';

/**
 * The guardrail: direct calls with the role's credentials carry no `aws:ViaAWSMCPService`, so
 * `BoolIfExists … "false"` holds and every action is denied; the role works only through MCP.
 */
export const DENY_OUTSIDE_MCP: PolicyStatement = {
  Sid: 'DenyOutsideMcp',
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition: { BoolIfExists: { [VIA_MCP_KEY]: 'false' } },
};

/**
 * The permission policy for a preset or explicit permissions: the Allow statement (none for the
 * `default` preset), then the guardrail. Never uses the retired `aws-mcp:*` actions: the
 * downstream service authorizes with its own actions.
 * @example generatePermissionPolicy('s3-read-only').Statement[1].Sid // 'DenyOutsideMcp'
 */
export function generatePermissionPolicy(permissions: Permissions): PolicyDocument & {
  Statement: PolicyStatement[];
} {
  const allow = allowSpec(permissions);
  const statements: PolicyStatement[] = allow
    ? [
        {
          Sid: allow.sid,
          Effect: 'Allow',
          Action: oneOrMany(allow.actions),
          Resource: oneOrMany(allow.resources),
          Condition: allow.condition,
        },
      ]
    : [];
  return { Version: '2012-10-17', Statement: [...statements, DENY_OUTSIDE_MCP] };
}

/** A single value as a string, several as a list (how the tutorial writes them). */
export function oneOrMany(values: readonly string[]): string | string[] {
  return values.length === 1 && values[0] !== undefined ? values[0] : [...values];
}

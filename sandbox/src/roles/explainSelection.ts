// Turns a role evaluation into a few lines a person can read: the outcome, then every mapping.
// It does not evaluate anything; selectRole/evaluateRoleMappings produce what it explains.

import type { RoleEvaluation, TraceEntry } from './types';

/**
 * A multi-line summary: which role, why, and how every mapping fared (in config order).
 * @example console.log(explainSelection(evaluateRoleMappings(mapper, claims)))
 */
export function explainSelection(evaluation: RoleEvaluation): string {
  return [summarizeSelection(evaluation), ...evaluation.trace.map(traceLine)].join('\n');
}

/**
 * One sentence saying which role was chosen and why.
 * @example summarizeSelection(evaluation) // 'roleMappings[1] matched and wins: arn:…'
 */
export function summarizeSelection(evaluation: RoleEvaluation): string {
  const { roleArn, matched, trace } = evaluation;
  if (trace.length === 0) {
    return roleArn === null
      ? 'No roleMappings and no fallbackRoleArn are configured.'
      : `No roleMappings are configured, so the fallback role ${roleArn} is used without evaluating anything.`;
  }
  if (matched !== null) {
    const matches = trace.filter((entry) => entry.outcome === 'matched').length;
    const contest =
      matches > 1
        ? ` (${matches} mappings matched; the lowest priority wins, unset sorts last, ties keep config order)`
        : '';
    return `roleMappings[${matched.index}] matched and wins${contest}: ${matched.roleArn}`;
  }
  return roleArn === null
    ? 'No mapping matched and there is no fallbackRoleArn: ToolHive answers 403 (no role mapping found for JWT claims).'
    : `No mapping matched, so the fallback role ${roleArn} is used.`;
}

function traceLine(entry: TraceEntry): string {
  const marker = entry.chosen ? '→' : ' ';
  const priority = entry.priority === null ? 'priority unset' : `priority ${entry.priority}`;
  return `${marker} [${entry.index}] ${entry.description} (${priority}): ${entry.outcome}: ${entry.reason}`;
}

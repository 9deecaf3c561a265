// Checks one `roleMappings[i]` entry against all of ToolHive's layers: CRD schema, operator
// `validateAWSSts`, runtime `validateRoleMapping`, and CEL compilation. It does not normalize.

import { matcherProblem } from '../cel';
import { EXAMPLE_MATCHER, EXAMPLE_ROLE_ARN, INT32_MAX, ROLE_MAPPING_FIELDS } from './constants';
import {
  isObject,
  isSet,
  issue,
  roleArnIssue,
  typeIssue,
  typoHint,
  unknownFieldIssues,
} from './issues';
import type { ConfigIssue } from './types';

/**
 * Every problem with one role mapping; `path` is like `awsSts.roleMappings[1]`.
 * @example validateRoleMapping({ claim: 'admins' }, 0, 'awsSts.roleMappings[0]') // roleArn is required
 */
export function validateRoleMapping(mapping: unknown, index: number, path: string): ConfigIssue[] {
  if (!isObject(mapping)) {
    return [typeIssue(path, 'an object', mapping, `{claim: admins, roleArn: ${EXAMPLE_ROLE_ARN}}`)];
  }
  return [
    ...roleArnIssues(mapping, index, path),
    ...claimAndMatcherIssues(mapping, index, path),
    ...priorityIssues(mapping, path),
    ...unknownFieldIssues(mapping, path, ROLE_MAPPING_FIELDS),
  ];
}

function roleArnIssues(
  mapping: Record<string, unknown>,
  index: number,
  path: string
): ConfigIssue[] {
  const value = mapping.roleArn;
  const fieldPath = `${path}.roleArn`;
  if (!isSet(mapping, 'roleArn') || value === '') {
    const message =
      `${fieldPath} is required: set the IAM role to assume when this mapping matches, ` +
      `e.g. roleArn: ${EXAMPLE_ROLE_ARN} (runtime: role mapping at index ${index} has empty role ARN)` +
      typoHint(mapping, 'roleArn', ROLE_MAPPING_FIELDS);
    return [issue(fieldPath, 'INVALID_CONFIG', message, ['schema', 'operator', 'runtime'])];
  }
  if (typeof value !== 'string')
    return [typeIssue(fieldPath, 'a string', value, `roleArn: ${EXAMPLE_ROLE_ARN}`)];
  const arnIssue = roleArnIssue(fieldPath, value, `role mapping at index ${index}: `);
  return arnIssue === undefined ? [] : [arnIssue];
}

function claimAndMatcherIssues(
  mapping: Record<string, unknown>,
  index: number,
  path: string
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const field of ['claim', 'matcher'] as const) {
    if (!isSet(mapping, field)) continue;
    const value = mapping[field];
    const example = field === 'claim' ? 'claim: admins' : `matcher: '${EXAMPLE_MATCHER}'`;
    if (typeof value !== 'string')
      issues.push(typeIssue(`${path}.${field}`, 'a string', value, example));
    else if (value === '') {
      issues.push(
        issue(
          `${path}.${field}`,
          'INVALID_CONFIG',
          `${path}.${field} must not be empty (minLength 1): remove it or set a value, e.g. ${example}`,
          ['schema']
        )
      );
    }
  }
  const hasClaim = isSet(mapping, 'claim') && mapping.claim !== '';
  const hasMatcher = isSet(mapping, 'matcher') && mapping.matcher !== '';
  if (!hasClaim && !hasMatcher) {
    issues.push(
      issue(
        path,
        'INVALID_CONFIG',
        `${path}: exactly one of claim or matcher must be set: use claim: <value> to match a value of ` +
          `the roleClaim claim (e.g. claim: admins), or matcher: <CEL expression> (e.g. ${EXAMPLE_MATCHER}) ` +
          `(runtime: invalid role mapping configuration at index ${index}: either claim or matcher must be set)`,
        ['operator', 'runtime']
      )
    );
  }
  if (hasClaim && hasMatcher) {
    issues.push(
      issue(
        path,
        'INVALID_CONFIG',
        `${path}: claim and matcher are mutually exclusive: keep claim for a plain value match, or fold ` +
          `the value into the matcher (e.g. "admins" in claims["groups"] && …) and remove claim`,
        ['operator', 'runtime']
      )
    );
  }
  if (typeof mapping.matcher === 'string' && mapping.matcher !== '') {
    const problem = matcherProblem(mapping.matcher);
    if (problem !== undefined) {
      issues.push(
        issue(
          `${path}.matcher`,
          'INVALID_MATCHER',
          `role mapping at index ${index}: invalid CEL matcher expression: ${problem}; a matcher is a ` +
            `CEL expression over the variable claims, e.g. ${EXAMPLE_MATCHER}`,
          ['roleMapper']
        )
      );
    }
  }
  return issues;
}

function priorityIssues(mapping: Record<string, unknown>, path: string): ConfigIssue[] {
  if (!isSet(mapping, 'priority')) return [];
  const value = mapping.priority;
  const fieldPath = `${path}.priority`;
  const range = `an integer from 0 to ${INT32_MAX} (lower wins; unset sorts last)`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [typeIssue(fieldPath, range, value, 'priority: 10')];
  }
  if (value >= 0 && value <= INT32_MAX) return [];
  const runtimeNote =
    value < 0
      ? "; ToolHive's runtime accepts negative priorities, but the API server rejects them"
      : '';
  return [
    issue(
      fieldPath,
      'INVALID_CONFIG',
      `${fieldPath} must be ${range}, got ${value}${runtimeNote}`,
      ['schema']
    ),
  ];
}

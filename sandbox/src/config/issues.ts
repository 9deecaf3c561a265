// Small helpers to build validation issues: types in words, field-name suggestions, ARN checks.
// It does not decide which fields to check; validateAwsSts and validateRoleMapping do.

import type { ErrorCode } from '../errors';
import { EXAMPLE_ROLE_ARN, ROLE_ARN_PATTERN_TEXT } from './constants';
import type { ConfigIssue, ValidationLayer } from './types';
import { crdRoleArnMismatch, roleArnError } from './validateRoleArn';

/** Builds one issue. */
export function issue(
  path: string,
  code: ErrorCode,
  message: string,
  layers: ValidationLayer[]
): ConfigIssue {
  return { path, code, message, layers };
}

/** A plain object (a YAML/JSON mapping), not an array or null. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a field is set. The API server prunes `null` fields, so null counts as absent. */
export function isSet(object: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(object, key) && object[key] !== null && object[key] !== undefined;
}

/** `a string`, `a list`, `an object`, `null`… for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  return `a ${typeof value}`;
}

/** A type mismatch; Go's JSON decoding rejects these too, so the runtime layer counts. */
export function typeIssue(
  path: string,
  expected: string,
  value: unknown,
  example: string
): ConfigIssue {
  return issue(
    path,
    'INVALID_CONFIG',
    `${path} must be ${expected}, got ${describeType(value)}: for example ${example}`,
    ['schema', 'runtime']
  );
}

/**
 * The known field a mistyped key probably meant: same letters ignoring case, `_` and `-`
 * (`fallback_role_arn` → `fallbackRoleArn`; `role_arn` → the runtime's name for fallbackRoleArn).
 */
export function suggestField(key: string, known: readonly string[]): string | undefined {
  const squash = (name: string) => name.toLowerCase().replace(/[_-]/g, '');
  if (known.includes('fallbackRoleArn') && squash(key) === 'rolearn') return 'fallbackRoleArn';
  return known.find((name) => squash(name) === squash(key));
}

/**
 * The keys of `object` outside `known`, each with the field a typo probably meant.
 * @example unknownKeys({ Region: 'x' }, ['region']) // [{ key: 'Region', suggestion: 'region' }]
 */
export function unknownKeys(
  object: Record<string, unknown>,
  known: readonly string[]
): { key: string; suggestion: string | undefined }[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => ({ key, suggestion: suggestField(key, known) }));
}

/** Issues for unknown keys, with a suggestion when one looks like a typo. */
export function unknownFieldIssues(
  object: Record<string, unknown>,
  path: string,
  known: readonly string[]
): ConfigIssue[] {
  return unknownKeys(object, known).map(({ key, suggestion }) => {
    const hint =
      suggestion === undefined
        ? `${path} accepts ${known.join(', ')}`
        : `did you mean ${suggestion}? The CRD uses camelCase; snake_case names belong to ToolHive's RunConfig`;
    return issue(`${path}.${key}`, 'INVALID_CONFIG', `unknown field "${key}": ${hint}`, ['schema']);
  });
}

/** ` (found "fallback_role_arn": did you mean fallbackRoleArn?)` when a typo explains a missing field. */
export function typoHint(
  object: Record<string, unknown>,
  field: string,
  known: readonly string[]
): string {
  const typo = Object.keys(object).find(
    (key) => !known.includes(key) && suggestField(key, known) === field
  );
  return typo === undefined ? '' : ` (found "${typo}": did you mean ${field}?)`;
}

/**
 * The role-ARN issue for a non-empty value: Go's `ValidateRoleArn` message when the runtime
 * rejects it, else the CRD pattern's reason when only the API server does.
 */
export function roleArnIssue(
  path: string,
  value: string,
  goPrefix: string
): ConfigIssue | undefined {
  const goError = roleArnError(value);
  const crdMismatch = crdRoleArnMismatch(value);
  const expected = `expected arn:aws:iam::<12-digit account ID>:role/<role name>, e.g. ${EXAMPLE_ROLE_ARN}`;
  if (goError !== undefined) {
    const layers: ValidationLayer[] =
      crdMismatch === undefined ? ['runtime'] : ['schema', 'runtime'];
    return issue(path, 'INVALID_ROLE_ARN', `${goPrefix}${goError}; ${expected}`, layers);
  }
  if (crdMismatch === undefined) return undefined;
  return issue(
    path,
    'INVALID_ROLE_ARN',
    `${path} "${value}" does not match the CRD pattern ${ROLE_ARN_PATTERN_TEXT}: ${crdMismatch}; ${expected} (ToolHive's runtime accepts it, but the Kubernetes API server rejects it)`,
    ['schema']
  );
}

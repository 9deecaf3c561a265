// Small checks shared by the values validation: field lists, unknown fields with suggestions,
// required strings and string lists. It does not know which field means what (validateInput does).

import { describeType, isObject, unknownKeys } from '../../config/issues';
import type { FieldPath, InputIssue } from '../types';

export { isObject };

/** Every field of the values file, in the documented order. */
export const INPUT_FIELDS = [
  'issuer',
  'audience',
  'accountId',
  'partition',
  'region',
  'namespace',
  'domain',
  'roleClaim',
  'sessionNameClaim',
  'sessionDuration',
  'subjectProviderName',
  'fallbackRole',
  'roles',
  'restrictSubjects',
] as const;
export const FALLBACK_ROLE_FIELDS = ['name', 'permissions', 'restrictSubjects'] as const;
export const ROLE_FIELDS = [
  'name',
  'claim',
  'matcher',
  'priority',
  'permissions',
  'restrictSubjects',
] as const;
export const PERMISSION_FIELDS = ['actions', 'resources'] as const;

/**
 * Builds one issue at `path`, and at `related` paths the problem also involves.
 * @example inputIssue('roles[1].name', '…').fieldPath // ['roles', 1, 'name']
 */
export function inputIssue(path: string, message: string, related: string[] = []): InputIssue {
  const issue: InputIssue = { path, fieldPath: parseFieldPath(path), message };
  if (related.length > 0) issue.relatedPaths = related.map(parseFieldPath);
  return issue;
}

/** Joins a parent path and a key: `roles[0]` + `name` → `roles[0].name`; `` + `issuer` → `issuer`. */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * A path as the checks write it (keys joined by `.`, list indices in brackets), as keys and indices.
 * @example parseFieldPath('roles[0].permissions.actions[1]') // ['roles', 0, 'permissions', 'actions', 1]
 */
export function parseFieldPath(path: string): FieldPath {
  return [...path.matchAll(/\[(\d+)\]|[^.[\]]+/g)].map(([part, index]) =>
    index === undefined ? part : Number(index)
  );
}

/**
 * A field path as the messages write it; the inverse of parseFieldPath.
 * @example fieldPathText(['roles', 0, 'name']) // 'roles[0].name'
 */
export function fieldPathText(fieldPath: FieldPath): string {
  return fieldPath.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : childPath(text, part)),
    ''
  );
}

/** Whether a field is present (null counts as absent). */
export function has(object: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(object, key) && object[key] !== null && object[key] !== undefined;
}

/**
 * Issues for fields outside `known`, suggesting the field a typo probably meant.
 * @example unknownFields({ Issuer: 'x' }, '', INPUT_FIELDS) // [{ path: 'Issuer', message: 'unknown field "Issuer": did you mean issuer? …' }]
 */
export function unknownFields(
  object: Record<string, unknown>,
  path: string,
  known: readonly string[]
): InputIssue[] {
  return unknownKeys(object, known).map(({ key, suggestion }) => {
    const hint = suggestion === undefined ? '' : `did you mean ${suggestion}? `;
    const where = path === '' ? 'the values' : path;
    const found = inputIssue(
      childPath(path, key),
      `unknown field "${key}": ${hint}${where} may contain ${known.join(', ')}`
    );
    // The key is the user's, dots and brackets included: it is one step of the path.
    return { ...found, fieldPath: [...parseFieldPath(path), key] };
  });
}

/**
 * The string at `key`, or an issue: missing, not a string (numbers must be quoted), or empty.
 * @example requiredString({ audience: 1 }, '', 'audience', 'e.g. toolhive-aws')
 */
export function requiredString(
  object: Record<string, unknown>,
  path: string,
  key: string,
  example: string
): { value: string } | { issue: InputIssue } {
  const fieldPath = childPath(path, key);
  if (!has(object, key))
    return { issue: inputIssue(fieldPath, `${fieldPath} is required: ${example}`) };
  return checkString(object[key], fieldPath, example);
}

/** A non-empty string, or an issue naming the type found. */
export function checkString(
  value: unknown,
  path: string,
  example: string
): { value: string } | { issue: InputIssue } {
  if (typeof value !== 'string') {
    const quote =
      typeof value === 'number' || typeof value === 'boolean' ? ' (put it in quotes)' : '';
    return {
      issue: inputIssue(
        path,
        `${path} must be a string, got ${describeType(value)}${quote}: ${example}`
      ),
    };
  }
  if (value === '') return { issue: inputIssue(path, `${path} must not be empty: ${example}`) };
  return { value };
}

/**
 * A list of non-empty strings (possibly empty), or the issues with it.
 * @example stringList(['alice'], 'restrictSubjects', 'e.g. ["alice@example.com"]')
 */
export function stringList(
  value: unknown,
  path: string,
  example: string
): { value: string[] } | { issues: InputIssue[] } {
  if (!Array.isArray(value)) {
    return {
      issues: [
        inputIssue(
          path,
          `${path} must be a list of strings, got ${describeType(value)}: ${example}`
        ),
      ],
    };
  }
  const issues: InputIssue[] = [];
  const out: string[] = [];
  value.forEach((item: unknown, index) => {
    const checked = checkString(item, `${path}[${index}]`, example);
    if ('issue' in checked) issues.push(checked.issue);
    else out.push(checked.value);
  });
  return issues.length > 0 ? { issues } : { value: out };
}

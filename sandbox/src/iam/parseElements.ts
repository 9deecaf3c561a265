// Validation of a statement's elements (Action, Resource, Principal, Condition), problems by path.
// It does not walk documents or statements; parsePolicy.ts does.

import { parseConditionOperator } from './conditionOperators';
import type { ConditionClause, ParsedPrincipal, PolicyProblem, PrincipalType } from './types';

export type Problems = PolicyProblem[];

/** Whether a JSON value is a plain object. @example isObject([]) // false */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `path.name` for identifiers, `path["name"]` otherwise. @example member('Statement[0]', 'aws:Foo') */
export function member(path: string, name: string): string {
  return IDENTIFIER.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** Records a problem whose message starts with its path. @example problem(list, 'Version', 'is required') */
export function problem(problems: Problems, path: string, message: string): void {
  problems.push({ path, message: `${path} ${message}` });
}

/**
 * Reads a string or non-empty array of non-empty strings; reports the element that is wrong.
 * `check` returns a complaint for a single value, or undefined when the value is fine.
 * @example stringList('s3:GetObject', 'Statement[0].Action', problems) // ['s3:GetObject']
 */
export function stringList(
  value: unknown,
  path: string,
  problems: Problems,
  check?: (item: string) => string | undefined
): string[] | undefined {
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (items === undefined || items.length === 0) {
    problem(problems, path, 'must be a string or a non-empty array of strings');
    return undefined;
  }
  const out: string[] = [];
  items.forEach((item, i) => {
    const itemPath = typeof value === 'string' ? path : `${path}[${i}]`;
    if (typeof item !== 'string' || item === '') {
      problem(problems, itemPath, 'must be a non-empty string');
      return;
    }
    const complaint = check?.(item);
    if (complaint) problem(problems, itemPath, `${JSON.stringify(item)} ${complaint}`);
    out.push(item);
  });
  return out.length === items.length ? out : undefined;
}

const ACTION = /^[A-Za-z0-9*?-]+:[^\s:]+$/;

/** Complaint for an Action value that is not `*` or `service:action`. @example checkAction('s3:Get*') // undefined */
export function checkAction(action: string): string | undefined {
  return action === '*' || ACTION.test(action)
    ? undefined
    : 'must be "*" or "service:action" (e.g. "s3:GetObject")';
}

/** Complaint for a Resource value that is not `*` or a six-part ARN. @example checkResource('bucket') */
export function checkResource(resource: string): string | undefined {
  return resource === '*' || (resource.startsWith('arn:') && resource.split(':').length >= 6)
    ? undefined
    : 'must be "*" or an ARN (arn:partition:service:region:account:resource)';
}

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Federated', 'Service', 'CanonicalUser'];

function checkAwsPrincipal(value: string): string | undefined {
  return value === '*' || /^\d{12}$/.test(value) || value.startsWith('arn:')
    ? undefined
    : 'must be "*", a 12-digit account ID or an ARN';
}

/**
 * Validates `"*"` or `{AWS|Federated|Service|CanonicalUser: string | string[]}`.
 * @example parsePrincipal({ Service: 'ec2.amazonaws.com' }, 'Statement[0].Principal', problems)
 */
export function parsePrincipal(
  value: unknown,
  path: string,
  problems: Problems
): ParsedPrincipal | undefined {
  if (value === '*') return '*';
  if (!isObject(value)) {
    problem(problems, path, 'must be "*" or an object such as {"Federated": "arn:aws:iam::…"}');
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) problem(problems, path, 'must name at least one principal');
  const parsed: Partial<Record<PrincipalType, string[]>> = {};
  let ok = keys.length > 0;
  for (const key of keys) {
    const type = PRINCIPAL_TYPES.find((t) => t === key);
    if (!type) {
      problem(
        problems,
        path,
        `has an unknown principal type ${JSON.stringify(key)} (allowed: ${PRINCIPAL_TYPES.join(', ')})`
      );
      ok = false;
      continue;
    }
    const values = stringList(
      value[key],
      member(path, key),
      problems,
      type === 'AWS' ? checkAwsPrincipal : undefined
    );
    if (values) parsed[type] = values;
    else ok = false;
  }
  return ok ? parsed : undefined;
}

function conditionValues(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return undefined;
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
    else return undefined;
  }
  return out;
}

/**
 * Validates `{operator: {key: value | value[]}}` into clauses (values as text).
 * @example parseCondition({ Bool: { 'aws:SecureTransport': false } }, 'Statement[0].Condition', problems)
 */
export function parseCondition(
  value: unknown,
  path: string,
  problems: Problems
): ConditionClause[] | undefined {
  if (!isObject(value)) {
    problem(problems, path, 'must be an object of condition operators');
    return undefined;
  }
  const clauses: ConditionClause[] = [];
  const before = problems.length;
  for (const [operator, block] of Object.entries(value)) {
    const opPath = member(path, operator);
    const parsed = parseConditionOperator(operator);
    if ('error' in parsed) {
      problem(problems, path, `operator ${JSON.stringify(operator)} ${parsed.error}`);
      continue;
    }
    if (!isObject(block) || Object.keys(block).length === 0) {
      problem(problems, opPath, 'must be a non-empty object of condition keys');
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const keyPath = member(opPath, key);
      if (key.trim() === '') {
        problem(problems, keyPath, 'must name a condition key');
        continue;
      }
      const values = conditionValues(raw);
      if (!values) {
        problem(
          problems,
          keyPath,
          'must be a string, number or boolean, or a non-empty array of them'
        );
        continue;
      }
      const base = parsed.spec.name;
      clauses.push({ operator, base, set: parsed.set, ifExists: parsed.ifExists, key, values });
    }
  }
  return problems.length === before ? clauses : undefined;
}

// The condition operators IAM defines: their names, prefixes, suffixes and one-value comparisons.
// It does not combine values, keys or blocks; conditions.ts applies AND/OR/NOR and set operators.

import type { ContextLookup } from './context';
import { ipInRange, parseCidr } from './ipAddress';
import { matchArn, matchWildcard } from './matchPattern';
import { tokenizePattern } from './policyVariables';
import type { SetOperator } from './types';

export type OperatorFamily =
  'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';

/** One request value against one policy value, in the operator's positive sense. */
export interface ValueTest {
  matched: boolean;
  /** Why the comparison could not be made, e.g. `policy value "ten" is not a number`. */
  note?: string;
}

export interface OperatorSpec {
  /** Canonical name, e.g. `StringNotLike`. */
  name: string;
  family: OperatorFamily;
  /** Negated operators (`…Not…`, `NotIpAddress`) are true when no policy value matches. */
  negated: boolean;
  /** How a positive comparison reads in traces when it holds and when it does not. */
  reads: { yes: string; no: string };
  /** Compares in the positive sense; `variables` resolves `${…}` where the family allows it. */
  test: (request: string, policy: string, variables: ContextLookup | undefined) => ValueTest;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function parseNumber(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text) : undefined;
}

/**
 * Parses a policy or request date: W3C ISO 8601 (`2020-01-01`, `2020-01-01T00:00:01Z`, with an
 * offset or fraction) or epoch seconds. A time without a zone is read as UTC.
 * @example parseDate('1577836801') === parseDate('2020-01-01T00:00:01Z') // true
 */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (EPOCH.test(trimmed)) return Number(trimmed) * 1000;
  const m = ISO_DATE.exec(trimmed);
  if (!m) return undefined;
  const part = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [
    part(1),
    part(2),
    part(3),
    part(4),
    part(5),
    part(6),
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  const fraction = m[7] ? Number(m[7]) * 1000 : 0;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
    ms -= digits.startsWith('-') ? -offset : offset;
  }
  return ms;
}

type Comparison = 'Equals' | 'LessThan' | 'LessThanEquals' | 'GreaterThan' | 'GreaterThanEquals';

const COMPARE: Record<Comparison, { symbol: string; holds: (a: number, b: number) => boolean }> = {
  Equals: { symbol: '=', holds: (a, b) => a === b },
  LessThan: { symbol: '<', holds: (a, b) => a < b },
  LessThanEquals: { symbol: '≤', holds: (a, b) => a <= b },
  GreaterThan: { symbol: '>', holds: (a, b) => a > b },
  GreaterThanEquals: { symbol: '≥', holds: (a, b) => a >= b },
};

const EQUALS = { yes: '=', no: '≠' };
const EQUALS_IGNORE_CASE = { yes: '= (ignoring case)', no: '≠ (ignoring case)' };
const LIKE = { yes: 'matches', no: 'does not match' };
const IN_RANGE = { yes: 'is in', no: 'is not in' };

function comparisonReads(c: Comparison): OperatorSpec['reads'] {
  return c === 'Equals' ? EQUALS : { yes: COMPARE[c].symbol, no: `is not ${COMPARE[c].symbol}` };
}

function ordered(
  family: 'Numeric' | 'Date',
  comparison: Comparison
): (request: string, policy: string) => ValueTest {
  const parse = family === 'Numeric' ? parseNumber : parseDate;
  const what = family === 'Numeric' ? 'a number' : 'a date';
  return (request, policy) => {
    const p = parse(policy);
    if (p === undefined) return { matched: false, note: `policy value "${policy}" is not ${what}` };
    const r = parse(request);
    if (r === undefined)
      return { matched: false, note: `request value "${request}" is not ${what}` };
    return { matched: COMPARE[comparison].holds(r, p) };
  };
}

/** Substitutes policy variables into a value compared literally (no wildcards). */
function resolveText(policy: string, variables: ContextLookup | undefined): string | ValueTest {
  const resolved = tokenizePattern(policy, { wildcards: false, variables });
  if ('unresolved' in resolved) {
    return { matched: false, note: `policy variable \${${resolved.unresolved}} has no value` };
  }
  return resolved.tokens.map((t) => (t.kind === 'text' ? t.text : '')).join('');
}

function stringEquals(ignoreCase: boolean): OperatorSpec['test'] {
  return (request, policy, variables) => {
    const text = resolveText(policy, variables);
    if (typeof text !== 'string') return text;
    return {
      matched: ignoreCase ? text.toLowerCase() === request.toLowerCase() : text === request,
    };
  };
}

function fromPattern(match: { matched: boolean; unresolved?: string }): ValueTest {
  return match.unresolved === undefined
    ? { matched: match.matched }
    : { matched: false, note: `policy variable \${${match.unresolved}} has no value` };
}

const BOOL = new Set(['true', 'false']);

function boolEquals(
  request: string,
  policy: string,
  variables: ContextLookup | undefined
): ValueTest {
  const text = resolveText(policy, variables);
  if (typeof text !== 'string') return text;
  const p = text.toLowerCase();
  if (!BOOL.has(p)) return { matched: false, note: `policy value "${text}" is not true or false` };
  return { matched: request.toLowerCase() === p };
}

function ipTest(request: string, policy: string): ValueTest {
  if (!parseCidr(policy))
    return { matched: false, note: `policy value "${policy}" is not an IP range` };
  return { matched: ipInRange(request, policy) };
}

const never = (): ValueTest => ({ matched: false });

function spec(
  name: string,
  family: OperatorFamily,
  reads: OperatorSpec['reads'],
  test: OperatorSpec['test'],
  negated = false
): OperatorSpec {
  return { name, family, negated, reads, test };
}

const stringLike: OperatorSpec['test'] = (r, p, v) =>
  fromPattern(matchWildcard(p, r, { variables: v }));
const arnLike: OperatorSpec['test'] = (r, p, v) => fromPattern(matchArn(p, r, v));

const OPERATORS: OperatorSpec[] = [
  spec('StringEquals', 'String', EQUALS, stringEquals(false)),
  spec('StringNotEquals', 'String', EQUALS, stringEquals(false), true),
  spec('StringEqualsIgnoreCase', 'String', EQUALS_IGNORE_CASE, stringEquals(true)),
  spec('StringNotEqualsIgnoreCase', 'String', EQUALS_IGNORE_CASE, stringEquals(true), true),
  spec('StringLike', 'String', LIKE, stringLike),
  spec('StringNotLike', 'String', LIKE, stringLike, true),
  spec('Bool', 'Bool', EQUALS, boolEquals),
  spec('BinaryEquals', 'Binary', EQUALS, (r, p) => ({ matched: r === p })),
  spec('IpAddress', 'Ip', IN_RANGE, ipTest),
  spec('NotIpAddress', 'Ip', IN_RANGE, ipTest, true),
  spec('ArnEquals', 'Arn', LIKE, arnLike),
  spec('ArnLike', 'Arn', LIKE, arnLike),
  spec('ArnNotEquals', 'Arn', LIKE, arnLike, true),
  spec('ArnNotLike', 'Arn', LIKE, arnLike, true),
  spec('Null', 'Null', EQUALS, never),
  ...(['Numeric', 'Date'] as const).flatMap((family) => [
    ...(Object.keys(COMPARE) as Comparison[]).map((c) =>
      spec(`${family}${c}`, family, comparisonReads(c), ordered(family, c))
    ),
    spec(`${family}NotEquals`, family, EQUALS, ordered(family, 'Equals'), true),
  ]),
];

const BY_NAME = new Map(OPERATORS.map((op) => [op.name.toLowerCase(), op]));

/**
 * Whether the operator's family allows policy variables in its values (String, ARN, Bool).
 * @example allowsVariables(findOperator('NumericEquals')!) // false
 */
export function allowsVariables(op: OperatorSpec): boolean {
  return op.family === 'String' || op.family === 'Arn' || op.family === 'Bool';
}

/**
 * The operator spec for a canonical or case-insensitive base name, without prefix or suffix.
 * @example findOperator('stringequals')?.name // 'StringEquals'
 */
export function findOperator(base: string): OperatorSpec | undefined {
  return BY_NAME.get(base.toLowerCase());
}

const SET_OPERATORS: Record<string, SetOperator> = {
  forallvalues: 'ForAllValues',
  foranyvalue: 'ForAnyValue',
};

/** A condition operator name taken apart. */
export interface ParsedOperator {
  spec: OperatorSpec;
  set: SetOperator | undefined;
  ifExists: boolean;
}

/**
 * Parses `[ForAllValues:|ForAnyValue:]<Operator>[IfExists]` (names compared case-insensitively);
 * returns a sentence saying what is wrong when the name is not a valid operator.
 * @example parseConditionOperator('ForAnyValue:StringLikeIfExists') // { spec: StringLike, set: 'ForAnyValue', ifExists: true }
 */
export function parseConditionOperator(name: string): ParsedOperator | { error: string } {
  const colon = name.indexOf(':');
  let set: SetOperator | undefined;
  let rest = name;
  if (colon !== -1) {
    set = SET_OPERATORS[name.slice(0, colon).toLowerCase()];
    if (!set)
      return {
        error: `has an unknown set operator "${name.slice(0, colon)}" (use ForAllValues or ForAnyValue)`,
      };
    rest = name.slice(colon + 1);
  }
  const lower = rest.toLowerCase();
  const direct = BY_NAME.get(lower);
  if (direct) return { spec: direct, set, ifExists: false };
  if (lower.endsWith('ifexists')) {
    const base = BY_NAME.get(lower.slice(0, -'ifexists'.length));
    if (base?.family === 'Null') return { error: 'cannot use IfExists with Null' };
    if (base) return { spec: base, set, ifExists: true };
  }
  return { error: `is not a condition operator` };
}

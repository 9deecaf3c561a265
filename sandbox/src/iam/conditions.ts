// Condition logic: AND across operators/keys, OR (NOR) across values, missing keys, IfExists, sets.
// It does not parse operator names or compare single values; conditionOperators.ts does.

import { allowsVariables, findOperator, type OperatorSpec } from './conditionOperators';
import type { ContextLookup } from './context';
import type { ConditionClause, PolicyVersion } from './types';

/** The outcome of one (operator, key) clause. */
export interface ConditionResult {
  holds: boolean;
  /** e.g. `Condition StringEquals aws:CalledViaAWSMCP: request value "x" ≠ "aws-mcp.amazonaws.com" → false` */
  detail: string;
}

interface ValueOutcome {
  /** Whether this request value passes (for negated operators: matches no policy value). */
  pass: boolean;
  /** The first policy value it matched, in the positive sense. */
  matchedPolicy: string | undefined;
  notes: string[];
}

const quote = (text: string): string => JSON.stringify(text);
const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;

function testValue(
  op: OperatorSpec,
  request: string,
  clause: ConditionClause,
  variables: ContextLookup | undefined
): ValueOutcome {
  const notes: string[] = [];
  let matchedPolicy: string | undefined;
  for (const policy of clause.values) {
    const test = op.test(request, policy, variables);
    if (test.note) notes.push(test.note);
    if (test.matched) {
      matchedPolicy = policy;
      break;
    }
  }
  const matched = matchedPolicy !== undefined;
  return { pass: op.negated ? !matched : matched, matchedPolicy, notes };
}

function describe(
  op: OperatorSpec,
  request: string,
  outcome: ValueOutcome,
  policy: string[]
): string {
  if (outcome.matchedPolicy !== undefined) {
    return `request value ${quote(request)} ${op.reads.yes} ${quote(outcome.matchedPolicy)}`;
  }
  const target = policy.length === 1 ? quote(policy[0] ?? '') : `any of ${list(policy)}`;
  return `request value ${quote(request)} ${op.reads.no} ${target}`;
}

function missingKey(clause: ConditionClause, op: OperatorSpec): { holds: boolean; why: string } {
  if (clause.set === 'ForAllValues')
    return { holds: true, why: 'key not present → true (ForAllValues)' };
  if (clause.ifExists) return { holds: true, why: 'key not present → true (IfExists)' };
  if (clause.set === 'ForAnyValue')
    return { holds: false, why: 'key not present → false (ForAnyValue)' };
  if (op.negated) return { holds: true, why: 'key not present → true (negated operator)' };
  return { holds: false, why: 'key not present in request → false' };
}

function evaluateNull(clause: ConditionClause, values: string[] | undefined): ConditionResult {
  const absent = values === undefined || values.length === 0;
  const holds = clause.values.some((v) => v.toLowerCase() === (absent ? 'true' : 'false'));
  const state = absent ? 'absent' : 'present';
  return {
    holds,
    detail: `Condition ${clause.operator} ${clause.key}: key is ${state}, policy expects ${list(clause.values)} (true = absent) → ${holds}`,
  };
}

/**
 * Evaluates one clause against the request context; policy variables are resolved only for
 * policies written in Version 2012-10-17 and only for String, ARN and Bool operators.
 * @example evaluateCondition(clause, contextLookup({ 'aws:SecureTransport': false }), '2012-10-17')
 */
export function evaluateCondition(
  clause: ConditionClause,
  lookup: ContextLookup,
  version: PolicyVersion | undefined
): ConditionResult {
  const op = findOperator(clause.base);
  const head = `Condition ${clause.operator} ${clause.key}`;
  if (!op) return { holds: false, detail: `${head}: unknown operator → false` };
  const values = lookup(clause.key);
  if (op.family === 'Null') return evaluateNull(clause, values);
  if (values === undefined || values.length === 0) {
    const { holds, why } = missingKey(clause, op);
    return { holds, detail: `${head}: ${why}` };
  }
  const variables = version === '2012-10-17' && allowsVariables(op) ? lookup : undefined;
  const outcomes = values.map((v) => ({ value: v, ...testValue(op, v, clause, variables) }));
  const notes = [...new Set(outcomes.flatMap((o) => o.notes))];
  let holds: boolean;
  let why: string;
  if (clause.set === 'ForAllValues') {
    const failing = outcomes.find((o) => !o.pass);
    holds = failing === undefined;
    why = failing
      ? describe(op, failing.value, failing, clause.values)
      : `every request value of ${list(values)} passes`;
  } else if (clause.set === 'ForAnyValue') {
    const passing = outcomes.find((o) => o.pass);
    holds = passing !== undefined;
    why = passing
      ? describe(op, passing.value, passing, clause.values)
      : `no request value of ${list(values)} passes`;
  } else {
    // A plain operator on a multivalued key tests whether any request value matches; negated
    // operators are the exact opposite, so they hold only when no request value matches.
    const matching = outcomes.find((o) => o.matchedPolicy !== undefined);
    holds = op.negated ? matching === undefined : matching !== undefined;
    const shown = matching ?? outcomes[0];
    why = shown ? describe(op, shown.value, shown, clause.values) : '';
    if (!matching && values.length > 1) {
      why = `no request value of ${list(values)} ${op.reads.yes} ${list(clause.values)}`;
    }
  }
  const suffix = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return { holds, detail: `${head}: ${why} → ${holds}${suffix}` };
}

/**
 * Evaluates a whole Condition block: every clause must hold. Returns each clause's result so a
 * trace can show them all.
 * @example evaluateConditions(statement.conditions, contextLookup(request.context), policy.version).holds
 */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  lookup: ContextLookup,
  version: PolicyVersion | undefined
): { holds: boolean; results: ConditionResult[] } {
  const results = clauses.map((clause) => evaluateCondition(clause, lookup, version));
  return { holds: results.every((r) => r.holds), results };
}

// Evaluates one compiled role mapping against claims and says why it matched or not.
// It does not sort or pick a winner; selectRole does.

import {
  celError,
  celType,
  isCelError,
  parse,
  plan,
  type CelMap,
  type CelResult,
} from '@bufbuild/cel';
import { CLAIM_BINDING_EXPRESSION, claimBindingEnvironment, type Claims } from '../cel';
import type { CompiledMapping, MappingOutcome } from './types';

/** Outcome of one mapping with a human reason. */
export interface MappingResult {
  outcome: MappingOutcome;
  reason: string;
}

const claimBindingProgram = plan(claimBindingEnvironment, parse(CLAIM_BINDING_EXPRESSION));

/**
 * Evaluates `mapping`. Errors and non-boolean results give `error` (ToolHive skips the mapping).
 * @example evaluateMapping(mapping, toCelClaims(claims), claims, 'groups').outcome // 'matched'
 */
export function evaluateMapping(
  mapping: CompiledMapping,
  celClaims: CelMap,
  claims: Claims,
  roleClaim: string
): MappingResult {
  if (mapping.kind === 'claim') {
    const claimValue = mapping.claim ?? '';
    const result = safely(() =>
      claimBindingProgram({ claims: celClaims, claim_value: claimValue, role_claim_key: roleClaim })
    );
    return explainClaimResult(result, claimValue, claims, roleClaim);
  }
  const matcher = mapping.matcher;
  if (matcher === undefined) return { outcome: 'error', reason: 'mapping has no matcher' };
  return explainMatcherResult(safely(() => matcher.evaluate(celClaims)));
}

/**
 * How a claim is written in messages.
 * @example claimReference('cognito:groups') // 'claims["cognito:groups"]'
 */
export function claimReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? `claims.${name}`
    : `claims[${JSON.stringify(name)}]`;
}

function explainClaimResult(
  result: CelResult,
  claimValue: string,
  claims: Claims,
  roleClaim: string
): MappingResult {
  const ref = claimReference(roleClaim);
  const value = JSON.stringify(claimValue);
  const raw = Object.hasOwn(claims, roleClaim) ? claims[roleClaim] : undefined;
  const container = Array.isArray(raw) ? 'list' : 'map';
  if (result === true) {
    const how = container === 'list' ? `contains ${value}` : `has the key ${value}`;
    return { outcome: 'matched', reason: `${ref} ${how}` };
  }
  if (result === false) {
    const how =
      container === 'list' ? `does not contain ${value}` : `(an object) has no key ${value}`;
    return { outcome: 'not-matched', reason: `${ref} ${how}` };
  }
  const skipped = 'so the mapping is skipped';
  if (raw === undefined) {
    return {
      outcome: 'error',
      reason: `claim ${roleClaim} is missing: CEL \`in\` fails on a missing claim, ${skipped}`,
    };
  }
  if (raw === null || typeof raw !== 'object') {
    const kind = raw === null ? 'null' : `a ${typeof raw}`;
    const equal = raw === claimValue ? ` even though it equals ${value}` : '';
    return {
      outcome: 'error',
      reason: `${ref} is ${kind}, not a list: CEL \`in\` needs a list or map, ${skipped}${equal}`,
    };
  }
  return { outcome: 'error', reason: evaluationError(result) };
}

function explainMatcherResult(result: CelResult): MappingResult {
  if (result === true) return { outcome: 'matched', reason: 'the expression is true' };
  if (result === false) return { outcome: 'not-matched', reason: 'the expression is false' };
  if (isCelError(result)) return { outcome: 'error', reason: evaluationError(result) };
  return {
    outcome: 'error',
    reason: `result is not a boolean (got ${celType(result).name}): a matcher must evaluate to true or false, so the mapping is skipped`,
  };
}

function evaluationError(result: CelResult): string {
  const message = isCelError(result) ? result.message : `unexpected result ${String(result)}`;
  return `evaluation error: ${message}, so the mapping is skipped`;
}

/** Evaluation must never throw: anything thrown is an evaluation error, like cel-go's. */
function safely(run: () => CelResult): CelResult {
  try {
    return run();
  } catch (error) {
    return celError(error instanceof RangeError ? 'evaluation is nested too deeply' : error);
  }
}

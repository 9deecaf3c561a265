// The IAM evaluator's public API: parse, validate, size-check and evaluate policies with a trace.
// It re-exports only; every rule lives in its own module.

export { parsePolicy, validatePolicy, isParsedPolicy } from './parsePolicy';
export type { ParseOptions, PolicyValidation } from './parsePolicy';
export { evaluatePolicies, evaluateParsedPolicies } from './evaluate';
export type { EvaluationTarget } from './evaluate';
export { evaluateTrustPolicy } from './trust';
export { checkPolicySize, policySize, POLICY_SIZE_LIMITS } from './limits';
export type { PolicySizeCheck, PolicySizeKind } from './limits';
export { evaluateCondition, evaluateConditions } from './conditions';
export type { ConditionResult } from './conditions';
export { parseConditionOperator, parseDate } from './conditionOperators';
export { contextLookup, requestTimeContext } from './context';
export type { ContextLookup } from './context';
export { matchAction, matchArn, matchResource, matchWildcard } from './matchPattern';
export type { PatternMatch } from './matchPattern';
export { awsPrincipalMatches, principalMatch } from './principal';
export { ipInRange } from './ipAddress';
export type * from './types';

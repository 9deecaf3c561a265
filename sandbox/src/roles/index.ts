// Public API of the role mapper: compile a config, select a role, explain the choice.
// It re-exports only; each concern lives in its own file.

export type {
  CompiledMapping,
  MappingKind,
  MappingOutcome,
  MatchedMapping,
  RoleEvaluation,
  RoleMapper,
  RoleSelection,
  TraceEntry,
} from './types';
export { toCelClaims, type Claims } from './celClaims';
export { CLAIM_BINDING_EXPRESSION, MAX_EXPRESSION_LENGTH } from './celEnvironment';
export { checkMatcherAst, MAX_AST_DEPTH, type AstProblem } from './checkMatcherAst';
export { compileMatcher, matcherProblem, type CompiledMatcher } from './compileMatcher';
export { compileRoleMapper } from './compileRoleMapper';
export { claimReference, evaluateMapping, type MappingResult } from './evaluateMapping';
export { evaluateRoleMappings, NO_ROLE_MAPPING_MESSAGE, selectRole } from './selectRole';
export { explainSelection, summarizeSelection } from './explainSelection';

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
// The CEL layer (cel/) is re-exported so the site and the CLI keep one import for the mapper.
export {
  CLAIM_BINDING_EXPRESSION,
  checkMatcherAst,
  compileMatcher,
  matcherProblem,
  MAX_AST_DEPTH,
  MAX_EXPRESSION_LENGTH,
  toCelClaims,
  type AstProblem,
  type Claims,
  type CompiledMatcher,
} from '../cel';
export { compileRoleMapper } from './compileRoleMapper';
export { claimReference, evaluateMapping, type MappingResult } from './evaluateMapping';
export { evaluateRoleMappings, NO_ROLE_MAPPING_MESSAGE, selectRole } from './selectRole';
export { explainSelection, summarizeSelection } from './explainSelection';

// Public API of the CEL folder: ToolHive's matcher environments, compiling a matcher as cel-go
// does, and claims as CEL values. It re-exports only; config/ and roles/ both build on it.

export { toCelClaims, type Claims } from './celClaims';
export {
  CLAIM_BINDING_EXPRESSION,
  claimBindingEnvironment,
  MAX_EXPRESSION_LENGTH,
  matcherEnvironment,
} from './celEnvironment';
export { checkMatcherAst, MAX_AST_DEPTH, type AstProblem } from './checkMatcherAst';
export { compileMatcher, matcherProblem, type CompiledMatcher } from './compileMatcher';

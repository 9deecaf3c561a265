// Compiles one CEL matcher the way ToolHive's `NewRoleMapper` does: length bound, parse, check
// (declared identifiers, known functions), plan. It does not decide which role wins.

import { parse, plan, type CelMap, type CelResult } from '@bufbuild/cel';
import { AwsStsError } from '../errors';
import { MAX_EXPRESSION_LENGTH, matcherEnvironment } from './celEnvironment';
import { checkMatcherAst } from './checkMatcherAst';

/** A matcher ready to evaluate against claims converted with `toCelClaims`. */
export interface CompiledMatcher {
  readonly expression: string;
  evaluate(claims: CelMap): CelResult;
}

type Compiled = { ok: true; matcher: CompiledMatcher } | { ok: false; problem: string };

/**
 * Why cel-go would refuse to compile this matcher, or undefined when it compiles.
 * @example matcherProblem('foo(claims)') // "<input>:1:1: undeclared reference to 'foo' …"
 */
export function matcherProblem(expression: string): string | undefined {
  const compiled = tryCompile(expression);
  return compiled.ok ? undefined : compiled.problem;
}

/**
 * Compiles a matcher; throws `INVALID_MATCHER` ("invalid CEL matcher expression: …") if it
 * does not compile.
 * @example compileMatcher('"admins" in claims["groups"]').evaluate(toCelClaims(claims))
 */
export function compileMatcher(expression: string): CompiledMatcher {
  const compiled = tryCompile(expression);
  if (!compiled.ok) {
    throw new AwsStsError('INVALID_MATCHER', `invalid CEL matcher expression: ${compiled.problem}`);
  }
  return compiled.matcher;
}

function tryCompile(expression: string): Compiled {
  const length = new TextEncoder().encode(expression).length;
  if (length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      problem: `expression length ${length} exceeds maximum of ${MAX_EXPRESSION_LENGTH}`,
    };
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(expression);
  } catch (error) {
    return { ok: false, problem: syntaxProblem(error) };
  }
  const problems = checkMatcherAst(parsed.expr, parsed.sourceInfo?.positions ?? {});
  if (problems.length > 0) {
    const located = problems.map((p) => `${location(expression, p.offset)}: ${p.message}`);
    return { ok: false, problem: located.join('; ') };
  }
  const program = plan(matcherEnvironment, parsed);
  return {
    ok: true,
    matcher: { expression, evaluate: (claims) => program({ claims }) },
  };
}

function syntaxProblem(error: unknown): string {
  if (error instanceof RangeError) return 'expression is nested too deeply to parse';
  const message = error instanceof Error ? error.message : String(error);
  return `syntax error: ${message}`;
}

/** `<input>:line:column`, as cel-go and @bufbuild/cel print positions. */
function location(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `<input>:${line}:${column}`;
}

// The compile-time check cel-go does and @bufbuild/cel does not: every identifier is declared
// and every function, macro and operator exists in CEL's standard library with a valid arity.
// It does not infer types: `1 + "a"` passes here and fails at evaluation (the mapping is skipped).

import type { parse } from '@bufbuild/cel';

type Expr = ReturnType<typeof parse>['expr'];

/** A problem found in a parsed matcher, at a character offset of the source. */
export interface AstProblem {
  offset: number;
  message: string;
}

/** Deepest AST nesting accepted; cel-go's parser stops at a recursion depth of 250 too. */
export const MAX_AST_DEPTH = 250;

/** Identifiers that name CEL types (`type(claims.sub) == string`). */
const TYPE_IDENTIFIERS = new Set([
  'bool',
  'int',
  'uint',
  'double',
  'string',
  'bytes',
  'list',
  'map',
  'null_type',
  'type',
]);

/** Operators (the parser's internal names) and their arity. */
const OPERATORS = new Map<string, number>([
  ['_&&_', 2],
  ['_||_', 2],
  ['!_', 1],
  ['-_', 1],
  ['_?_:_', 3],
  ['_==_', 2],
  ['_!=_', 2],
  ['_<_', 2],
  ['_<=_', 2],
  ['_>_', 2],
  ['_>=_', 2],
  ['_+_', 2],
  ['_-_', 2],
  ['_*_', 2],
  ['_/_', 2],
  ['_%_', 2],
  ['_[_]', 2],
  ['@in', 2],
  ['@not_strictly_false', 1], // only produced by macro expansion
]);

/** Standard-library functions: allowed argument counts as a global call and as a method. */
interface FunctionArity {
  global?: readonly number[];
  member?: readonly number[];
}
const CONVERSION: FunctionArity = { global: [1] };
const TIME_ACCESSOR: FunctionArity = { member: [0, 1] };
const FUNCTIONS = new Map<string, FunctionArity>([
  ['size', { global: [1], member: [0] }],
  ['contains', { member: [1] }],
  ['startsWith', { member: [1] }],
  ['endsWith', { member: [1] }],
  ['matches', { global: [2], member: [1] }],
  ...[
    'int',
    'uint',
    'double',
    'string',
    'bytes',
    'bool',
    'dyn',
    'type',
    'duration',
    'timestamp',
  ].map((name) => [name, CONVERSION] as const),
  ...[
    'getFullYear',
    'getMonth',
    'getDayOfYear',
    'getDayOfMonth',
    'getDate',
    'getDayOfWeek',
    'getHours',
    'getMinutes',
    'getSeconds',
    'getMilliseconds',
  ].map((name) => [name, TIME_ACCESSOR] as const),
]);

/** Macros left unexpanded by the parser were called with the wrong shape. */
const MACRO_USAGE = new Map<string, string>([
  ['has', 'has() takes one field selection, e.g. has(claims.email)'],
  ...['all', 'exists', 'exists_one', 'map', 'filter'].map(
    (name) =>
      [
        name,
        `${name}() is a macro called on a list or map with a variable and an expression, e.g. claims.groups.${name}(g, g.startsWith("eng-"))`,
      ] as const
  ),
]);

/**
 * Lists what cel-go's checker would reject in a parsed matcher over `claims`.
 * @example checkMatcherAst(parsed.expr, parsed.sourceInfo?.positions ?? {}) // [{ offset: 0, message: "undeclared reference to 'x'…" }]
 */
export function checkMatcherAst(
  expr: Expr,
  positions: Readonly<Record<string, number>>
): AstProblem[] {
  const problems: AstProblem[] = [];
  let tooDeep = false;
  const at = (node: Expr, message: string) =>
    problems.push({ offset: positions[String(node.id)] ?? 0, message });

  const visit = (node: Expr | undefined, scope: ReadonlySet<string>, depth: number): void => {
    if (node === undefined) return;
    if (depth > MAX_AST_DEPTH) {
      if (!tooDeep) at(node, `expression nests more than ${MAX_AST_DEPTH} levels deep`);
      tooDeep = true;
      return;
    }
    const next = depth + 1;
    const kind = node.exprKind;
    switch (kind.case) {
      case 'constExpr':
        return;
      case 'identExpr': {
        const name = kind.value.name;
        if (name === 'claims' || scope.has(name) || TYPE_IDENTIFIERS.has(name)) return;
        at(node, `undeclared reference to '${name}' (the only variable is claims)`);
        return;
      }
      case 'selectExpr':
        visit(kind.value.operand, scope, next);
        return;
      case 'callExpr': {
        const { function: name, target, args } = kind.value;
        const problem = callProblem(name, target !== undefined, args.length);
        if (problem !== undefined) at(node, problem);
        visit(target, scope, next);
        for (const arg of args) visit(arg, scope, next);
        return;
      }
      case 'listExpr':
        for (const element of kind.value.elements) visit(element, scope, next);
        return;
      case 'structExpr':
        if (kind.value.messageName !== '') {
          at(
            node,
            `message construction ${kind.value.messageName}{...} is not available: only map literals like {"key": value}`
          );
        }
        for (const entry of kind.value.entries) {
          if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value, scope, next);
          visit(entry.value, scope, next);
        }
        return;
      case 'comprehensionExpr': {
        const c = kind.value;
        if (c.iterVar2 !== '')
          at(node, 'two-variable comprehensions are not in the standard library');
        visit(c.iterRange, scope, next);
        visit(c.accuInit, scope, next);
        const loopScope = new Set([...scope, c.iterVar, c.accuVar]);
        visit(c.loopCondition, loopScope, next);
        visit(c.loopStep, loopScope, next);
        visit(c.result, new Set([...scope, c.accuVar]), next);
        return;
      }
      default:
        at(node, 'empty expression');
    }
  };

  visit(expr, new Set(), 0);
  return problems;
}

function callProblem(name: string, isMember: boolean, argCount: number): string | undefined {
  const operatorArity = OPERATORS.get(name);
  if (operatorArity !== undefined) {
    return !isMember && argCount === operatorArity ? undefined : `invalid use of operator ${name}`;
  }
  const macroUsage = MACRO_USAGE.get(name);
  if (macroUsage !== undefined) return macroUsage;
  const arity = FUNCTIONS.get(name);
  if (arity === undefined) {
    return `undeclared reference to '${name}' (not a function of CEL's standard library)`;
  }
  const allowed = isMember ? arity.member : arity.global;
  if (allowed?.includes(argCount)) return undefined;
  const style = isMember ? `receiver.${name}(...)` : `${name}(...)`;
  return `found no matching overload for '${name}' called as ${style} with ${argCount} argument(s)`;
}

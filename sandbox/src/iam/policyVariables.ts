// Policy variables (`${aws:username}`, `${k, 'default'}`, `${*}` `${?}` `${$}`) as pattern tokens.
// It does not match anything; matchPattern.ts turns the tokens into comparisons.

import type { ContextLookup } from './context';

/**
 * A pattern split into literal text and wildcards. Text that came from a variable (or from the
 * escapes `${*}`, `${?}`, `${$}`) is marked so ARN splitting and wildcard parsing leave it alone.
 */
export type PatternToken =
  { kind: 'text'; text: string; fromVariable: boolean } | { kind: 'any' } | { kind: 'one' };

export interface TokenizeOptions {
  /** Treat `*` and `?` as wildcards (Like operators, Action, Resource). */
  wildcards: boolean;
  /** Resolve `${…}` from this lookup; without it `${…}` is literal (policy Version 2008-10-17). */
  variables?: ContextLookup | undefined;
}

/** Either the tokens, or the variable that had no single value and no default. */
export type TokenizeResult = { tokens: PatternToken[] } | { unresolved: string };

const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /^\s*([^,]+?)\s*(?:,\s*'([^']*)'\s*)?$/;

function pushText(tokens: PatternToken[], text: string, fromVariable: boolean): void {
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'text' && last.fromVariable === fromVariable) last.text += text;
  else tokens.push({ kind: 'text', text, fromVariable });
}

/**
 * Splits a policy string into tokens, substituting policy variables from the request context.
 * A variable whose key is absent or multivalued uses its default, or leaves the value unresolved.
 * @example tokenizePattern('home/${aws:username}/*', { wildcards: true, variables: lookup })
 */
export function tokenizePattern(pattern: string, options: TokenizeOptions): TokenizeResult {
  const tokens: PatternToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (options.variables && ch === '$' && pattern.charAt(i + 1) === '{') {
      const end = pattern.indexOf('}', i + 2);
      if (end !== -1) {
        const inner = pattern.slice(i + 2, end);
        const escaped = ESCAPES[inner];
        if (escaped !== undefined) {
          pushText(tokens, escaped, true);
          i = end + 1;
          continue;
        }
        const parsed = VARIABLE.exec(inner);
        if (parsed?.[1] !== undefined) {
          const values = options.variables(parsed[1]);
          const value = values?.length === 1 ? values[0] : parsed[2];
          if (value === undefined) return { unresolved: parsed[1] };
          pushText(tokens, value, true);
          i = end + 1;
          continue;
        }
      }
    }
    if (options.wildcards && ch === '*') tokens.push({ kind: 'any' });
    else if (options.wildcards && ch === '?') tokens.push({ kind: 'one' });
    else pushText(tokens, ch, false);
    i += 1;
  }
  return { tokens };
}

// IAM wildcard matching: actions case-insensitively, resources/ARNs case-sensitively per segment.
// It does not evaluate statements or conditions.

import type { ContextLookup } from './context';
import { tokenizePattern, type PatternToken } from './policyVariables';

/** The outcome of one pattern against one value; `unresolved` names a policy variable without a value. */
export interface PatternMatch {
  matched: boolean;
  unresolved?: string;
}

const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const ARN_SEGMENTS = 6;

function tokensToRegExp(tokens: readonly PatternToken[], ignoreCase: boolean): RegExp {
  const source = tokens
    .map((t) =>
      t.kind === 'any' ? '.*' : t.kind === 'one' ? '.' : t.text.replace(REGEXP_SPECIAL, '\\$&')
    )
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

function tokensMatch(tokens: readonly PatternToken[], value: string, ignoreCase: boolean): boolean {
  return tokensToRegExp(tokens, ignoreCase).test(value);
}

/**
 * Whether `value` matches a `*`/`?` pattern over the whole string.
 * @example matchWildcard('s3:Get*', 's3:getobject', { ignoreCase: true }) // true
 */
export function matchWildcard(
  pattern: string,
  value: string,
  options: { ignoreCase?: boolean; variables?: ContextLookup | undefined } = {}
): PatternMatch {
  const result = tokenizePattern(pattern, { wildcards: true, variables: options.variables });
  if ('unresolved' in result) return { matched: false, unresolved: result.unresolved };
  return { matched: tokensMatch(result.tokens, value, options.ignoreCase === true) };
}

/**
 * Whether a requested action matches an `Action`/`NotAction` pattern (case-insensitive).
 * @example matchAction('s3:Get*', 's3:GetObject') // true
 */
export function matchAction(pattern: string, action: string): boolean {
  return pattern === '*' || matchWildcard(pattern, action, { ignoreCase: true }).matched;
}

/** Splits tokens at the first five literal colons; text from policy variables is never split. */
function splitArnTokens(tokens: readonly PatternToken[]): PatternToken[][] {
  const segments: PatternToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind !== 'text' || token.fromVariable) {
      segments[segments.length - 1]?.push(token);
      continue;
    }
    const parts = token.text.split(':');
    parts.forEach((part, index) => {
      if (index > 0) {
        if (segments.length < ARN_SEGMENTS) segments.push([]);
        else segments[segments.length - 1]?.push({ kind: 'text', text: ':', fromVariable: false });
      }
      if (part !== '')
        segments[segments.length - 1]?.push({ kind: 'text', text: part, fromVariable: false });
    });
  }
  return segments;
}

function splitArnValue(value: string): string[] {
  const parts = value.split(':');
  return parts.length <= ARN_SEGMENTS
    ? parts
    : [...parts.slice(0, ARN_SEGMENTS - 1), parts.slice(ARN_SEGMENTS - 1).join(':')];
}

/**
 * ArnLike matching: each of the six colon-delimited ARN segments is matched on its own, so a
 * wildcard never spans a colon before the resource part (which keeps any further colons). A
 * pattern without colons (such as `*`) is matched against the whole value; otherwise pattern and
 * value need the same number of segments.
 * @example matchArn('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a:b').matched // true
 */
export function matchArn(
  pattern: string,
  value: string,
  variables?: ContextLookup | undefined
): PatternMatch {
  const result = tokenizePattern(pattern, { wildcards: true, variables });
  if ('unresolved' in result) return { matched: false, unresolved: result.unresolved };
  const patternSegments = splitArnTokens(result.tokens);
  if (patternSegments.length === 1) return { matched: tokensMatch(result.tokens, value, false) };
  const valueSegments = splitArnValue(value);
  if (valueSegments.length !== patternSegments.length) return { matched: false };
  return {
    matched: patternSegments.every((segment, i) =>
      tokensMatch(segment, valueSegments[i] ?? '', false)
    ),
  };
}

/**
 * Whether a requested resource matches a `Resource`/`NotResource` pattern: `*` matches anything,
 * otherwise ArnLike segment matching, case-sensitive, with policy variables when given.
 * @example matchResource('arn:aws:s3:::amzn-s3-demo-bucket/*', 'arn:aws:s3:::amzn-s3-demo-bucket/k').matched // true
 */
export function matchResource(
  pattern: string,
  resource: string,
  variables?: ContextLookup | undefined
): PatternMatch {
  return pattern === '*' ? { matched: true } : matchArn(pattern, resource, variables);
}

// "Which mapping came closest" when a token lands on the fallback role or on none: a claim
// value that differs only in case or spacing, a Keycloak group path, a string where CEL `in`
// needs a list, a list where `==` needs a string, the right value in another claim. It does not
// select roles (roles/selectRole does).

import { parse } from '@bufbuild/cel';
import { claimReference } from '../roles';
import type { AwsStsConfig } from '../config';

type Expr = ReturnType<typeof parse>['expr'];

/** A mapping that almost matched, why it did not, and what would make it match. */
export interface NearMiss {
  index: number;
  reason: string;
  fix: string;
}

type Claims = Readonly<Record<string, unknown>>;

/**
 * The first near miss in the order ToolHive ranks mappings (priority, then config order).
 * @example closestMapping(config, { groups: ['S3-Readers'] })?.reason
 * // 'claims.groups contains "S3-Readers", which differs from "s3-readers" only in letter case (matching is case-sensitive)'
 */
export function closestMapping(config: AwsStsConfig, claims: Claims): NearMiss | undefined {
  const ranked = config.roleMappings
    .map((mapping, index) => ({ mapping, index }))
    .sort(
      (a, b) =>
        (a.mapping.priority ?? Number.POSITIVE_INFINITY) -
        (b.mapping.priority ?? Number.POSITIVE_INFINITY)
    );
  for (const { mapping, index } of ranked) {
    const found =
      mapping.claim !== undefined
        ? nearMissForIn(config.roleClaim, mapping.claim, claims, {
            mapping: `roleMappings[${index}].claim`,
            roleClaimField: true,
          })
        : mapping.matcher !== undefined
          ? nearMissInMatcher(mapping.matcher, claims, index)
          : undefined;
    if (found !== undefined) return { index, ...found };
  }
  return undefined;
}

interface Hint {
  reason: string;
  fix: string;
}

interface InContext {
  /** The field that holds the expected value, e.g. `roleMappings[0].claim`. */
  mapping: string;
  /** A `claim` mapping: the claim name is `roleClaim`, which the fix may change. */
  roleClaimField: boolean;
}

/** `value in claims[claim]` did not hold: is it almost true? */
function nearMissForIn(
  claim: string,
  value: string,
  claims: Claims,
  context: InContext
): Hint | undefined {
  const ref = claimReference(claim);
  const raw = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
  const wanted = JSON.stringify(value);
  if (typeof raw === 'string') {
    const parts = raw.split(/[,\s]+/).filter((part) => part !== '');
    if (raw === value || raw.toLowerCase() === value.toLowerCase() || parts.includes(value)) {
      return {
        reason: `${ref} is the string ${JSON.stringify(raw)}, not a list: CEL \`in\` needs a list, so the mapping is skipped even though the value is there`,
        fix: `have the IdP send ${claim} as a JSON list (e.g. [${wanted}]), or replace the mapping with matcher: '${matcherRef(claim)} == ${wanted}'`,
      };
    }
    return undefined;
  }
  if (Array.isArray(raw)) {
    const strings = raw.filter((item): item is string => typeof item === 'string');
    const hint = nearValue(strings, value);
    if (hint === undefined) return undefined;
    return {
      reason: `${ref} contains ${JSON.stringify(hint.found)}, which ${hint.how} ${wanted} (matching is exact)`,
      fix: hint.fix ?? `set ${context.mapping} to ${JSON.stringify(hint.found)}`,
    };
  }
  if (raw === undefined && context.roleClaimField) {
    for (const [other, otherValue] of Object.entries(claims)) {
      const values = Array.isArray(otherValue)
        ? otherValue.filter((item): item is string => typeof item === 'string')
        : [];
      if (values.includes(value)) {
        return {
          reason: `the token has no ${claim} claim, but ${claimReference(other)} contains ${wanted}`,
          fix: `set roleClaim: ${other} (the claim that carries the groups in this IdP's tokens)`,
        };
      }
    }
  }
  return undefined;
}

/** `claims[claim] == value` did not hold: is it almost true? */
function nearMissForEquals(claim: string, value: string, claims: Claims): Hint | undefined {
  const ref = claimReference(claim);
  const raw = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
  const wanted = JSON.stringify(value);
  if (Array.isArray(raw) && raw.includes(value)) {
    return {
      reason: `${ref} is a list that contains ${wanted}; == compares the whole list with a string`,
      fix: `write the matcher as '${wanted} in ${matcherRef(claim)}'`,
    };
  }
  if (typeof raw === 'string') {
    const hint = nearValue([raw], value);
    if (hint === undefined) return undefined;
    return {
      reason: `${ref} is ${JSON.stringify(raw)}, which ${hint.how} ${wanted} (== is exact)`,
      fix: `write ${JSON.stringify(raw)} in the matcher, or fix the value at the IdP`,
    };
  }
  return undefined;
}

/** A value in `candidates` that is almost `value`. */
function nearValue(
  candidates: readonly string[],
  value: string
): { found: string; how: string; fix?: string } | undefined {
  const lower = value.toLowerCase();
  for (const found of candidates) {
    if (found === value) continue;
    if (found.toLowerCase() === lower) return { found, how: 'differs only in letter case from' };
    if (found.trim() === value) return { found, how: 'differs only in surrounding spaces from' };
    if (found.endsWith(`/${value}`)) {
      return {
        found,
        how: 'is a group path ending in',
        fix: `use ${JSON.stringify(found)} in the mapping, or turn off "Full group path" in the IdP's groups mapper (Keycloak) so tokens carry ${JSON.stringify(value)}`,
      };
    }
  }
  return undefined;
}

function matcherRef(claim: string): string {
  return `claims[${JSON.stringify(claim)}]`;
}

/** Walks a matcher for `"v" in claims[x]` and `claims[x] == "v"` and tests each against the claims. */
function nearMissInMatcher(expression: string, claims: Claims, index: number): Hint | undefined {
  let root: Expr;
  try {
    root = parse(expression).expr;
  } catch {
    return undefined;
  }
  const found: Hint[] = [];
  const visit = (node: Expr | undefined, depth: number): void => {
    if (node === undefined || depth > 100 || found.length > 0) return;
    const kind = node.exprKind;
    if (kind.case === 'callExpr') {
      const { function: name, args } = kind.value;
      const [left, right] = args;
      if (name === '@in') {
        const value = stringConstant(left);
        const claim = claimName(right);
        if (value !== undefined && claim !== undefined) {
          const hint = nearMissForIn(claim, value, claims, {
            mapping: `roleMappings[${index}].matcher`,
            roleClaimField: false,
          });
          if (hint) found.push(hint);
        }
      }
      if (name === '_==_') {
        const value = stringConstant(left) ?? stringConstant(right);
        const claim = claimName(left) ?? claimName(right);
        if (value !== undefined && claim !== undefined) {
          const hint = nearMissForEquals(claim, value, claims);
          if (hint) found.push(hint);
        }
      }
      visit(kind.value.target, depth + 1);
      for (const arg of args) visit(arg, depth + 1);
    } else if (kind.case === 'selectExpr') {
      visit(kind.value.operand, depth + 1);
    }
  };
  visit(root, 0);
  return found[0];
}

function stringConstant(node: Expr | undefined): string | undefined {
  if (node?.exprKind.case !== 'constExpr') return undefined;
  const constant = node.exprKind.value.constantKind;
  return constant.case === 'stringValue' ? constant.value : undefined;
}

/** `claims.x` or `claims["x"]`. */
function claimName(node: Expr | undefined): string | undefined {
  const kind = node?.exprKind;
  if (kind?.case === 'selectExpr') {
    const operand = kind.value.operand?.exprKind;
    return operand?.case === 'identExpr' && operand.value.name === 'claims'
      ? kind.value.field
      : undefined;
  }
  if (kind?.case === 'callExpr' && kind.value.function === '_[_]') {
    const [target, key] = kind.value.args;
    const isClaims =
      target?.exprKind.case === 'identExpr' && target.exprKind.value.name === 'claims';
    return isClaims ? stringConstant(key) : undefined;
  }
  return undefined;
}

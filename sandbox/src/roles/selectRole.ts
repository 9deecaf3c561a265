// ToolHive's `SelectRole`: evaluate every mapping, stable-sort matches by ascending priority
// (unset last), first wins, else the fallback role. It does not compile or validate config.

import { AwsStsError } from '../errors';
import { CLAIM_BINDING_EXPRESSION, toCelClaims, type Claims } from '../cel';
import { evaluateMapping } from './evaluateMapping';
import type {
  CompiledMapping,
  MatchedMapping,
  RoleEvaluation,
  RoleMapper,
  RoleSelection,
  TraceEntry,
} from './types';

/** ToolHive's `ErrNoRoleMapping` message, as wrapped by `SelectRole`. */
export const NO_ROLE_MAPPING_MESSAGE =
  'no role mapping found for JWT claims: no mapping matched for the provided claims';

/**
 * Picks the IAM role for `claims`; throws `NO_ROLE_MAPPING` when no mapping matches and there
 * is no `fallbackRoleArn` (the proxy answers 403).
 * @example selectRole(compileRoleMapper(config), { groups: ['admins'] }).roleArn
 */
export function selectRole(mapper: RoleMapper, claims: Claims): RoleSelection {
  const evaluation = evaluateRoleMappings(mapper, claims);
  if (evaluation.roleArn === null) {
    throw new AwsStsError('NO_ROLE_MAPPING', NO_ROLE_MAPPING_MESSAGE);
  }
  return { ...evaluation, roleArn: evaluation.roleArn };
}

/**
 * Same algorithm as `selectRole` but never throws: `roleArn` is null when nothing matched and
 * there is no fallback, and the trace is there either way (for playgrounds and the CLI).
 * @example evaluateRoleMappings(mapper, { groups: 'admins' }).trace[0].outcome // 'error'
 */
export function evaluateRoleMappings(mapper: RoleMapper, claims: Claims): RoleEvaluation {
  const fallbackRoleArn = mapper.config.fallbackRoleArn ?? null;
  if (mapper.mappings.length === 0) {
    return {
      roleArn: fallbackRoleArn,
      matched: null,
      fallback: fallbackRoleArn !== null,
      trace: [],
    };
  }
  const celClaims = toCelClaims(claims);
  const trace = mapper.mappings.map((mapping): TraceEntry => {
    const { outcome, reason } = evaluateMapping(
      mapping,
      celClaims,
      claims,
      mapper.config.roleClaim
    );
    return { ...describeMapping(mapping, mapper.config.roleClaim), outcome, reason, chosen: false };
  });
  const winner = trace
    .filter((entry) => entry.outcome === 'matched')
    .sort((a, b) => sortKey(a.priority) - sortKey(b.priority))[0];
  if (winner === undefined) {
    return { roleArn: fallbackRoleArn, matched: null, fallback: fallbackRoleArn !== null, trace };
  }
  winner.chosen = true;
  const mapping = mapper.mappings[winner.index];
  return {
    roleArn: winner.roleArn,
    matched: mapping ? matchedMapping(mapping) : null,
    fallback: false,
    trace,
  };
}

/** Unset priorities sort after every explicit one (Go uses math.MaxInt); sort() is stable. */
function sortKey(priority: number | null): number {
  return priority ?? Number.POSITIVE_INFINITY;
}

function describeMapping(
  mapping: CompiledMapping,
  roleClaim: string
): Omit<TraceEntry, 'outcome' | 'reason' | 'chosen'> {
  const base = {
    index: mapping.index,
    kind: mapping.kind,
    roleArn: mapping.roleArn,
    priority: mapping.priority ?? null,
  };
  if (mapping.kind === 'claim') {
    const ref = `claims[${JSON.stringify(roleClaim)}]`;
    const description = `claim ${JSON.stringify(mapping.claim ?? '')} in ${ref}`;
    return { ...base, expression: CLAIM_BINDING_EXPRESSION, description };
  }
  const expression = mapping.matcher?.expression ?? '';
  return { ...base, expression, description: `matcher ${expression}` };
}

function matchedMapping(mapping: CompiledMapping): MatchedMapping {
  const matched: MatchedMapping = { index: mapping.index, roleArn: mapping.roleArn };
  if (mapping.kind === 'claim' && mapping.claim !== undefined) matched.claim = mapping.claim;
  if (mapping.matcher !== undefined) matched.matcher = mapping.matcher.expression;
  if (mapping.priority !== undefined) matched.priority = mapping.priority;
  return matched;
}

// Types of the role mapper: compiled mappings, the selection result and its explanation trace.
// It holds no behaviour; compileRoleMapper and selectRole implement it.

import type { AwsStsConfig } from '../config/types';
import type { CompiledMatcher } from '../cel';

/** `claim` mappings test one value of `roleClaim`; `matcher` mappings run a CEL expression. */
export type MappingKind = 'claim' | 'matcher';

/** One role mapping, compiled. */
export interface CompiledMapping {
  readonly index: number;
  readonly kind: MappingKind;
  readonly roleArn: string;
  readonly priority: number | undefined;
  readonly claim?: string;
  readonly matcher?: CompiledMatcher;
}

/** A validated config with every matcher compiled, ready for `selectRole`. */
export interface RoleMapper {
  readonly config: AwsStsConfig;
  readonly mappings: readonly CompiledMapping[];
}

/** What evaluating one mapping gave; `error` covers evaluation errors and non-boolean results. */
export type MappingOutcome = 'matched' | 'not-matched' | 'error';

/** How one mapping fared, in config order. */
export interface TraceEntry {
  index: number;
  kind: MappingKind;
  /** The CEL that ran: `claim_value in claims[role_claim_key]` or the matcher itself. */
  expression: string;
  /** The mapping in words, e.g. `claim "admins" in claims["groups"]`. */
  description: string;
  roleArn: string;
  /** `null` when unset (it then sorts after every explicit priority). */
  priority: number | null;
  outcome: MappingOutcome;
  /** Why it matched or not, e.g. `claims.groups is a string, not a list: …`. */
  reason: string;
  /** True for the one mapping whose role was selected. */
  chosen: boolean;
}

/** The mapping that won. */
export interface MatchedMapping {
  index: number;
  roleArn: string;
  claim?: string;
  matcher?: string;
  priority?: number;
}

/** Result of `selectRole`: the role, why, and how every mapping fared. */
export interface RoleSelection {
  roleArn: string;
  /** The winning mapping, or null when the fallback role was used. */
  matched: MatchedMapping | null;
  /** True when `fallbackRoleArn` was used (no mappings, or none matched). */
  fallback: boolean;
  trace: TraceEntry[];
}

/** Like `RoleSelection`, but `roleArn` is null when nothing matched and there is no fallback. */
export interface RoleEvaluation extends Omit<RoleSelection, 'roleArn'> {
  roleArn: string | null;
}

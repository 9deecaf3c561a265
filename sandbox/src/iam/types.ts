// The IAM evaluator's shapes: policy JSON as AWS writes it, its parsed form, requests and traces.
// It holds no logic; parsing, matching and evaluation live in their own modules.

/** A policy grammar version. Policy variables such as `${aws:username}` exist only in 2012-10-17. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

export type Effect = 'Allow' | 'Deny';

/** The principal kinds a request can carry and a policy can name. */
export type PrincipalType = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';

type OneOrMany<T> = T | T[];

/** `Principal` / `NotPrincipal` as written in JSON. */
export type PolicyPrincipal = '*' | Partial<Record<PrincipalType, OneOrMany<string>>>;

/** A condition value as written in JSON; IAM compares everything as text. */
export type ConditionValue = string | number | boolean;

/** `Condition` as written in JSON: operator → context key → value(s). */
export type PolicyCondition = Record<string, Record<string, OneOrMany<ConditionValue>>>;

/** One statement as written in JSON. */
export interface PolicyStatement {
  Sid?: string;
  Effect: Effect;
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: PolicyCondition;
}

/** A policy document as written in JSON (what the generator emits and IAM stores). */
export interface PolicyDocument {
  Version?: PolicyVersion;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/**
 * Which rules a document is validated against: identity (permission) policies forbid `Principal`
 * and need `Resource`; trust policies need `Principal` and forbid `Resource`; resource-based
 * policies need both.
 */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** The principal element after parsing: `'*'` or lists per principal type. */
export type ParsedPrincipal = '*' | Partial<Record<PrincipalType, string[]>>;

/** The set-operator prefix of a condition operator. */
export type SetOperator = 'ForAllValues' | 'ForAnyValue';

/** One (operator, key) pair of a `Condition` block, with its values as text. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** The canonical base operator, e.g. `StringLike`. */
  base: string;
  set: SetOperator | undefined;
  ifExists: boolean;
  /** The context key as written; matched case-insensitively. */
  key: string;
  /** Policy values as text (`true` → `"true"`); several values are ORed (NORed when negated). */
  values: string[];
}

export interface ParsedStatement {
  sid: string | undefined;
  effect: Effect;
  principal?: ParsedPrincipal;
  notPrincipal?: ParsedPrincipal;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  /** Every clause must hold (AND across operators and keys). */
  conditions: ConditionClause[];
}

/** A validated, normalised policy. Produced by `parsePolicy`; accepted wherever a document is. */
export interface ParsedPolicy {
  version: PolicyVersion | undefined;
  id: string | undefined;
  kind: PolicyKind;
  statements: ParsedStatement[];
}

/** What the evaluators accept: JSON text, a document object, or an already parsed policy. */
export type PolicyInput = string | PolicyDocument | ParsedPolicy;

/** One thing wrong with a policy document, located by a JSON path such as `Statement[1].Effect`. */
export interface PolicyProblem {
  path: string;
  /** A complete sentence that names the path, e.g. `Statement[1].Effect must be "Allow" or "Deny"`. */
  message: string;
}

/** A request context value. Arrays make a multivalued key; booleans and numbers compare as text. */
export type ContextValue = string | string[] | boolean | number;

/** Request context keys (case-insensitive, e.g. `aws:ViaAWSMCPService`) and their values. */
export type RequestContext = Readonly<Record<string, ContextValue | null | undefined>>;

/** Who makes the request, as a trust policy's `Principal` element would name it. */
export interface RequestPrincipal {
  type: 'AWS' | 'Federated' | 'Service';
  /** An ARN, a 12-digit account ID (AWS), a provider ARN or name (Federated), or a service name. */
  id: string;
}

/** A request against identity (permission) policies. */
export interface AuthorizationRequest {
  action: string;
  resource: string;
  context?: RequestContext;
  /** Only consulted by statements that carry `Principal`/`NotPrincipal` (resource-based policies). */
  principal?: RequestPrincipal;
}

/** A role-assumption request against a trust policy. */
export interface TrustRequest {
  principal: RequestPrincipal;
  action: string;
  context?: RequestContext;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** One element check of one statement, for traces and the playground. */
export interface StatementCheck {
  element: 'Principal' | 'Action' | 'Resource' | 'Condition';
  matched: boolean;
  detail: string;
}

/** Why one statement did or did not apply to the request. */
export interface StatementTrace {
  policyIndex: number;
  statementIndex: number;
  sid: string | undefined;
  effect: Effect;
  applies: boolean;
  /** The failed checks when it does not apply, all checks when it does. */
  reason: string;
  checks: StatementCheck[];
}

export interface DecidingStatement {
  policyIndex: number;
  statementIndex: number;
  sid?: string;
  effect: Effect;
}

/** The outcome of an evaluation, with the statements that decided it and a full trace. */
export interface Evaluation {
  decision: Decision;
  allowed: boolean;
  /** Applicable Deny statements (ExplicitDeny), applicable Allow statements (Allow), or none. */
  deciding: DecidingStatement[];
  explanation: string;
  statements: StatementTrace[];
}

// The decision across policies (explicit deny > allow > implicit deny), with a per-statement trace.
// It does not model SCPs, permission boundaries, session policies or cross-account rules.

import { AwsStsError } from '../errors';
import { evaluateConditions } from './conditions';
import { contextLookup, type ContextLookup } from './context';
import { matchAction, matchResource } from './matchPattern';
import { validatePolicy } from './parsePolicy';
import { describePrincipal, principalMatch } from './principal';
import type {
  AuthorizationRequest,
  Evaluation,
  ParsedPolicy,
  ParsedStatement,
  PolicyInput,
  PolicyKind,
  RequestContext,
  RequestPrincipal,
  StatementCheck,
  StatementTrace,
} from './types';

/** What one evaluation looks at; `resource` is absent for trust policies (the role is implied). */
export interface EvaluationTarget {
  action: string;
  resource?: string | undefined;
  principal?: RequestPrincipal | undefined;
  context?: RequestContext | undefined;
}

const quote = (text: string): string => JSON.stringify(text);
const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;

function principalCheck(
  statement: ParsedStatement,
  who: RequestPrincipal | undefined
): StatementCheck | undefined {
  const element = statement.principal ?? statement.notPrincipal;
  if (element === undefined) return undefined;
  const negated = statement.principal === undefined;
  const name = negated ? 'NotPrincipal' : 'Principal';
  if (!who)
    return {
      element: 'Principal',
      matched: false,
      detail: `Statement has ${name} but the request names no principal`,
    };
  const label = `Principal ${who.type} ${who.id}`;
  const { matched, by } = principalMatch(element, who);
  if (negated) {
    return matched
      ? {
          element: 'Principal',
          matched: false,
          detail: `${label} is excluded by NotPrincipal (${quote(by ?? '')})`,
        }
      : {
          element: 'Principal',
          matched: true,
          detail: `${label} is not in NotPrincipal ${describePrincipal(element)}`,
        };
  }
  return matched
    ? { element: 'Principal', matched: true, detail: `${label} matched by ${quote(by ?? '')}` }
    : {
        element: 'Principal',
        matched: false,
        detail: `${label} not matched by ${describePrincipal(element)}`,
      };
}

function actionCheck(statement: ParsedStatement, action: string): StatementCheck {
  const patterns = statement.action ?? statement.notAction ?? [];
  const by = patterns.find((p) => matchAction(p, action));
  if (statement.action) {
    return by !== undefined
      ? { element: 'Action', matched: true, detail: `Action ${action} matched by ${quote(by)}` }
      : {
          element: 'Action',
          matched: false,
          detail: `Action ${action} not matched by ${list(patterns)}`,
        };
  }
  return by !== undefined
    ? {
        element: 'Action',
        matched: false,
        detail: `Action ${action} is excluded by NotAction ${quote(by)}`,
      }
    : {
        element: 'Action',
        matched: true,
        detail: `Action ${action} is not in NotAction ${list(patterns)}`,
      };
}

function resourceCheck(
  statement: ParsedStatement,
  resource: string | undefined,
  variables: ContextLookup | undefined
): StatementCheck | undefined {
  const patterns = statement.resource ?? statement.notResource;
  if (patterns === undefined) return undefined;
  const name = statement.resource ? 'Resource' : 'NotResource';
  if (resource === undefined) {
    return {
      element: 'Resource',
      matched: false,
      detail: `Statement has ${name} but the request names no resource`,
    };
  }
  const unresolved = new Set<string>();
  const by = patterns.find((p) => {
    const m = matchResource(p, resource, variables);
    if (m.unresolved !== undefined) unresolved.add(m.unresolved);
    return m.matched;
  });
  const notes =
    unresolved.size > 0
      ? ` (policy variable ${[...unresolved].map((u) => `\${${u}}`).join(', ')} has no value)`
      : '';
  if (statement.resource) {
    return by !== undefined
      ? {
          element: 'Resource',
          matched: true,
          detail: `Resource ${resource} matched by ${quote(by)}`,
        }
      : {
          element: 'Resource',
          matched: false,
          detail: `Resource ${resource} not matched by ${list(patterns)}${notes}`,
        };
  }
  return by !== undefined
    ? {
        element: 'Resource',
        matched: false,
        detail: `Resource ${resource} is excluded by NotResource ${quote(by)}`,
      }
    : {
        element: 'Resource',
        matched: true,
        detail: `Resource ${resource} is not in NotResource ${list(patterns)}${notes}`,
      };
}

function traceStatement(
  policy: ParsedPolicy,
  policyIndex: number,
  statement: ParsedStatement,
  statementIndex: number,
  target: EvaluationTarget,
  lookup: ContextLookup
): StatementTrace {
  const variables = policy.version === '2012-10-17' ? lookup : undefined;
  const conditions = evaluateConditions(statement.conditions, lookup, policy.version);
  const checks = [
    principalCheck(statement, target.principal),
    actionCheck(statement, target.action),
    resourceCheck(statement, target.resource, variables),
    ...conditions.results.map((r): StatementCheck => ({
      element: 'Condition',
      matched: r.holds,
      detail: r.detail,
    })),
  ].filter((c): c is StatementCheck => c !== undefined);
  const applies = checks.every((c) => c.matched);
  const shown = applies ? checks : checks.filter((c) => !c.matched);
  return {
    policyIndex,
    statementIndex,
    sid: statement.sid,
    effect: statement.effect,
    applies,
    reason: shown.map((c) => c.detail).join('; '),
    checks,
  };
}

function label(t: StatementTrace, word = 'statement'): string {
  const where = `policy ${t.policyIndex}, statement ${t.statementIndex}`;
  return t.sid ? `${word} ${quote(t.sid)} (${where})` : `${word} (${where})`;
}

function describeTarget(target: EvaluationTarget): string {
  if (target.resource !== undefined) return `${target.action} on ${target.resource}`;
  return target.principal
    ? `${target.action} by ${target.principal.type} principal ${target.principal.id}`
    : target.action;
}

/**
 * Evaluates already parsed policies: explicit deny > allow > implicit deny, with a trace of every
 * statement. The building block of evaluatePolicies and evaluateTrustPolicy.
 * @example evaluateParsedPolicies([parsePolicy(doc)], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })
 */
export function evaluateParsedPolicies(
  policies: readonly ParsedPolicy[],
  target: EvaluationTarget
): Evaluation {
  const lookup = contextLookup(target.context);
  const statements = policies.flatMap((policy, p) =>
    policy.statements.map((s, i) => traceStatement(policy, p, s, i, target, lookup))
  );
  const denies = statements.filter((t) => t.applies && t.effect === 'Deny');
  const allows = statements.filter((t) => t.applies && t.effect === 'Allow');
  const what = describeTarget(target);
  const deciding = (denies.length > 0 ? denies : allows).map((t) => ({
    policyIndex: t.policyIndex,
    statementIndex: t.statementIndex,
    ...(t.sid === undefined ? {} : { sid: t.sid }),
    effect: t.effect,
  }));
  if (denies.length > 0) {
    const why = denies.map((t) => `${label(t)}: ${t.reason}`).join('. ');
    return {
      decision: 'ExplicitDeny',
      allowed: false,
      deciding,
      explanation: `Explicitly denied: ${what} is denied by ${why}. An explicit Deny overrides any Allow.`,
      statements,
    };
  }
  if (allows.length > 0) {
    const why = allows.map((t) => `${label(t)}: ${t.reason}`).join('. ');
    return {
      decision: 'Allow',
      allowed: true,
      deciding,
      explanation: `Allowed: ${what} is allowed by ${why}. No Deny statement applies.`,
      statements,
    };
  }
  const misses = statements.filter((t) => t.effect === 'Allow');
  const detail =
    policies.length === 0
      ? ' There are no policies to evaluate.'
      : misses.length === 0
        ? ' The policies contain no Allow statement.'
        : ` ${misses.map((t) => `${label(t, 'Statement')} does not apply: ${t.reason}.`).join(' ')}`;
  return {
    decision: 'ImplicitDeny',
    allowed: false,
    deciding: [],
    explanation: `Implicitly denied: no statement allows ${what}.${detail}`,
    statements,
  };
}

/**
 * Parses every input with the given rules, throwing INVALID_INPUT that names the policy.
 * @example parseInputs([doc], 'identity', (i) => `policies[${i}]`)
 */
export function parseInputs(
  policies: readonly PolicyInput[],
  kind: PolicyKind,
  name: (index: number) => string
): ParsedPolicy[] {
  return policies.map((input, i) => {
    const result = validatePolicy(input, { kind });
    if (result.ok) return result.policy;
    const where = name(i);
    const first = result.problems[0]?.path;
    throw new AwsStsError(
      'INVALID_INPUT',
      `${where} is malformed: ${result.problems.map((p) => p.message).join('; ')}`,
      { path: first ? `${where}.${first}` : where }
    );
  });
}

/** Throws INVALID_INPUT unless `action` looks like `service:Action`. @example requireAction('s3:GetObject') */
export function requireAction(action: unknown): string {
  if (typeof action !== 'string' || !/^[^\s:]+:[^\s:]+$/.test(action)) {
    throw new AwsStsError(
      'INVALID_INPUT',
      'request.action must be "service:action" (e.g. "s3:GetObject")',
      {
        path: 'request.action',
      }
    );
  }
  return action;
}

/**
 * Decides whether identity-based (permission) policies allow a request: any applicable Deny →
 * ExplicitDeny, else any applicable Allow → Allow, else ImplicitDeny. JSON inputs are parsed as
 * identity policies (pass `parsePolicy(doc, { kind: 'resource' })` to add a resource-based one);
 * malformed policies throw `AwsStsError` INVALID_INPUT.
 * @example evaluatePolicies([rolePolicy], { action: 's3:ListBucket', resource: 'arn:aws:s3:::b',
 *   context: { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com', 'aws:ViaAWSMCPService': true } }).allowed
 */
export function evaluatePolicies(
  policies: readonly PolicyInput[],
  request: AuthorizationRequest
): Evaluation {
  const action = requireAction(request.action);
  if (typeof request.resource !== 'string' || request.resource === '') {
    throw new AwsStsError('INVALID_INPUT', 'request.resource must be an ARN or "*"', {
      path: 'request.resource',
    });
  }
  const parsed = parseInputs(policies, 'identity', (i) => `policies[${i}]`);
  return evaluateParsedPolicies(parsed, { ...request, action });
}

// The `trust-policy` link: the trust policy of the token's role, evaluated by the project's IAM
// evaluator with the principal and condition keys STS derives from this token; it names the
// statement that allows, or the condition that fails and how to change it. It does not call STS.

import { validatePolicy, evaluateTrustPolicy } from '../iam';
import type { ConditionClause, Evaluation, ParsedPolicy, StatementTrace } from '../iam';
// The sts-core modules directly: its index also holds the msw handlers, which a page must not load.
import { decodeWebIdentityToken } from '../emulators/sts-core/webIdentityToken';
import type { WebIdentityClaims } from '../emulators/sts-core/webIdentityToken';
import { webIdentityTrustRequest } from '../emulators/sts-core/trustRequest';
import type { AccountFacts } from './accountFacts';
import { parseRoleArn, providerArnFor } from './arns';
import { quoted } from './format';
import { fail, pass, skip } from './report';
import { hostPath } from './urls';
import type { DoctorCheck } from './types';

/** The claims STS exposes as `<provider>:<claim>` condition keys. */
const WEB_IDENTITY_KEYS = ['aud', 'sub', 'amr', 'email', 'oaud', 'azp'];

export interface TrustPolicyCheckContext {
  facts: AccountFacts | undefined;
  roleArn: string | undefined;
  token: string;
  /** The audience the proxy expects (MCPRemoteProxy), to pick among several `aud` values. */
  configAudience: string | undefined;
  now: Date;
}

interface Located {
  roleName: string;
  document: string;
}

/**
 * Evaluates the trust policy of the token's role for this token.
 * @example checkTrustPolicy({ facts, roleArn, token, configAudience: 'toolhive-aws', now: new Date() })
 */
export function checkTrustPolicy(context: TrustPolicyCheckContext): DoctorCheck {
  const { facts, roleArn } = context;
  if (facts === undefined) {
    return skip(
      'trust-policy',
      'not checked: add --aws (or paste the trust policy or "aws iam get-role" output) to evaluate it'
    );
  }
  if (roleArn === undefined) return skip('trust-policy', 'not checked: this token maps to no role');
  const located = locate(facts, roleArn);
  if ('skip' in located) return skip('trust-policy', located.skip);
  if ('fail' in located) return fail('trust-policy', located.fail, located.fix);
  let claims: WebIdentityClaims;
  try {
    claims = decodeWebIdentityToken(context.token).claims;
  } catch {
    return skip('trust-policy', 'not checked: STS cannot read the token (see token)');
  }
  const role = parseRoleArn(roleArn);
  const provider = facts.provider?.ok ? facts.provider.value : undefined;
  const principalArn = provider?.arn ?? (role ? providerArnFor(claims.iss, role) : '');
  const audience =
    claims.aud.find((aud) => provider?.clientIds.includes(aud)) ??
    claims.aud.find((aud) => aud === context.configAudience) ??
    claims.aud[0] ??
    '';
  const record = {
    arn: principalArn,
    url: claims.iss,
    clientIds: provider?.clientIds ?? [audience],
    thumbprints: [],
    createDate: context.now,
    tags: [],
  };
  const request = webIdentityTrustRequest(record, claims, audience, context.now);
  const update = `aws iam update-assume-role-policy --role-name ${located.roleName} --policy-document file://trust-policy.json`;
  const validation = validatePolicy(located.document, { kind: 'trust' });
  if (!validation.ok) {
    return fail(
      'trust-policy',
      `the trust policy of ${located.roleName} is malformed: ${validation.problems.map((p) => p.message).join('; ')}`,
      `fix the document, then ${update}`
    );
  }
  const evaluation = evaluateTrustPolicy(validation.policy, request);
  const keys = Object.entries(request.context)
    .filter(([key]) => !key.startsWith('aws:'))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  const details = [
    `STS asks: Federated ${principalArn}, ${keys.join(', ')}`,
    evaluation.explanation,
  ];
  if (evaluation.allowed) {
    const [deciding] = evaluation.deciding;
    const which = deciding?.sid
      ? `statement "${deciding.sid}"`
      : `Statement[${deciding?.statementIndex ?? 0}]`;
    return pass(
      'trust-policy',
      `${located.roleName}: ${which} allows this token (Federated ${principalArn}, ${keys.join(', ')})`,
      [evaluation.explanation]
    );
  }
  const verdict = explainDenial(evaluation, validation.policy, {
    roleName: located.roleName,
    principalArn,
    issuer: claims.iss,
    requestContext: request.context,
    update,
    audience,
  });
  return fail(
    'trust-policy',
    `the trust policy of ${located.roleName} does not let this token assume the role (STS answers AccessDenied): ${verdict.message}`,
    verdict.fix,
    details
  );
}

function locate(
  facts: AccountFacts,
  roleArn: string
): Located | { skip: string } | { fail: string; fix: string } {
  const read = facts.roles.get(roleArn);
  const roleName = parseRoleArn(roleArn)?.roleName ?? roleArn;
  if (read?.ok === false) {
    return facts.source === 'pasted'
      ? {
          fail: read.error,
          fix: 'paste a trust policy document or the JSON output of aws iam get-role',
        }
      : { skip: `not checked: the role could not be read (see role)` };
  }
  if (read?.ok && read.value === undefined) {
    return { skip: `not checked: ${roleName} does not exist (see role)` };
  }
  if (read?.ok && read.value !== undefined) {
    return { roleName: read.value.roleName, document: read.value.assumeRolePolicyDocument };
  }
  if (facts.source === 'pasted' && facts.trustPolicy !== undefined) {
    const other = [...facts.roles.keys()].find((arn) => arn !== roleArn);
    if (other === undefined) return { roleName, document: facts.trustPolicy };
  }
  if (facts.source === 'pasted' && facts.roles.size > 0) {
    return {
      skip: `not checked: the pasted role is not ${roleName}, the role this token maps to (see role)`,
    };
  }
  return {
    skip: `not checked: paste the trust policy of ${roleName} (or "aws iam get-role --role-name ${roleName}" output), or add --aws`,
  };
}

interface DenialContext {
  roleName: string;
  principalArn: string;
  issuer: string;
  requestContext: Readonly<Record<string, unknown>>;
  update: string;
  audience: string;
}

function explainDenial(
  evaluation: Evaluation,
  policy: ParsedPolicy,
  context: DenialContext
): { message: string; fix: string } {
  if (evaluation.decision === 'ExplicitDeny') {
    const denies = evaluation.statements.filter((t) => t.applies && t.effect === 'Deny');
    const names = denies.map(label).join(', ');
    return {
      message: `${names} denies it (${denies[0]?.reason ?? ''})`,
      fix: `remove or narrow ${names} in the trust policy of ${context.roleName}, then ${context.update}`,
    };
  }
  const allows = evaluation.statements.filter((t) => t.effect === 'Allow');
  if (allows.length === 0) {
    return {
      message: 'it has no Allow statement',
      fix: `add {"Effect": "Allow", "Principal": {"Federated": "${context.principalArn}"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"${hostPath(context.issuer)}:aud": "${context.audience}"}}}, then ${context.update}`,
    };
  }
  const closest = [...allows].sort(
    (a, b) => failedCount(a) - failedCount(b) || a.statementIndex - b.statementIndex
  )[0] as StatementTrace;
  const failed = closest.checks.filter((check) => !check.matched);
  const message = `${label(closest)} does not apply: ${failed.map((check) => check.detail).join('; ')}`;
  const firstFailed = failed[0];
  if (firstFailed?.element === 'Principal') {
    return {
      message,
      fix: `set Principal.Federated to "${context.principalArn}" (the provider for iss ${context.issuer}, character for character) in ${label(closest)}, then ${context.update}`,
    };
  }
  if (firstFailed?.element === 'Action') {
    return {
      message,
      fix: `add "sts:AssumeRoleWithWebIdentity" to the Action of ${label(closest)}, then ${context.update}`,
    };
  }
  const statement = policy.statements[closest.statementIndex];
  const conditionChecks = closest.checks.filter((check) => check.element === 'Condition');
  const failingIndex = conditionChecks.findIndex((check) => !check.matched);
  const clause = statement?.conditions[failingIndex];
  return {
    message,
    fix: clause ? `${conditionFix(clause, context)}, then ${context.update}` : context.update,
  };
}

function failedCount(trace: StatementTrace): number {
  // A statement whose principal matched is closer than one with fewer but more basic misses.
  const misses = trace.checks.filter((check) => !check.matched);
  return misses.length + (misses.some((check) => check.element === 'Principal') ? 100 : 0);
}

function label(trace: StatementTrace): string {
  return trace.sid ? `statement "${trace.sid}"` : `Statement[${trace.statementIndex}]`;
}

function conditionFix(clause: ConditionClause, context: DenialContext): string {
  const where = `${clause.operator} ${clause.key}`;
  const colon = clause.key.lastIndexOf(':');
  const prefix = clause.key.slice(0, colon);
  const claim = clause.key.slice(colon + 1);
  const expectedPrefix = hostPath(context.issuer);
  if (WEB_IDENTITY_KEYS.includes(claim) && prefix.toLowerCase() !== expectedPrefix.toLowerCase()) {
    return `rename the condition key ${clause.key} to ${expectedPrefix}:${claim} (IAM names the keys after the provider URL without https://, exactly as iss)`;
  }
  const value = context.requestContext[`${expectedPrefix}:${claim}`];
  const shown = Array.isArray(value) ? quoted(value as string[]) : JSON.stringify(value);
  const negated = /Not/.test(clause.base);
  if (value === undefined) {
    return `the token gives no value for ${clause.key}: remove ${where} or have the IdP include the ${claim} claim`;
  }
  if (negated) return `remove ${shown} from ${where} (now ${quoted(clause.values)})`;
  if (claim === 'sub')
    return `add ${shown} to ${where} (now ${quoted(clause.values)}) to let this user in`;
  return `set ${where} to ${shown} (now ${quoted(clause.values)})`;
}

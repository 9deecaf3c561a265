// Checking a policy document the way IAM does before storing it: grammar (the project's
// validator) → MalformedPolicyDocument, size quota → LimitExceeded, a trust policy's federated
// principals → MalformedPolicyDocument unless they exist. It stores nothing.

import { checkPolicySize, validatePolicy } from '../../iam';
import type { ParsedPolicy, PolicyKind, PolicyProblem, PolicySizeKind } from '../../iam';
import type { AccountState } from '../state';
import { iamFaults } from './iamFaults';

/** IAM's message for the first problem it would report, for the problems IAM words clearly. */
function awsMessage(problems: readonly PolicyProblem[]): string {
  const first = problems[0]?.message ?? '';
  if (/not valid JSON|must be JSON data|must be a JSON object/.test(first)) {
    return 'This policy contains invalid Json';
  }
  for (const p of problems) {
    const prohibited = /\.(\w+) is not allowed in /.exec(p.message);
    if (prohibited) return `Has prohibited field ${prohibited[1]}`;
    const missing = /must contain (\w+) or \w+$/.exec(p.message);
    if (missing) return `Missing required field ${missing[1]}`;
  }
  return 'Syntax errors in policy.';
}

/**
 * The parsed policy, or MalformedPolicyDocument unless `document` is a valid policy of `kind`;
 * the fault's `detail` lists every problem the validator found.
 * @example checkPolicyDocument(trustJson, 'trust').statements.length
 */
export function checkPolicyDocument(document: string, kind: PolicyKind): ParsedPolicy {
  const result = validatePolicy(document, { kind });
  if (result.ok) return result.policy;
  throw iamFaults.malformedPolicy(
    awsMessage(result.problems),
    result.problems.map((p) => p.message).join('; ')
  );
}

/**
 * Throws LimitExceeded when the documents exceed the quota (white space not counted).
 * @example checkPolicyQuota([a, b], 'inlineRole', 'Maximum policy size … for role Dev')
 */
export function checkPolicyQuota(
  documents: readonly string[],
  kind: PolicySizeKind,
  suffix = ''
): void {
  const check = checkPolicySize(documents, kind);
  if (!check.ok) throw iamFaults.limitExceeded(`${check.message ?? 'Policy too large'}${suffix}`);
}

/**
 * Throws MalformedPolicyDocument when a trust policy names an IAM OIDC provider (`Federated`
 * `arn:…:oidc-provider/…`) that the account does not have, as IAM does: a role cannot trust a
 * provider before it is registered. Built-in federation names (`accounts.google.com`, …) pass.
 * @example checkFederatedPrincipals(parsed, state) // throws for an unregistered provider
 */
export function checkFederatedPrincipals(policy: ParsedPolicy, state: AccountState): void {
  for (const statement of policy.statements) {
    for (const element of [statement.principal, statement.notPrincipal]) {
      if (element === undefined || element === '*') continue;
      for (const arn of element.Federated ?? []) {
        if (arn.includes(':oidc-provider/') && !state.oidcProviders.has(arn)) {
          throw iamFaults.unknownFederatedPrincipal(arn);
        }
      }
    }
  }
}

// Checking a policy document the way IAM does before storing it: grammar (the project's
// validator) → MalformedPolicyDocument, size quota → LimitExceeded. It stores nothing.

import { checkPolicySize, validatePolicy } from '../../iam';
import type { PolicyKind, PolicyProblem, PolicySizeKind } from '../../iam';
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
 * Throws MalformedPolicyDocument unless `document` is a valid policy of `kind`; the fault's
 * `detail` lists every problem the validator found.
 * @example checkPolicyDocument(trustJson, 'trust')
 */
export function checkPolicyDocument(document: string, kind: PolicyKind): void {
  const result = validatePolicy(document, { kind });
  if (result.ok) return;
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

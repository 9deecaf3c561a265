// IAM's policy size quotas, counted as IAM counts them: characters without white space.
// It does not validate policy grammar (parsePolicy.ts) or decide HTTP statuses (the emulator does).

import type { PolicyDocument } from './types';

/**
 * Quotas from the IAM User Guide, "IAM and AWS STS quotas" (reference_iam-quotas): role trust
 * policy 2,048 characters (adjustable, so callers may pass another limit); aggregate inline
 * policies per role 10,240, per user 2,048, per group 5,120; a managed policy 6,144.
 */
export const POLICY_SIZE_LIMITS = {
  trust: 2048,
  inlineRole: 10240,
  inlineUser: 2048,
  inlineGroup: 5120,
  managed: 6144,
} as const;

export type PolicySizeKind = keyof typeof POLICY_SIZE_LIMITS;

/** The result of a size check; `message` mirrors IAM's `LimitExceeded` error text. */
export interface PolicySizeCheck {
  ok: boolean;
  kind: PolicySizeKind;
  /** Characters counted, white space excluded. */
  size: number;
  limit: number;
  /** IAM's error code when the quota is exceeded. */
  code?: 'LimitExceeded';
  message?: string;
}

/** JSON white space: space, tab, LF, CR. IAM "does not count white space". */
const WHITE_SPACE = /[ \t\n\r]/g;

/**
 * Policy size as IAM counts it: characters (UTF-16 code units of the document text, which are
 * whole characters in IAM's U+0000–U+00FF alphabet) minus every space, tab, LF and CR, including
 * those inside string values. Objects are measured as their `JSON.stringify` text.
 * @example policySize('{ "Version": "2012-10-17" }') // 24
 */
export function policySize(document: string | PolicyDocument): number {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  return text.replace(WHITE_SPACE, '').length;
}

function exceededMessage(kind: PolicySizeKind, limit: number): string {
  switch (kind) {
    case 'trust':
      return `Cannot exceed quota for ACLSizePerRole: ${limit}`;
    case 'managed':
      return `Cannot exceed quota for PolicySize: ${limit}`;
    case 'inlineRole':
      return `Maximum policy size of ${limit} bytes exceeded for role`;
    case 'inlineUser':
      return `Maximum policy size of ${limit} bytes exceeded for user`;
    case 'inlineGroup':
      return `Maximum policy size of ${limit} bytes exceeded for group`;
  }
}

/**
 * Checks one document, or the sum of several inline policies of one entity, against a quota.
 * @example checkPolicySize(trustPolicyJson, 'trust').ok // true
 * @example checkPolicySize([policyA, policyB], 'inlineRole', { limit: 10240 }).size
 */
export function checkPolicySize(
  documents: string | PolicyDocument | ReadonlyArray<string | PolicyDocument>,
  kind: PolicySizeKind,
  options: { limit?: number } = {}
): PolicySizeCheck {
  const list = Array.isArray(documents) ? documents : [documents as string | PolicyDocument];
  const size = list.reduce((sum: number, doc) => sum + policySize(doc), 0);
  const limit = options.limit ?? POLICY_SIZE_LIMITS[kind];
  if (size <= limit) return { ok: true, kind, size, limit };
  return {
    ok: false,
    kind,
    size,
    limit,
    code: 'LimitExceeded',
    message: exceededMessage(kind, limit),
  };
}

// Principal/NotPrincipal matching: "*", AWS (ARN, account ID, account root), Federated, Service.
// It does not authenticate anyone or read tokens.

import type { ParsedPrincipal, RequestPrincipal } from './types';

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:([^:]+):iam::(\d{12}):root$/;

/** The account of an AWS principal given as an account ID or an IAM/STS ARN, if any. */
function accountOf(id: string): { partition: string | undefined; account: string } | undefined {
  if (ACCOUNT_ID.test(id)) return { partition: undefined, account: id };
  const parts = id.split(':');
  if (parts[0] !== 'arn' || parts.length < 6 || !ACCOUNT_ID.test(parts[4] ?? '')) return undefined;
  return { partition: parts[1], account: parts[4] ?? '' };
}

/**
 * Whether one `AWS` principal value names the requester. `"*"` names everyone; an account ID or
 * `arn:…:iam::<account>:root` names every principal of that account (the account then decides
 * with its own policies); any other ARN must be equal.
 * @example awsPrincipalMatches('123456789012', 'arn:aws:iam::123456789012:role/Dev') // true
 */
export function awsPrincipalMatches(policyValue: string, requesterId: string): boolean {
  if (policyValue === '*' || policyValue === requesterId) return true;
  const root = ROOT_ARN.exec(policyValue);
  const account = ACCOUNT_ID.test(policyValue) ? policyValue : root?.[2];
  if (account === undefined) return false;
  const requester = accountOf(requesterId);
  if (requester?.account !== account) return false;
  const partition = root?.[1];
  return (
    partition === undefined ||
    requester.partition === undefined ||
    partition === requester.partition
  );
}

/**
 * Whether a parsed Principal element names the requester; returns the value that matched.
 * `Federated` and `Service` values must equal the requester's id exactly.
 * @example principalMatch({ Federated: ['arn:aws:iam::123456789012:oidc-provider/idp.example.com'] }, principal)
 */
export function principalMatch(
  element: ParsedPrincipal,
  requester: RequestPrincipal
): { matched: boolean; by?: string } {
  if (element === '*') return { matched: true, by: '*' };
  const values = element[requester.type] ?? [];
  const by =
    requester.type === 'AWS'
      ? values.find((v) => awsPrincipalMatches(v, requester.id))
      : values.find((v) => v === requester.id);
  return by === undefined ? { matched: false } : { matched: true, by };
}

/** Renders a Principal element for traces. @example describePrincipal({ Service: ['ec2.amazonaws.com'] }) // '{"Service":["ec2.amazonaws.com"]}' */
export function describePrincipal(element: ParsedPrincipal): string {
  return element === '*' ? '"*"' : JSON.stringify(element);
}

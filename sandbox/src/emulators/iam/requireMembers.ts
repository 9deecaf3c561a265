// Member constraint checks for IAM's typed inputs, reported as one ValidationError as IAM does.
// The constraint wording itself lives in aws-query's memberRules (shared with STS).

import { memberValues, memberViolations, validationErrorMessage } from '../aws-query';
import type { MemberRule } from '../aws-query';
import { iamFaults } from './iamFaults';

/**
 * Throws ValidationError listing every violated constraint of the given members.
 * @example requireMembers({ RoleName: 'a b' }, [ROLE_NAME_RULE]) // throws
 */
export function requireMembers(
  values: Record<string, string | number | undefined>,
  rules: readonly MemberRule[]
): void {
  const violations = memberViolations(memberValues(values), rules);
  if (violations.length > 0) throw iamFaults.validation(validationErrorMessage(violations));
}

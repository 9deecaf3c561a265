// Trust policy evaluation: may this Federated, AWS or Service principal assume the role?
// It does not check the caller's own identity policies (cross-account access needs both).

import { AwsStsError } from '../errors';
import { evaluateParsedPolicies, parseInputs, requireAction } from './evaluate';
import type { Evaluation, PolicyInput, TrustRequest } from './types';

const PRINCIPAL_TYPES = new Set(['AWS', 'Federated', 'Service']);

/**
 * Evaluates a role's trust policy for a role-assumption request. The principal must be named by
 * `Principal` (or not excluded by `NotPrincipal`), the action matched and every condition true;
 * an applicable Deny still wins. Malformed policies throw `AwsStsError` INVALID_INPUT.
 * @example evaluateTrustPolicy(trustPolicyJson, {
 *   principal: { type: 'Federated', id: 'arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default' },
 *   action: 'sts:AssumeRoleWithWebIdentity',
 *   context: { 'dev-123456.okta.com/oauth2/default:aud': 'toolhive-aws' },
 * }).allowed // true
 */
export function evaluateTrustPolicy(policy: PolicyInput, request: TrustRequest): Evaluation {
  const action = requireAction(request.action);
  const principal = request.principal as Partial<TrustRequest['principal']> | undefined;
  if (
    !principal ||
    !PRINCIPAL_TYPES.has(principal.type ?? '') ||
    typeof principal.id !== 'string' ||
    principal.id === ''
  ) {
    throw new AwsStsError(
      'INVALID_INPUT',
      'request.principal must be {type: "Federated" | "AWS" | "Service", id: non-empty string}',
      { path: 'request.principal' }
    );
  }
  const [parsed] = parseInputs([policy], 'trust', () => 'policy');
  return evaluateParsedPolicies(parsed ? [parsed] : [], {
    action,
    principal: request.principal,
    context: request.context,
  });
}

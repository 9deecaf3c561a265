// The trust policy of a role: the registered OIDC provider may assume it with a web identity
// token whose `aud` (and, when restricted, `sub`) match. It does not register the provider.

import type { PolicyDocument, PolicyStatement } from '../../iam';
import { oneOrMany } from './permissionPolicy';
import type { GeneratorValues, RoleValues } from '../types';

/**
 * The trust policy for `role`. The principal and the condition keys use the provider path
 * exactly as IAM stores it (issuer without `https://`, trailing slash kept), so they agree with
 * the registered provider and the token's `iss`.
 * @example generateTrustPolicy(values, values.roles[0]).Statement[0].Principal
 * // { Federated: 'arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default' }
 */
export function generateTrustPolicy(
  values: Pick<GeneratorValues, 'providerArn' | 'providerPath' | 'audience'>,
  role: Pick<RoleValues, 'restrictSubjects'>
): PolicyDocument & { Statement: PolicyStatement[] } {
  const equals: Record<string, string | string[]> = {
    [`${values.providerPath}:aud`]: values.audience,
  };
  if (role.restrictSubjects.length > 0) {
    equals[`${values.providerPath}:sub`] = oneOrMany(role.restrictSubjects);
  }
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowToolHiveWebIdentity',
        Effect: 'Allow',
        Principal: { Federated: values.providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: equals },
      },
    ],
  };
}

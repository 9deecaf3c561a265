// The trust-policy question STS asks for a web identity: the Federated principal (the provider's
// ARN) and the condition keys a token supplies. It does not evaluate; the IAM evaluator does.

import { requestTimeContext } from '../../iam';
import type { RequestContext, TrustRequest } from '../../iam';
import { oidcProviderHostPath } from '../state';
import type { OidcProviderRecord } from '../state';
import type { WebIdentityClaims } from './webIdentityToken';

/**
 * The request for `evaluateTrustPolicy`: principal `{Federated: <provider ARN>}`, action
 * `sts:AssumeRoleWithWebIdentity`, and the keys `<host/path>:aud`, `:sub`, `:amr`, `:email`
 * (present claims only) plus `aws:CurrentTime`/`aws:EpochTime`.
 * @example webIdentityTrustRequest(provider, claims, 'toolhive-aws', now).context
 * // { 'dev-123456.okta.com/oauth2/default:aud': 'toolhive-aws', '…:sub': 'alice', … }
 */
export function webIdentityTrustRequest(
  provider: OidcProviderRecord,
  claims: WebIdentityClaims,
  audience: string,
  now: Date
): TrustRequest & { context: RequestContext } {
  const prefix = oidcProviderHostPath(provider.url);
  const context: Record<string, string | string[] | number> = {
    ...requestTimeContext(now),
    [`${prefix}:aud`]: audience,
    [`${prefix}:sub`]: claims.sub,
  };
  if (claims.amr !== undefined) context[`${prefix}:amr`] = claims.amr;
  if (claims.email !== undefined) context[`${prefix}:email`] = claims.email;
  return {
    principal: { type: 'Federated', id: provider.arn },
    action: 'sts:AssumeRoleWithWebIdentity',
    context,
  };
}

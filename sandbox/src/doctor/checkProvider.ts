// The `provider` link (`--aws`): the IAM OIDC provider STS looks up for the token's iss, matching
// it character for character (path, trailing slash), in the role's account, with the token's
// aud among its client IDs. It does not look at roles.

import type { AccountFacts } from './accountFacts';
import { parseProviderArn, parseRoleArn } from './arns';
import { quoted } from './format';
import { fail, pass, skip } from './report';
import { hostPath, urlDifference } from './urls';
import type { DoctorCheck } from './types';

/** The fix for a read that IAM refused. */
export const IAM_READ_FIX =
  'run with AWS credentials that may read IAM (AWS_PROFILE=NAME, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY); the AWS managed policy IAMReadOnlyAccess covers every call doctor makes';

export interface ProviderCheckContext {
  facts: AccountFacts | undefined;
  issuer: string | undefined;
  audiences: readonly string[];
  /** The token's role, or any role of the configuration: the account STS looks in. */
  roleArn: string | undefined;
}

/**
 * Judges the provider registration against the token.
 * @example checkProvider({ facts, issuer: iss, audiences: ['toolhive-aws'], roleArn }).status
 */
export function checkProvider(context: ProviderCheckContext): DoctorCheck {
  const { facts, issuer } = context;
  if (facts?.source !== 'iam') {
    return skip(
      'provider',
      'not checked: add --aws to read the IAM OIDC provider with your AWS credentials'
    );
  }
  if (issuer === undefined) return skip('provider', 'not checked: the token has no readable iss');
  if (facts.providerArns === undefined || !facts.providerArns.ok) {
    const error = facts.providerArns?.ok === false ? facts.providerArns.error : 'not read';
    return fail('provider', `ListOpenIDConnectProviders failed: ${error}`, IAM_READ_FIX);
  }
  const role = context.roleArn ? parseRoleArn(context.roleArn) : undefined;
  const audience = context.audiences[0] ?? '<AUDIENCE>';
  const create = `aws iam create-open-id-connect-provider --url ${issuer} --client-id-list ${audience}`;
  const wanted = hostPath(issuer);
  if (facts.provider === undefined || (facts.provider.ok && facts.provider.value === undefined)) {
    const host = wanted.split('/')[0]?.toLowerCase();
    const near = facts.providerArns.value.find(
      (arn) => parseProviderArn(arn)?.hostPath.split('/')[0]?.toLowerCase() === host
    );
    const nearPath = near ? parseProviderArn(near)?.hostPath : undefined;
    const nearText =
      near && nearPath !== undefined
        ? `; the registered ${near} is not it: ${urlDifference(issuer, `${issuer.slice(0, issuer.length - wanted.length)}${nearPath}`) ?? 'it differs'}`
        : facts.providerArns.value.length === 0
          ? '; this account has no OIDC providers'
          : '';
    const cleanup = near
      ? ` (then delete the wrong one if nothing else uses it: aws iam delete-open-id-connect-provider --open-id-connect-provider-arn ${near})`
      : '';
    return fail(
      'provider',
      `no IAM OIDC provider is registered for iss ${issuer}${nearText}: STS answers InvalidIdentityToken "No OpenIDConnect provider found in your account for ${issuer}"`,
      `${create}${cleanup}`
    );
  }
  if (!facts.provider.ok) {
    return fail(
      'provider',
      `GetOpenIDConnectProvider failed: ${facts.provider.error}`,
      IAM_READ_FIX
    );
  }
  const provider = facts.provider.value;
  if (provider === undefined) return skip('provider', 'not checked');
  const providerAccount = parseProviderArn(provider.arn)?.accountId;
  if (role !== undefined && providerAccount !== undefined && providerAccount !== role.accountId) {
    return fail(
      'provider',
      `the provider ${provider.arn} is in account ${providerAccount}, but the role is in account ${role.accountId}: STS looks the provider up in the role's account`,
      `register the provider in account ${role.accountId} (${create}, with that account's credentials), or use roles of account ${providerAccount}`
    );
  }
  const accepted = context.audiences.filter((aud) => provider.clientIds.includes(aud));
  if (accepted.length === 0) {
    return fail(
      'provider',
      `the token's aud ${quoted(context.audiences)} is not among the client IDs ${quoted(provider.clientIds)} of ${provider.arn}: STS answers InvalidIdentityToken "Incorrect token audience"`,
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider.arn} --client-id ${audience}`
    );
  }
  return pass(
    'provider',
    `${provider.arn}: its URL equals iss character for character, and its client IDs ${quoted(provider.clientIds)} include aud "${accepted[0] ?? ''}"`
  );
}

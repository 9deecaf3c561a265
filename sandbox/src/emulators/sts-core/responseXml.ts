// The bodies of successful AssumeRoleWithWebIdentityResult and GetCallerIdentityResult, in the
// element order of AWS's API reference examples. It does not build the envelope (../aws-query) or
// decide anything.

import type { IssuedCredentials, OidcProviderRecord } from '../state';
import { isoSeconds, xmlElement } from '../aws-query';

/** The STS API version the emulator speaks. */
export const STS_VERSION = '2011-06-15';

/** The STS Query namespace of every response and error. */
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * The elements inside `<AssumeRoleWithWebIdentityResult>`. `Provider` is the provider's ARN, as
 * STS returns it for IAM OIDC providers.
 * @example assumeRoleWithWebIdentityResultXml(credentials, provider) // '<SubjectFromWebIdentityToken>…'
 */
export function assumeRoleWithWebIdentityResultXml(
  credentials: IssuedCredentials,
  provider: OidcProviderRecord
): string {
  return `
    ${xmlElement('SubjectFromWebIdentityToken', credentials.subject)}
    ${xmlElement('Audience', credentials.audience)}
    <AssumedRoleUser>
      ${xmlElement('Arn', credentials.assumedRoleArn)}
      ${xmlElement('AssumedRoleId', `${credentials.roleId}:${credentials.sessionName}`)}
    </AssumedRoleUser>
    <Credentials>
      ${xmlElement('SessionToken', credentials.sessionToken)}
      ${xmlElement('SecretAccessKey', credentials.secretAccessKey)}
      ${xmlElement('Expiration', isoSeconds(credentials.expiration))}
      ${xmlElement('AccessKeyId', credentials.accessKeyId)}
    </Credentials>
    ${xmlElement('Provider', provider.arn)}
  `;
}

/**
 * The elements inside `<GetCallerIdentityResult>` for an assumed-role session: the session's ARN,
 * `UserId` `<roleId>:<session>` and the account.
 * @example getCallerIdentityResultXml(credentials, '123456789012') // '<Arn>arn:aws:sts::…'
 */
export function getCallerIdentityResultXml(
  credentials: IssuedCredentials,
  accountId: string
): string {
  return `
    ${xmlElement('Arn', credentials.assumedRoleArn)}
    ${xmlElement('UserId', `${credentials.roleId}:${credentials.sessionName}`)}
    ${xmlElement('Account', accountId)}
  `;
}

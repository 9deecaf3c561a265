// Minting the temporary credentials AssumeRoleWithWebIdentity returns and remembering them in the
// account, so the AWS MCP emulator can check SigV4 signatures made with them. No policy logic.

import type { AccountState, IssuedCredentials, RoleRecord } from '../state';
import { randomBase64, randomString, SECRET_ALPHABET, UPPER_ALPHANUMERIC } from '../aws-query';

export interface CredentialGrant {
  role: RoleRecord;
  sessionName: string;
  durationSeconds: number;
  subject: string;
  issuer: string;
  audience: string;
  now: Date;
}

/**
 * Issues `ASIA…` credentials valid until now + duration for `<RoleName>/<session>` and stores
 * them in the account (`rememberCredentials`).
 * @example issueCredentials(state, { role, sessionName: 'alice', durationSeconds: 900, … }).accessKeyId // 'ASIA…'
 */
export function issueCredentials(state: AccountState, grant: CredentialGrant): IssuedCredentials {
  const { role, sessionName } = grant;
  // Expiration is sent with whole seconds; store the same instant.
  const wholeSeconds = Math.floor(grant.now.getTime() / 1000) * 1000;
  const credentials: IssuedCredentials = {
    accessKeyId: `ASIA${randomString(UPPER_ALPHANUMERIC, 16)}`,
    secretAccessKey: randomString(SECRET_ALPHABET, 40),
    sessionToken: `IQoJb3JpZ2luX2Vj${randomBase64(300)}`,
    expiration: new Date(wholeSeconds + grant.durationSeconds * 1000),
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    assumedRoleArn: `arn:${state.partition}:sts::${state.accountId}:assumed-role/${role.roleName}/${sessionName}`,
    subject: grant.subject,
    issuer: grant.issuer,
    audience: grant.audience,
  };
  state.rememberCredentials(credentials);
  return credentials;
}

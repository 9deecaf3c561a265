// Test fixtures: an account with the tutorial's DefaultMCPRole and S3ReadOnlyMCPRole (and their
// permission policies), and credentials as the STS emulator would issue them. Tests and demos only.
import { AccountState, type IssuedCredentials, type RoleRecord } from '../state';

/** `default-role-permissions.json` from docs/toolhive/tutorials/aws-sts-integration.mdx. */
export const DEFAULT_ROLE_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyOutsideMcp',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:ViaAWSMCPService': 'false' } },
    },
  ],
});

/** `s3-readonly-permissions.json` from the same tutorial. */
export const S3_READONLY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowS3ReadViaAwsMcp',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket', 's3:ListAllMyBuckets'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com' } },
    },
    {
      Sid: 'DenyOutsideMcp',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:ViaAWSMCPService': 'false' } },
    },
  ],
});

/**
 * A fresh account with DefaultMCPRole and S3ReadOnlyMCPRole and their inline policies.
 * @example const state = tutorialAccount();
 */
export function tutorialAccount(): AccountState {
  const state = new AccountState();
  addRole(state, 'DefaultMCPRole', 'AROADEFAULTEXAMPLE01', DEFAULT_ROLE_POLICY);
  addRole(state, 'S3ReadOnlyMCPRole', 'AROAS3READEXAMPLE01', S3_READONLY_POLICY);
  return state;
}

function addRole(state: AccountState, roleName: string, roleId: string, policy: string): void {
  const role: RoleRecord = {
    roleName,
    roleId,
    arn: state.roleArn(roleName),
    path: '/',
    assumeRolePolicyDocument: '{}',
    maxSessionDuration: 3600,
    createDate: new Date('2026-01-01T00:00:00Z'),
    inlinePolicies: new Map([[`${roleName}Permissions`, policy]]),
  };
  state.roles.set(roleName, role);
}

/**
 * Remembers credentials for a role session, as AssumeRoleWithWebIdentity would issue them.
 * @example const creds = issueTestCredentials(state, 'S3ReadOnlyMCPRole', 'alice', new Date(Date.now() + 3600_000));
 */
export function issueTestCredentials(
  state: AccountState,
  roleName: string,
  sessionName: string,
  expiration: Date
): IssuedCredentials {
  const role = state.findRole(roleName);
  if (!role) throw new Error(`no role ${roleName}`);
  const suffix = `${roleName}${sessionName}`
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase()
    .slice(0, 12);
  const credentials: IssuedCredentials = {
    accessKeyId: `ASIA${suffix.padEnd(16, 'X')}`,
    secretAccessKey: `secret-${roleName}-${sessionName}`,
    sessionToken: `token-${roleName}-${sessionName}`,
    expiration,
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    assumedRoleArn: `arn:${state.partition}:sts::${state.accountId}:assumed-role/${role.roleName}/${sessionName}`,
    subject: sessionName,
    issuer: 'https://idp.example.com',
    audience: 'toolhive-aws',
  };
  state.rememberCredentials(credentials);
  return credentials;
}

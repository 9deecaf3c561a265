// Who is calling the emulated AWS MCP Server: the assumed-role session behind the SigV4
// credentials, with the role's permission policies. Plain data; authenticate.ts builds it.
import type { IssuedCredentials, RoleRecord } from '../state';

export interface AwsCaller {
  accountId: string;
  partition: string;
  accessKeyId: string;
  /** `arn:aws:sts::<account>:assumed-role/<RoleName>/<session>` */
  assumedRoleArn: string;
  /** `arn:aws:iam::<account>:role/<RoleName>`, the value of `aws:PrincipalArn`. */
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** `<roleId>:<session>`, GetCallerIdentity's `UserId` and `aws:userid`. */
  userId: string;
  /** The role's inline permission policies (JSON text); empty when the role is gone. */
  policies: string[];
}

/**
 * The caller for credentials the STS emulator issued, reading the role's current policies.
 * @example callerFor(creds, state.findRoleByArn(creds.roleArn), state.accountId, state.partition)
 */
export function callerFor(
  credentials: IssuedCredentials,
  role: RoleRecord | undefined,
  accountId: string,
  partition: string
): AwsCaller {
  return {
    accountId,
    partition,
    accessKeyId: credentials.accessKeyId,
    assumedRoleArn: credentials.assumedRoleArn,
    roleArn: credentials.roleArn,
    roleName: credentials.roleName,
    roleId: credentials.roleId,
    sessionName: credentials.sessionName,
    userId: `${credentials.roleId}:${credentials.sessionName}`,
    policies: role ? [...role.inlinePolicies.values()] : [],
  };
}

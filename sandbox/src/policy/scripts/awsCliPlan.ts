// Which AWS CLI calls set up and tear down the AWS side, in order: the OIDC provider, then each
// role with its trust and permission policy (fallback first); cleanup in reverse. It writes no bash.

import type { AwsCliCommand } from './awsCli';
import { FILE_PATHS } from '../names';
import type { GeneratorValues, RoleValues } from '../types';

/** IAM's default `MaxSessionDuration` of a new role, in seconds. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** The calls about the OIDC provider. */
export interface ProviderPlan {
  arn: string;
  /** Succeeds when the provider exists. */
  get: AwsCliCommand;
  create: AwsCliCommand;
  /** Adds the audience to an existing provider (a no-op when it is already there). */
  addClientId: AwsCliCommand;
  delete: AwsCliCommand;
}

/** The calls about one role; file names are relative to the `aws/` directory. */
export interface RolePlan {
  role: RoleValues;
  trustPolicyFile: string;
  permissionPolicyFile: string;
  /** Succeeds when the role exists. */
  get: AwsCliCommand;
  create: AwsCliCommand;
  /** Brings an existing role's trust policy up to date. */
  updateTrustPolicy: AwsCliCommand;
  /** Raises an existing role's maximum session duration; only when sessionDuration needs it. */
  updateMaxSessionDuration?: AwsCliCommand;
  putPolicy: AwsCliCommand;
  deletePolicy: AwsCliCommand;
  delete: AwsCliCommand;
}

export interface AwsCliPlan {
  provider: ProviderPlan;
  /** The fallback role first, then the mapped roles in input order. */
  roles: RolePlan[];
}

const inAwsDir = (path: string): string => path.replace(/^aws\//, '');

/**
 * Every call of setup and cleanup, as data.
 * @example planAwsCli(values).roles[0].create.operation // 'create-role'
 */
export function planAwsCli(values: GeneratorValues): AwsCliPlan {
  const providerArn = { flag: '--open-id-connect-provider-arn', value: values.providerArn };
  const provider: ProviderPlan = {
    arn: values.providerArn,
    get: { operation: 'get-open-id-connect-provider', args: [providerArn] },
    create: {
      operation: 'create-open-id-connect-provider',
      args: [
        { flag: '--url', value: values.issuer },
        { flag: '--client-id-list', values: [values.audience] },
      ],
    },
    addClientId: {
      operation: 'add-client-id-to-open-id-connect-provider',
      args: [providerArn, { flag: '--client-id', value: values.audience }],
    },
    delete: { operation: 'delete-open-id-connect-provider', args: [providerArn] },
  };
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  return { provider, roles: roles.map((role) => planRole(role, values.sessionDuration)) };
}

function planRole(role: RoleValues, sessionDuration: number): RolePlan {
  const trustPolicyFile = inAwsDir(FILE_PATHS.trustPolicy(role.name));
  const permissionPolicyFile = inAwsDir(FILE_PATHS.permissionPolicy(role.name));
  const roleName = { flag: '--role-name', value: role.name };
  const policyName = { flag: '--policy-name', value: role.policyName };
  // STS refuses DurationSeconds above the role's MaxSessionDuration (default one hour).
  const needsLongerSessions = sessionDuration > DEFAULT_MAX_SESSION_DURATION;
  const maxSession = { flag: '--max-session-duration', value: String(sessionDuration) };
  const plan: RolePlan = {
    role,
    trustPolicyFile,
    permissionPolicyFile,
    get: { operation: 'get-role', args: [roleName] },
    create: {
      operation: 'create-role',
      args: [
        roleName,
        { flag: '--assume-role-policy-document', file: trustPolicyFile },
        ...(needsLongerSessions ? [maxSession] : []),
      ],
    },
    updateTrustPolicy: {
      operation: 'update-assume-role-policy',
      args: [roleName, { flag: '--policy-document', file: trustPolicyFile }],
    },
    putPolicy: {
      operation: 'put-role-policy',
      args: [roleName, policyName, { flag: '--policy-document', file: permissionPolicyFile }],
    },
    deletePolicy: { operation: 'delete-role-policy', args: [roleName, policyName] },
    delete: { operation: 'delete-role', args: [roleName] },
  };
  if (needsLongerSessions) {
    plan.updateMaxSessionDuration = { operation: 'update-role', args: [roleName, maxSession] };
  }
  return plan;
}

/**
 * The setup calls as the tutorial shows them (no existence checks): create the provider, then
 * create each role and put its permission policy.
 * @example setupCommands(values).map((c) => c.operation) // ['create-open-id-connect-provider', 'create-role', 'put-role-policy', …]
 */
export function setupCommands(values: GeneratorValues): AwsCliCommand[] {
  const plan = planAwsCli(values);
  return [plan.provider.create, ...plan.roles.flatMap((role) => [role.create, role.putPolicy])];
}

/**
 * The cleanup calls, in reverse order of setup: for each role (last first) its inline policy,
 * then the role; finally the provider.
 * @example cleanupCommands(values).at(-1)?.operation // 'delete-open-id-connect-provider'
 */
export function cleanupCommands(values: GeneratorValues): AwsCliCommand[] {
  const plan = planAwsCli(values);
  return [
    ...[...plan.roles].reverse().flatMap((role) => [role.deletePolicy, role.delete]),
    plan.provider.delete,
  ];
}

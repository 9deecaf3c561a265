// The emulated account's setup as the policy generator writes it: the IAM files, the tutorial's
// `aws iam` calls and the awsSts configuration, for the local issuer. It sends no requests.

import { awsStsConfigFor, localizeIssuer } from '../account';
import type { AwsStsConfig } from '../config';
import { describePermissions, generateFiles, setupCommands } from '../policy';
import type { ArtifactFiles, AwsCliCommand, GeneratorValues, RoleValues } from '../policy';

/** Where the replica's configuration came from. */
export type SetupSource = 'tutorial' | 'config';

/** One role of the emulated account, as the banner describes it. */
export interface ReplicaRole {
  name: string;
  arn: string;
  fallback: boolean;
  /** e.g. `preset s3-read-only: read access to S3 objects and bucket lists, …` */
  permissions: string;
  /** Subjects the trust policy allows; empty means any subject with the right audience. */
  restrictSubjects: string[];
}

/** Everything the replica registers through IAM and runs the proxy with. */
export interface AccountSetup {
  source: SetupSource;
  /** The generator's values with the local issuer substituted. */
  values: GeneratorValues;
  /** The generator's files (`aws/trust-policy-<role>.json`, …) for the local issuer. */
  files: ArtifactFiles;
  /** The tutorial's `aws iam` setup calls, in order (provider, then each role and its policy). */
  commands: AwsCliCommand[];
  /** The awsSts configuration the proxy runs with. */
  config: AwsStsConfig;
  roles: ReplicaRole[];
}

/**
 * The account setup for checked generator values and the local issuer. `config` is the proxy's
 * configuration when it comes from a user's file; otherwise the generator's awsSts spec is used.
 * @example accountSetupFor(values, 'http://127.0.0.1:4101', 'tutorial').commands[0]?.operation // 'create-open-id-connect-provider'
 */
export function accountSetupFor(
  checked: GeneratorValues,
  issuer: string,
  source: SetupSource,
  config?: AwsStsConfig
): AccountSetup {
  const values = localizeIssuer(checked, issuer);
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  return {
    source,
    values,
    files: generateFiles(values),
    commands: setupCommands(values),
    config: config ?? awsStsConfigFor(values),
    roles: roles.map(describeRole),
  };
}

function describeRole(role: RoleValues): ReplicaRole {
  return {
    name: role.name,
    arn: role.arn,
    fallback: role.fallback,
    permissions: describePermissions(role.permissions),
    restrictSubjects: [...role.restrictSubjects],
  };
}

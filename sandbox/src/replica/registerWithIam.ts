// Registers the OIDC provider and the roles through the IAM emulator with @aws-sdk/client-iam:
// the same calls, in the same order, as the tutorial's `aws iam` commands. It builds no policies.

import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AwsStsError } from '../errors';
import { formatAwsCliCommand } from '../policy';
import type { ArtifactFiles, AwsCliArg, AwsCliCommand } from '../policy';
import type { AccountSetup } from './accountSetup';
import { rolePathOf } from './configSetup';

/** The IAM emulator requires a signature but checks none; these sign the calls. */
export const DUMMY_CREDENTIALS = {
  accessKeyId: 'AKIASANDBOXEXAMPLE',
  secretAccessKey: 'sandbox-secret-not-checked',
} as const;

/**
 * Runs the setup calls of `side` against the IAM endpoint at `iamUrl`; the first refusal is an
 * INVALID_CONFIG error naming the `aws iam` command and IAM's message.
 * @example await registerWithIam(side, 'http://127.0.0.1:4103/')
 */
export async function registerWithIam(side: AccountSetup, iamUrl: string): Promise<void> {
  const client = new IAMClient({
    region: side.values.region,
    endpoint: iamUrl,
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    for (const command of side.commands) {
      try {
        await sendCommand(client, command, side);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new AwsStsError(
          'INVALID_CONFIG',
          `the IAM emulator refused "${formatAwsCliCommand(command, { multiline: false })}": ${message}`,
          { cause: error }
        );
      }
    }
  } finally {
    client.destroy();
  }
}

async function sendCommand(client: IAMClient, command: AwsCliCommand, side: AccountSetup) {
  const args = command.args;
  switch (command.operation) {
    case 'create-open-id-connect-provider':
      return client.send(
        new CreateOpenIDConnectProviderCommand({
          Url: value(args, '--url'),
          ClientIDList: list(args, '--client-id-list'),
        })
      );
    case 'create-role': {
      const roleName = value(args, '--role-name');
      const role = side.roles.find((candidate) => candidate.name === roleName);
      const maxSession = optionalValue(args, '--max-session-duration');
      const path = role ? rolePathOf(role.arn) : '/';
      return client.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: file(args, '--assume-role-policy-document', side.files),
          ...(path !== '/' ? { Path: path } : {}),
          ...(maxSession !== undefined ? { MaxSessionDuration: Number(maxSession) } : {}),
        })
      );
    }
    case 'put-role-policy':
      return client.send(
        new PutRolePolicyCommand({
          RoleName: value(args, '--role-name'),
          PolicyName: value(args, '--policy-name'),
          PolicyDocument: file(args, '--policy-document', side.files),
        })
      );
    default:
      throw new AwsStsError('INTERNAL', `no SDK call for aws iam ${command.operation}`);
  }
}

function find(args: AwsCliArg[], flag: string): AwsCliArg | undefined {
  return args.find((arg) => arg.flag === flag);
}

function optionalValue(args: AwsCliArg[], flag: string): string | undefined {
  const arg = find(args, flag);
  return arg !== undefined && 'value' in arg ? arg.value : undefined;
}

function value(args: AwsCliArg[], flag: string): string {
  const found = optionalValue(args, flag);
  if (found === undefined) throw new AwsStsError('INTERNAL', `the setup call lacks ${flag}`);
  return found;
}

function list(args: AwsCliArg[], flag: string): string[] {
  const arg = find(args, flag);
  if (arg === undefined || !('values' in arg)) {
    throw new AwsStsError('INTERNAL', `the setup call lacks ${flag}`);
  }
  return arg.values;
}

/** A `file://` argument's contents: plan file names are relative to the generator's `aws/`. */
function file(args: AwsCliArg[], flag: string, files: ArtifactFiles): string {
  const arg = find(args, flag);
  const name = arg !== undefined && 'file' in arg ? arg.file : undefined;
  const text = name === undefined ? undefined : (files[`aws/${name}`] ?? files[name]);
  if (text === undefined) {
    throw new AwsStsError('INTERNAL', `the setup call's ${flag} names no generated file`);
  }
  return text;
}

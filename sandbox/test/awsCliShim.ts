// Test support: a stand-in for the `aws` command (AWS CLI v2) that implements exactly the
// `aws iam …` subcommands and flags the generated scripts use, by calling @aws-sdk/client-iam.
// It never calls real AWS: an endpoint (--endpoint-url, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL)
// is required. Run as `node --import tsx sandbox/test/awsCliShim.ts iam <operation> [flags]`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  IAMClient,
  IAMServiceException,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';

/** The AWS CLI's exit statuses: 252 bad command line, 254 the service refused, 255 other. */
const EXIT_USAGE = 252;
const EXIT_SERVICE = 254;
const EXIT_OTHER = 255;

type FlagKind = 'string' | 'list' | 'int' | 'file';
type Args = Record<string, string | string[] | number>;

interface Operation {
  /** The API name, for error messages (`GetRole`). */
  api: string;
  flags: Record<string, FlagKind>;
  required: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table for many command types
  send(client: IAMClient, args: Args): Promise<any>;
}

const str = (args: Args, flag: string): string => args[flag] as string;
const optInt = (args: Args, flag: string): number | undefined => args[flag] as number | undefined;

/** Exactly the subcommands the generated setup.sh and cleanup.sh call. */
export const OPERATIONS: Record<string, Operation> = {
  'create-open-id-connect-provider': {
    api: 'CreateOpenIDConnectProvider',
    flags: { '--url': 'string', '--client-id-list': 'list' },
    required: ['--url'],
    send: (c, a) =>
      c.send(
        new CreateOpenIDConnectProviderCommand({
          Url: str(a, '--url'),
          ClientIDList: a['--client-id-list'] as string[] | undefined,
        })
      ),
  },
  'get-open-id-connect-provider': {
    api: 'GetOpenIDConnectProvider',
    flags: { '--open-id-connect-provider-arn': 'string' },
    required: ['--open-id-connect-provider-arn'],
    send: (c, a) =>
      c.send(
        new GetOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: str(a, '--open-id-connect-provider-arn'),
        })
      ),
  },
  'add-client-id-to-open-id-connect-provider': {
    api: 'AddClientIDToOpenIDConnectProvider',
    flags: { '--open-id-connect-provider-arn': 'string', '--client-id': 'string' },
    required: ['--open-id-connect-provider-arn', '--client-id'],
    send: (c, a) =>
      c.send(
        new AddClientIDToOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: str(a, '--open-id-connect-provider-arn'),
          ClientID: str(a, '--client-id'),
        })
      ),
  },
  'delete-open-id-connect-provider': {
    api: 'DeleteOpenIDConnectProvider',
    flags: { '--open-id-connect-provider-arn': 'string' },
    required: ['--open-id-connect-provider-arn'],
    send: (c, a) =>
      c.send(
        new DeleteOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: str(a, '--open-id-connect-provider-arn'),
        })
      ),
  },
  'create-role': {
    api: 'CreateRole',
    flags: {
      '--role-name': 'string',
      '--assume-role-policy-document': 'file',
      '--max-session-duration': 'int',
    },
    required: ['--role-name', '--assume-role-policy-document'],
    send: (c, a) =>
      c.send(
        new CreateRoleCommand({
          RoleName: str(a, '--role-name'),
          AssumeRolePolicyDocument: str(a, '--assume-role-policy-document'),
          MaxSessionDuration: optInt(a, '--max-session-duration'),
        })
      ),
  },
  'get-role': {
    api: 'GetRole',
    flags: { '--role-name': 'string' },
    required: ['--role-name'],
    send: (c, a) => c.send(new GetRoleCommand({ RoleName: str(a, '--role-name') })),
  },
  'update-assume-role-policy': {
    api: 'UpdateAssumeRolePolicy',
    flags: { '--role-name': 'string', '--policy-document': 'file' },
    required: ['--role-name', '--policy-document'],
    send: (c, a) =>
      c.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: str(a, '--role-name'),
          PolicyDocument: str(a, '--policy-document'),
        })
      ),
  },
  'update-role': {
    api: 'UpdateRole',
    flags: { '--role-name': 'string', '--max-session-duration': 'int' },
    required: ['--role-name'],
    send: (c, a) =>
      c.send(
        new UpdateRoleCommand({
          RoleName: str(a, '--role-name'),
          MaxSessionDuration: optInt(a, '--max-session-duration'),
        })
      ),
  },
  'put-role-policy': {
    api: 'PutRolePolicy',
    flags: { '--role-name': 'string', '--policy-name': 'string', '--policy-document': 'file' },
    required: ['--role-name', '--policy-name', '--policy-document'],
    send: (c, a) =>
      c.send(
        new PutRolePolicyCommand({
          RoleName: str(a, '--role-name'),
          PolicyName: str(a, '--policy-name'),
          PolicyDocument: str(a, '--policy-document'),
        })
      ),
  },
  'delete-role-policy': {
    api: 'DeleteRolePolicy',
    flags: { '--role-name': 'string', '--policy-name': 'string' },
    required: ['--role-name', '--policy-name'],
    send: (c, a) =>
      c.send(
        new DeleteRolePolicyCommand({
          RoleName: str(a, '--role-name'),
          PolicyName: str(a, '--policy-name'),
        })
      ),
  },
  'delete-role': {
    api: 'DeleteRole',
    flags: { '--role-name': 'string' },
    required: ['--role-name'],
    send: (c, a) => c.send(new DeleteRoleCommand({ RoleName: str(a, '--role-name') })),
  },
};

/** Global options the shim accepts anywhere on the command line, as the AWS CLI does. */
const GLOBAL_FLAGS = ['--endpoint-url', '--region', '--output'] as const;

class UsageError extends Error {}
/** The CLI prints parameter-file problems without the `aws: error:` prefix. */
class ParamFileError extends UsageError {}

interface Invocation {
  operation: Operation;
  args: Args;
  global: Partial<Record<(typeof GLOBAL_FLAGS)[number], string>>;
}

/**
 * Parses `iam <operation> [flags]` the way the AWS CLI does for these flags: `file://` values
 * read relative to the working directory, lists as the words up to the next flag.
 * @example parseInvocation(['iam', 'get-role', '--role-name', 'R'])
 */
export function parseInvocation(argv: string[]): Invocation {
  const [service, name, ...rest] = argv;
  if (service !== 'iam')
    throw new UsageError(`the test shim implements only "aws iam", not "${service ?? ''}"`);
  const operation = name === undefined ? undefined : OPERATIONS[name];
  if (operation === undefined) {
    throw new UsageError(
      `the test shim does not implement "aws iam ${name ?? ''}" (known: ${Object.keys(OPERATIONS).join(', ')})`
    );
  }
  const args: Args = {};
  const global: Invocation['global'] = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? '';
    if (flag === '--no-cli-pager') continue;
    const values: string[] = [];
    while (i + 1 < rest.length && !(rest[i + 1] ?? '').startsWith('--'))
      values.push(rest[++i] ?? '');
    if ((GLOBAL_FLAGS as readonly string[]).includes(flag)) {
      if (values.length !== 1) throw new UsageError(`argument ${flag}: expected one argument`);
      global[flag as (typeof GLOBAL_FLAGS)[number]] = values[0];
      continue;
    }
    const kind = operation.flags[flag];
    if (kind === undefined) throw new UsageError(`Unknown options: ${flag}`);
    if (kind === 'list') {
      if (values.length === 0)
        throw new UsageError(`argument ${flag}: expected at least one argument`);
      args[flag] = values;
      continue;
    }
    if (values.length !== 1) throw new UsageError(`argument ${flag}: expected one argument`);
    const value = values[0] ?? '';
    if (kind === 'int') {
      if (!/^\d+$/.test(value))
        throw new UsageError(`argument ${flag}: invalid int value: '${value}'`);
      args[flag] = Number(value);
    } else args[flag] = kind === 'file' ? readParamFile(flag, value) : value;
  }
  const missing = operation.required.filter((flag) => args[flag] === undefined);
  if (missing.length > 0)
    throw new UsageError(`the following arguments are required: ${missing.join(', ')}`);
  if (global['--output'] !== undefined && global['--output'] !== 'json') {
    throw new UsageError('the test shim only prints --output json');
  }
  return { operation, args, global };
}

/** `file://path` → the file's text; anything else is the literal value (as the CLI allows). */
function readParamFile(flag: string, value: string): string {
  if (!value.startsWith('file://')) return value;
  const path = value.slice('file://'.length);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ParamFileError(
      `Error parsing parameter '${flag}': Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${path}'`
    );
  }
}

/** The CLI's JSON output: no metadata, dates as ISO text, policy documents decoded. */
function toCliOutput(response: Record<string, unknown>): string {
  const { $metadata: _metadata, ...rest } = response;
  if (Object.keys(rest).length === 0) return '';
  const text = JSON.stringify(
    rest,
    (key, value: unknown) =>
      (key === 'AssumeRolePolicyDocument' || key === 'PolicyDocument') && typeof value === 'string'
        ? (JSON.parse(decodeURIComponent(value)) as unknown)
        : value,
    4
  );
  return `${text}\n`;
}

async function main(argv: string[]): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    const prefix = error instanceof ParamFileError ? '' : 'aws: error: ';
    process.stderr.write(`\n${prefix}${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const endpoint =
    invocation.global['--endpoint-url'] ??
    process.env.AWS_ENDPOINT_URL_IAM ??
    process.env.AWS_ENDPOINT_URL;
  if (!endpoint) {
    process.stderr.write(
      '\naws: error: the test shim never calls real AWS: give --endpoint-url or set AWS_ENDPOINT_URL_IAM\n'
    );
    return EXIT_OTHER;
  }
  const client = new IAMClient({
    endpoint,
    region:
      invocation.global['--region'] ??
      process.env.AWS_REGION ??
      process.env.AWS_DEFAULT_REGION ??
      'us-east-1',
    maxAttempts: 1,
  });
  try {
    const response = (await invocation.operation.send(client, invocation.args)) as Record<
      string,
      unknown
    >;
    process.stdout.write(toCliOutput(response));
    return 0;
  } catch (error) {
    if (error instanceof IAMServiceException) {
      const code = wireCode(error);
      process.stderr.write(
        `\nAn error occurred (${code}) when calling the ${invocation.operation.api} operation: ${error.message}\n`
      );
      return EXIT_SERVICE;
    }
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_OTHER;
  } finally {
    client.destroy();
  }
}

/** The error code as sent on the wire (`NoSuchEntity`), which is what the CLI prints. */
function wireCode(error: IAMServiceException): string {
  const withCode = error as IAMServiceException & { Code?: string; Error?: { Code?: string } };
  return withCode.Error?.Code ?? withCode.Code ?? error.name.replace(/Exception$/, '');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}

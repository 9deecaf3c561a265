// Parses the `cli_command` of `aws___call_aws` (`aws s3api list-objects-v2 --bucket b`) into one
// API call, for a documented subset of read commands. Pure: it neither authorizes nor runs.
import type { AwsCall } from './operations';

export type CliDisplay = 'json' | 's3-ls';

export type CliParse =
  | { ok: true; call: AwsCall; display: CliDisplay; region?: string }
  | { ok: false; message: string };

/** The commands `aws___call_aws` understands, as its description and errors list them. */
export const SUPPORTED_CLI_COMMANDS: readonly string[] = [
  'aws sts get-caller-identity',
  'aws s3api list-buckets',
  'aws s3api list-objects-v2 --bucket <name> [--prefix <p>] [--delimiter <d>] [--max-keys <n>] [--start-after <key>] [--continuation-token <t>]',
  'aws s3api get-object --bucket <name> --key <key> [<outfile>]',
  'aws s3 ls [s3://<bucket>[/<prefix>]] [--recursive]',
];

interface OptionSpec {
  param: string;
  integer?: boolean;
}

interface CommandSpec {
  service: string;
  operation: string;
  options: Record<string, OptionSpec>;
  required: string[];
  /** How many positional arguments after the command are allowed (get-object's outfile). */
  positionals: number;
}

const COMMANDS: Record<string, CommandSpec> = {
  'sts get-caller-identity': {
    service: 'sts',
    operation: 'GetCallerIdentity',
    options: {},
    required: [],
    positionals: 0,
  },
  's3api list-buckets': {
    service: 's3',
    operation: 'ListBuckets',
    options: {},
    required: [],
    positionals: 0,
  },
  's3api list-objects-v2': {
    service: 's3',
    operation: 'ListObjectsV2',
    options: {
      '--bucket': { param: 'Bucket' },
      '--prefix': { param: 'Prefix' },
      '--delimiter': { param: 'Delimiter' },
      '--max-keys': { param: 'MaxKeys', integer: true },
      '--start-after': { param: 'StartAfter' },
      '--continuation-token': { param: 'ContinuationToken' },
    },
    required: ['--bucket'],
    positionals: 0,
  },
  's3api get-object': {
    service: 's3',
    operation: 'GetObject',
    options: { '--bucket': { param: 'Bucket' }, '--key': { param: 'Key' } },
    required: ['--bucket', '--key'],
    positionals: 1,
  },
};

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const IGNORED_FLAGS = new Set(['--no-cli-pager', '--no-paginate', '--no-cli-auto-prompt']);

/**
 * Parses an AWS CLI command line into one API call, or explains what is not supported.
 * @example parseCliCommand('aws s3api list-objects-v2 --bucket example-bucket')
 * // { ok: true, call: { service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'example-bucket' } }, display: 'json' }
 */
export function parseCliCommand(commandLine: string): CliParse {
  const tokenized = tokenizeCommand(commandLine);
  if (!tokenized.ok) return tokenized;
  const [program, ...args] = tokenized.tokens;
  if (program !== 'aws') return unsupported('Commands must start with "aws".');

  const globals = extractGlobals(args);
  if (!globals.ok) return globals;
  const { rest, region } = globals;
  const [service, command, ...tail] = rest;
  if (service === 's3' && command === 'ls') return parseS3Ls(tail, region);
  const spec = COMMANDS[`${service ?? ''} ${command ?? ''}`];
  if (!spec) {
    return unsupported(`"aws ${[service, command].filter(Boolean).join(' ')}" is not supported.`);
  }
  const params: Record<string, unknown> = {};
  const positionals: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tail.length; i++) {
    const token = tail[i] ?? '';
    if (!token.startsWith('--')) {
      positionals.push(token);
      continue;
    }
    const [name = '', inline] = splitOption(token);
    const option = spec.options[name];
    if (!option) {
      unknown.push(name);
      continue;
    }
    const value = inline ?? tail[++i];
    if (value === undefined)
      return { ok: false, message: `aws: error: argument ${name}: expected one argument` };
    if (option.integer) {
      if (!/^\d+$/.test(value)) {
        return {
          ok: false,
          message: `aws: error: argument ${name}: invalid int value: '${value}'`,
        };
      }
      params[option.param] = Number(value);
    } else {
      params[option.param] = value;
    }
    seen.add(name);
  }
  if (unknown.length > 0) return { ok: false, message: `Unknown options: ${unknown.join(', ')}` };
  if (positionals.length > spec.positionals) {
    return {
      ok: false,
      message: `Unknown options: ${positionals.slice(spec.positionals).join(', ')}`,
    };
  }
  const missing = spec.required.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `aws: error: the following arguments are required: ${missing.join(', ')}`,
    };
  }
  return {
    ok: true,
    call: { service: spec.service, operation: spec.operation, params },
    display: 'json',
    ...(region ? { region } : {}),
  };
}

function parseS3Ls(tail: string[], region: string | undefined): CliParse {
  const recursive = tail.includes('--recursive');
  const positionals = tail.filter((t) => t !== '--recursive');
  const unknown = positionals.filter((t) => t.startsWith('--'));
  if (unknown.length > 0) return { ok: false, message: `Unknown options: ${unknown.join(', ')}` };
  if (positionals.length > 1)
    return { ok: false, message: `Unknown options: ${positionals.slice(1).join(', ')}` };
  const where = region ? { region } : {};
  const target = positionals[0];
  if (target === undefined) {
    return {
      ok: true,
      call: { service: 's3', operation: 'ListBuckets', params: {} },
      display: 's3-ls',
      ...where,
    };
  }
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(target);
  if (!match?.[1])
    return { ok: false, message: `Invalid S3 path "${target}": use s3://<bucket>[/<prefix>].` };
  const params: Record<string, unknown> = { Bucket: match[1], Prefix: match[2] ?? '' };
  if (!recursive) params.Delimiter = '/';
  return {
    ok: true,
    call: { service: 's3', operation: 'ListObjectsV2', params },
    display: 's3-ls',
    ...where,
  };
}

function extractGlobals(
  args: string[]
): { ok: true; rest: string[]; region?: string } | { ok: false; message: string } {
  const rest: string[] = [];
  let region: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const token = args[i] ?? '';
    const [name, inline] = splitOption(token);
    if (IGNORED_FLAGS.has(token)) continue;
    if (name === '--region' || name === '--output') {
      const value = inline ?? args[++i];
      if (value === undefined)
        return { ok: false, message: `aws: error: argument ${name}: expected one argument` };
      if (name === '--region') {
        if (!REGION.test(value)) return { ok: false, message: `Invalid region "${value}".` };
        region = value;
      } else if (value !== 'json') {
        return {
          ok: false,
          message: `--output ${value} is not supported here; the emulator prints JSON.`,
        };
      }
      continue;
    }
    if (name === '--profile' || name === '--endpoint-url' || name === '--query') {
      return {
        ok: false,
        message: `${name} is not supported: the server calls AWS with the credentials of the signed request, and answers in full.`,
      };
    }
    rest.push(token);
  }
  return { ok: true, rest, ...(region ? { region } : {}) };
}

function splitOption(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  return token.startsWith('--') && eq > 0
    ? [token.slice(0, eq), token.slice(eq + 1)]
    : [token, undefined];
}

function unsupported(reason: string): CliParse {
  return {
    ok: false,
    message: `${reason} The emulated AWS MCP Server supports only: ${SUPPORTED_CLI_COMMANDS.join('; ')}.`,
  };
}

/**
 * Splits a command line as a POSIX shell would (quotes, backslashes), refusing shell operators
 * (`|`, `;`, `&`, redirections, substitutions) that the tool does not run.
 * @example tokenizeCommand(`aws s3 ls "s3://my bucket/"`) // { ok: true, tokens: ['aws', 's3', 'ls', 's3://my bucket/'] }
 */
export function tokenizeCommand(
  line: string
): { ok: true; tokens: string[] } | { ok: false; message: string } {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && '"\\$`'.includes(line.charAt(i + 1))) current += line.charAt(++i);
      else if (ch === '`' || (ch === '$' && line.charAt(i + 1) === '(')) return shellOperator(ch);
      else current += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      continue;
    }
    inToken = true;
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') current += line.charAt(++i);
    else if ('|;&<>`'.includes(ch) || (ch === '$' && line.charAt(i + 1) === '('))
      return shellOperator(ch);
    else current += ch;
  }
  if (quote) return { ok: false, message: `Unterminated ${quote} quote in the command.` };
  if (inToken) tokens.push(current);
  return { ok: true, tokens };
}

function shellOperator(ch: string): { ok: false; message: string } {
  return {
    ok: false,
    message: `Shell syntax "${ch}" is not supported: pass a single aws command without pipes, redirections or substitutions.`,
  };
}

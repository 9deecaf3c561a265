// AWS CLI commands as data, and how to write them for bash: quoting, `file://` arguments and the
// tutorial's one-flag-per-line layout. It does not decide which commands to run (awsCliPlan.ts).

/** One flag of a command: a literal value, a list of values, or a file passed as `file://`. */
export type AwsCliArg =
  | { flag: string; value: string }
  | { flag: string; values: string[] }
  | { flag: string; file: string };

/** An `aws iam <operation>` call. */
export interface AwsCliCommand {
  operation: string;
  args: AwsCliArg[];
}

/** Options of `formatAwsCliCommand`. */
export interface FormatOptions {
  /** Put each flag on its own line with `\` continuations (default true). */
  multiline?: boolean;
  /** Extra indentation of every line (for commands inside `if` blocks). */
  indent?: string;
  /** How a file argument is named; default: the file name as given. */
  fileName?: (file: string) => string;
}

/** Characters that never need quoting in bash words. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes a word for bash when it needs it (single quotes, `'\''` for a quote inside).
 * @example shellQuote('toolhive-aws') // 'toolhive-aws'
 * @example shellQuote("it's") // "'it'\\''s'"
 */
export function shellQuote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The words after `aws`, unquoted: `['iam', 'create-role', '--role-name', 'R', …]`.
 * @example awsCliWords({ operation: 'delete-role', args: [{ flag: '--role-name', value: 'R' }] })
 * // ['iam', 'delete-role', '--role-name', 'R']
 */
export function awsCliWords(command: AwsCliCommand, fileName = (file: string) => file): string[] {
  return ['iam', command.operation, ...command.args.flatMap((arg) => argWords(arg, fileName))];
}

function argWords(arg: AwsCliArg, fileName: (file: string) => string): string[] {
  if ('file' in arg) return [arg.flag, `file://${fileName(arg.file)}`];
  if ('values' in arg) return [arg.flag, ...arg.values];
  return [arg.flag, arg.value];
}

/**
 * The command as bash text, e.g. the tutorial's
 * `aws iam create-role \` / `  --role-name DefaultMCPRole \` / `  --assume-role-policy-document file://trust-policy.json`.
 * @example formatAwsCliCommand(command, { multiline: false }) // 'aws iam delete-role --role-name R'
 */
export function formatAwsCliCommand(command: AwsCliCommand, options: FormatOptions = {}): string {
  const { multiline = true, indent = '', fileName = (file: string) => file } = options;
  const head = `${indent}aws iam ${command.operation}`;
  const flags = command.args.map((arg) => argWords(arg, fileName).map(shellQuote).join(' '));
  if (!multiline) return [head, ...flags].join(' ');
  return [head, ...flags.map((flag) => `${indent}  ${flag}`)].join(' \\\n');
}

// Strict flag parsing for commands (`node:util` parseArgs), with one-line INVALID_INPUT errors
// instead of Node's multi-line messages. It does not know any command's flags.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AwsStsError } from '../errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` against `options`; unknown flags, missing values and positionals are errors.
 * @example parseFlags('validate', ['--config', 'a.yaml'], { config: { type: 'string' } }).config
 */
export function parseFlags<const T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new AwsStsError(
      'INVALID_INPUT',
      `${flagProblem(error)}; run "${command} --help" for usage`
    );
  }
}

/**
 * A required string flag, or INVALID_INPUT naming it.
 * @example requireFlag('validate', 'config', flags.config)
 */
export function requireFlag(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new AwsStsError(
      'INVALID_INPUT',
      `--${name} is required; run "${command} --help" for usage`
    );
  }
  return value;
}

function flagProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${flag}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? `${flag} does not take a value`
        : `${flag} needs a value (write ${flag}=VALUE if the value starts with -)`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

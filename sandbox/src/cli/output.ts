// How the CLI prints results and errors: JSON on stdout with --json, one line on stderr
// otherwise; never a stack trace. It does not decide exit statuses beyond the error's code.

import { AwsStsError, type ErrorCode } from '../errors';
import { EXIT_FAILURE, EXIT_USAGE, type CliIo } from './types';

/**
 * Prints a value as indented JSON.
 * @example printJson(io, { valid: true })
 */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2));
}

/**
 * The `{code, message, path?}` of any error; anything unexpected becomes code INTERNAL, one line.
 * @example errorBody(new AwsStsError('INVALID_INPUT', 'x')) // { code: 'INVALID_INPUT', message: 'x' }
 */
export function errorBody(error: unknown): {
  code: ErrorCode;
  message: string;
  path?: string;
} {
  if (error instanceof AwsStsError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `unexpected error: ${message.split('\n')[0] ?? ''}` };
}

/**
 * Prints an error (JSON `{"error": {...}, ...extra}` or `error: …` on stderr) and returns the
 * exit status: 2 for INVALID_INPUT, 1 otherwise.
 * @example return reportError(io, error, flags.json === true)
 */
export function reportError(
  io: CliIo,
  error: unknown,
  json: boolean,
  extra: Record<string, unknown> = {}
): number {
  const body = errorBody(error);
  if (json) printJson(io, { error: body, ...extra });
  else io.stderr(`error: ${body.path ? `${body.path}: ` : ''}${body.message}`);
  return body.code === 'INVALID_INPUT' ? EXIT_USAGE : EXIT_FAILURE;
}

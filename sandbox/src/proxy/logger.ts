// The proxy's pino logger: JSON lines, with redaction of anything that could carry a token or a
// credential (defence in depth: the proxy never logs headers or credentials in the first place).

import { pino } from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';

/** Objects a log line may carry whose token or credential fields are replaced. */
const REDACTED_PARENTS = ['credentials', 'failure', 'err', 'error', 'sts', 'request', 'upstream'];
const SECRET_FIELDS = ['token', 'secretAccessKey', 'sessionToken'];

/**
 * Paths pino replaces with `[REDACTED]` in a log object. Deliberately no path that starts with a
 * wildcard (`*.token`): pino runs such a path's redactor on every top-level value of every line,
 * re-parsing the paths each time (about 14 KB of garbage per request line); named parents cost
 * nothing on a line that does not have them.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-amz-security-token"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-amz-security-token"]',
  ...SECRET_FIELDS,
  ...REDACTED_PARENTS.flatMap((parent) => SECRET_FIELDS.map((field) => `${parent}.${field}`)),
];

export interface ProxyLoggerOptions {
  /** Default `info`. */
  level?: Level | 'silent';
  /** Where the lines go; default standard output. */
  destination?: DestinationStream;
}

/**
 * A pino logger with the proxy's redaction rules.
 * @example const logger = createProxyLogger({ level: 'debug', destination: pino.destination(2) });
 */
export function createProxyLogger(options: ProxyLoggerOptions = {}): Logger {
  const settings = {
    name: 'aws-sts-proxy',
    level: options.level ?? 'info',
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[REDACTED]' },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

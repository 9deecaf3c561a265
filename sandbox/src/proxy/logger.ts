// The proxy's pino logger: JSON lines, with redaction of anything that could carry a token or a
// credential (defence in depth: the proxy never logs headers or credentials in the first place).

import { pino } from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';

/** Paths pino replaces with `[REDACTED]` wherever they appear in a log object. */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-amz-security-token"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-amz-security-token"]',
  'token',
  '*.token',
  'secretAccessKey',
  '*.secretAccessKey',
  'sessionToken',
  '*.sessionToken',
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

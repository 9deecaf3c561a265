// Owns the checks `exchangeToken` repeats right before calling STS (ToolHive's validateInputs).
// The ARN and session-name rules themselves live in config/ and session/; this only composes them.

import { AwsStsError } from '../errors';
import {
  DEFAULT_SESSION_DURATION,
  MAX_SESSION_DURATION,
  MIN_SESSION_DURATION,
  REGION_PATTERN,
} from '../config/constants';
import { validateRoleArn } from '../config/validateRoleArn';
import { validateSessionName } from '../session/validateSessionName';

export { DEFAULT_SESSION_DURATION };

/** Inputs checked before every STS call. */
export interface ExchangeChecks {
  token: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  region: string;
}

/**
 * Throws the first failing check as an `AwsStsError`, in ToolHive's order: token, role ARN,
 * session name, duration; then the region, which the default STS host name is built from.
 * @example
 * validateExchangeInput({ token, roleArn, sessionName: 'alice', durationSeconds: 3600, region: 'us-east-1' });
 */
export function validateExchangeInput(input: ExchangeChecks): void {
  if (input.token === '') throw new AwsStsError('MISSING_TOKEN', 'token is required');
  validateRoleArn(input.roleArn);
  validateSessionName(input.sessionName);
  validateSessionDuration(input.durationSeconds);
  if (input.region === '') throw new AwsStsError('INVALID_CONFIG', 'AWS region is required');
  if (!REGION_PATTERN.test(input.region)) {
    throw new AwsStsError('INVALID_CONFIG', `invalid AWS region: ${input.region}`);
  }
}

/**
 * STS's `DurationSeconds` bounds (900–43200, both inclusive), with ToolHive's exchange message.
 * @example
 * validateSessionDuration(899); // throws INVALID_CONFIG
 */
export function validateSessionDuration(seconds: number): void {
  const fail = (detail: string): never => {
    throw new AwsStsError('INVALID_CONFIG', `invalid session duration: ${detail}`);
  };
  if (!Number.isInteger(seconds)) fail(`${seconds} is not an integer`);
  if (seconds < MIN_SESSION_DURATION) {
    fail(`${seconds} is below minimum ${MIN_SESSION_DURATION} seconds`);
  }
  if (seconds > MAX_SESSION_DURATION) {
    fail(`${seconds} exceeds maximum ${MAX_SESSION_DURATION} seconds`);
  }
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsStsError } from '../errors';
import { validateExchangeInput, validateSessionDuration } from './validate';
import type { ExchangeChecks } from './validate';

function outcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof AwsStsError);
    return `${err.code}: ${err.message}`;
  }
}

const VALID: ExchangeChecks = {
  token: 'tok',
  roleArn: 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole',
  sessionName: 'alice',
  durationSeconds: 3600,
  region: 'us-east-1',
};

describe('validateExchangeInput', () => {
  const cases: [string, Partial<ExchangeChecks>, string][] = [
    ['valid', {}, 'ok'],
    [
      'aws-cn role and region',
      { roleArn: 'arn:aws-cn:iam::123456789012:role/R', region: 'cn-north-1' },
      'ok',
    ],
    ['empty token', { token: '' }, 'MISSING_TOKEN: token is required'],
    ['empty ARN', { roleArn: '' }, 'INVALID_ROLE_ARN: invalid IAM role ARN format: ARN is empty'],
    [
      'user ARN',
      { roleArn: 'arn:aws:iam::123456789012:user/alice' },
      'INVALID_ROLE_ARN: invalid IAM role ARN format: not a role ARN: arn:aws:iam::123456789012:user/alice',
    ],
    [
      'session name with |',
      { sessionName: 'auth0|user' },
      'INVALID_SESSION_NAME: invalid session name: contains invalid characters (allowed: letters, digits, _+=,.@-)',
    ],
    ['empty region', { region: '' }, 'INVALID_CONFIG: AWS region is required'],
    [
      'region that is a host',
      { region: 'evil.example/x' },
      'INVALID_CONFIG: invalid AWS region: evil.example/x',
    ],
    // ToolHive's order: the token is checked before everything else.
    ['token before ARN', { token: '', roleArn: '' }, 'MISSING_TOKEN: token is required'],
    [
      'ARN before session name',
      { roleArn: '', sessionName: 'a' },
      'INVALID_ROLE_ARN: invalid IAM role ARN format: ARN is empty',
    ],
    [
      'session name before duration',
      { sessionName: 'a', durationSeconds: 1 },
      'INVALID_SESSION_NAME: invalid session name: must be at least 2 characters',
    ],
  ];
  for (const [name, over, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      assert.equal(
        outcome(() => validateExchangeInput({ ...VALID, ...over })),
        expected
      );
    });
  }
});

describe('validateSessionDuration', () => {
  const cases: [number, string][] = [
    [900, 'ok'],
    [43200, 'ok'],
    [899, 'INVALID_CONFIG: invalid session duration: 899 is below minimum 900 seconds'],
    [43201, 'INVALID_CONFIG: invalid session duration: 43201 exceeds maximum 43200 seconds'],
    [0, 'INVALID_CONFIG: invalid session duration: 0 is below minimum 900 seconds'],
    [1000.5, 'INVALID_CONFIG: invalid session duration: 1000.5 is not an integer'],
  ];
  for (const [seconds, expected] of cases) {
    it(`${seconds} → ${expected}`, () => {
      assert.equal(
        outcome(() => validateSessionDuration(seconds)),
        expected
      );
    });
  }
});

// ToolHive's `ValidateRoleArn` (Go, via aws-sdk-go-v2 `arn.Parse`), with its exact messages,
// plus why an ARN misses the CRD's stricter pattern. It does not decide which layer reports what.

import { AwsStsError } from '../errors';
import { ROLE_ARN_PATTERN } from './constants';

const INVALID_ROLE_ARN = 'invalid IAM role ARN format';

/**
 * Throws `INVALID_ROLE_ARN` with Go's message when ToolHive's runtime would reject the ARN.
 * Like Go, it checks neither partition nor region (the CRD pattern is stricter).
 * @example validateRoleArn('arn:aws:iam::123456789012:role/Admin') // ok
 */
export function validateRoleArn(roleArn: string): void {
  const problem = roleArnError(roleArn);
  if (problem !== undefined) throw new AwsStsError('INVALID_ROLE_ARN', problem);
}

/**
 * Go's `ValidateRoleArn` error message, or undefined when the runtime accepts the ARN.
 * @example roleArnError('arn:aws:s3:::bucket') // 'invalid IAM role ARN format: not an IAM ARN: arn:aws:s3:::bucket'
 */
export function roleArnError(roleArn: string): string | undefined {
  if (roleArn === '') return `${INVALID_ROLE_ARN}: ARN is empty`;
  const parsed = parseArn(roleArn);
  if (parsed === undefined) return `${INVALID_ROLE_ARN}: ${roleArn}`;
  if (parsed.service !== 'iam') return `${INVALID_ROLE_ARN}: not an IAM ARN: ${roleArn}`;
  if (!parsed.resource.startsWith('role/'))
    return `${INVALID_ROLE_ARN}: not a role ARN: ${roleArn}`;
  // Go compares len() (bytes), so count UTF-8 bytes.
  if (new TextEncoder().encode(parsed.accountId).length !== 12) {
    return `${INVALID_ROLE_ARN}: invalid account ID: ${roleArn}`;
  }
  return undefined;
}

/**
 * Why an ARN fails the CRD pattern `ROLE_ARN_PATTERN`, or undefined when it matches.
 * @example crdRoleArnMismatch('arn:aws-iso:iam::123456789012:role/x') // 'partition "aws-iso" is not …'
 */
export function crdRoleArnMismatch(roleArn: string): string | undefined {
  if (ROLE_ARN_PATTERN.test(roleArn)) return undefined;
  const parsed = parseArn(roleArn);
  if (parsed === undefined)
    return 'it is not an ARN of the form arn:partition:service:region:account:resource';
  if (!['aws', 'aws-cn', 'aws-us-gov'].includes(parsed.partition)) {
    return `partition "${parsed.partition}" is not one of aws, aws-cn, aws-us-gov`;
  }
  if (parsed.service !== 'iam') return `service "${parsed.service}" is not iam`;
  if (parsed.region !== '') return `IAM ARNs have no region, but "${parsed.region}" is set`;
  if (!/^\d{12}$/.test(parsed.accountId)) return 'the account ID is not exactly 12 digits';
  if (!parsed.resource.startsWith('role/')) return 'the resource does not start with role/';
  if (parsed.resource === 'role/') return 'the role name is empty';
  return 'the role name may contain only letters, digits and _+=,.@-/';
}

interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/** aws-sdk-go-v2 `arn.Parse`: `arn:` prefix, six `:`-separated sections, the last keeps its colons. */
function parseArn(value: string): ParsedArn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (partition === '' || service === '' || resource === '') return undefined;
  return { partition, service, region, accountId, resource };
}

// Decides whether an assumed-role caller may make one API call through the AWS MCP Server (inline
// policies + MCP context keys, AWS's AccessDenied wording). No SCPs, boundaries or bucket policies.
import {
  evaluatePolicies,
  requestTimeContext,
  type Evaluation,
  type RequestContext,
} from '../../iam';
import { AWS_MCP_SERVICE_PRINCIPAL, CALLED_VIA_MCP_KEY, VIA_MCP_KEY } from '../../policy';
import type { AwsCaller } from './caller';

export interface AuthorizationTarget {
  action: string;
  /** An ARN, or `*` for actions without resources (sts:GetCallerIdentity, s3:ListAllMyBuckets). */
  resource: string;
  /** Service-specific keys, e.g. `s3:prefix`. */
  context?: RequestContext;
}

export type AuthorizationOutcome =
  | { allowed: true; evaluation: Evaluation }
  | { allowed: false; evaluation: Evaluation | undefined; message: string };

/**
 * The request context AWS adds when the AWS MCP Server calls a service for the caller:
 * `aws:ViaAWSMCPService`, `aws:CalledViaAWSMCP`, the principal keys and the time keys.
 * `aws:SecureTransport` is true because the real calls use TLS (the emulator's do not).
 * @example mcpRequestContext(caller, new Date(), 'us-east-1')['aws:ViaAWSMCPService'] // true
 */
export function mcpRequestContext(
  caller: AwsCaller,
  now: Date,
  region: string
): Record<string, string | boolean | number> {
  return {
    [VIA_MCP_KEY]: true,
    [CALLED_VIA_MCP_KEY]: AWS_MCP_SERVICE_PRINCIPAL,
    'aws:PrincipalArn': caller.roleArn,
    'aws:PrincipalAccount': caller.accountId,
    'aws:PrincipalType': 'AssumedRole',
    'aws:userid': caller.userId,
    'aws:RequestedRegion': region,
    'aws:SecureTransport': true,
    ...requestTimeContext(now),
  };
}

/**
 * Evaluates the caller's permission policies for one call; a denial carries the message AWS
 * returns, e.g. `User: arn:aws:sts::…:assumed-role/DefaultMCPRole/bob is not authorized to perform:
 * s3:ListBucket on resource: "arn:aws:s3:::example-bucket" because no identity-based policy allows
 * the s3:ListBucket action`.
 * @example authorizeCall(caller, { action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket' }, now, 'us-east-1').allowed
 */
export function authorizeCall(
  caller: AwsCaller,
  target: AuthorizationTarget,
  now: Date,
  region: string
): AuthorizationOutcome {
  const context = { ...mcpRequestContext(caller, now, region), ...target.context };
  let evaluation: Evaluation;
  try {
    evaluation = evaluatePolicies(caller.policies, {
      action: target.action,
      resource: target.resource,
      context,
    });
  } catch {
    // IAM never stores a malformed policy; if the state holds one, nothing it says applies.
    return {
      allowed: false,
      evaluation: undefined,
      message: accessDeniedMessage(caller, target, 'ImplicitDeny'),
    };
  }
  if (evaluation.allowed) return { allowed: true, evaluation };
  return {
    allowed: false,
    evaluation,
    message: accessDeniedMessage(caller, target, evaluation.decision),
  };
}

/**
 * AWS's wording for an identity-policy denial (the `on resource` part only for real resources).
 * @example accessDeniedMessage(caller, { action: 'sts:GetCallerIdentity', resource: '*' }, 'ExplicitDeny')
 */
export function accessDeniedMessage(
  caller: AwsCaller,
  target: AuthorizationTarget,
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
): string {
  const onResource = target.resource === '*' ? '' : ` on resource: "${target.resource}"`;
  const why =
    decision === 'ExplicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${target.action} action`;
  return `User: ${caller.assumedRoleArn} is not authorized to perform: ${target.action}${onResource} ${why}`;
}

// The `sts` link: the Region of the STS endpoint against awsSts.region (ToolHive calls
// sts.<awsSts.region>.amazonaws.com), and with `--exchange` the real AssumeRoleWithWebIdentity
// call with this token, STS's answer named (sts/errors). It never shows the credentials.

import type { AwsStsConfig } from '../config';
import { isAwsStsError } from '../errors';
// The endpoint and error modules directly: the sts index would pull the AWS SDK into the page.
import { defaultStsEndpoint } from '../sts/endpoint';
import { mapStsError, StsExchangeError } from '../sts/errors';
import { stsEndpointRegion } from './regions';
import { fail, pass, skip, skipInvalidConfig } from './report';
import type { DoctorCheck, StsTarget } from './types';

export interface StsCheckContext {
  target: StsTarget | undefined;
  config: AwsStsConfig | undefined;
  token: string;
  roleArn: string | undefined;
  sessionName: string | undefined;
}

/** Where each STS answer is fixed. */
const FIX_BY_CODE: Record<string, string> = {
  InvalidIdentityToken:
    "fix the provider, discovery or jwks link: IAM needs a provider whose URL equals iss, and AWS must fetch the issuer's keys over https",
  ExpiredTokenException: 'get a fresh token (STS accepts a token at most 5 minutes after its exp)',
  IDPRejectedClaim: "add the token's aud to the provider's client IDs (see provider)",
  AccessDenied:
    "fix the role or trust-policy link: the role must exist and its trust policy must allow this token's provider, aud and sub",
  RegionDisabledException:
    'activate STS in that Region (IAM console → Account settings → Security Token Service regions), or set awsSts.region to an active Region',
  ValidationError:
    "lower awsSts.sessionDuration to the role's MaxSessionDuration, or raise it (aws iam update-role --max-session-duration)",
  IDPCommunicationError:
    "make the issuer's discovery document and JWKS reachable from the internet over https, then retry",
  NetworkError: 'check the STS endpoint (--sts-endpoint), DNS, proxies and egress',
  TimeoutError: 'retry; check the STS endpoint (--sts-endpoint) and egress',
};

/**
 * Checks the Region and, when `target.exchange` is set, makes the call.
 * @example await checkSts({ target: { exchange }, config, token, roleArn, sessionName: 'alice' })
 */
export async function checkSts(context: StsCheckContext): Promise<DoctorCheck> {
  const { target, config } = context;
  if (config === undefined) return skipInvalidConfig('sts');
  if (target === undefined) {
    return skip(
      'sts',
      'not called: run doctor from a terminal with --exchange to call AssumeRoleWithWebIdentity'
    );
  }
  const endpoint = target.endpoint ?? defaultStsEndpoint(target.region ?? config.region);
  const region = target.region ?? stsEndpointRegion(endpoint) ?? config.region;
  const regionProblem =
    region !== config.region
      ? {
          message: `the STS endpoint ${endpoint} is in ${region}, but awsSts.region is ${config.region}: ToolHive calls ${defaultStsEndpoint(config.region)} and signs for ${config.region}, so this is not the STS the proxy uses`,
          fix: `if the proxy should use ${region}, set awsSts.region: ${region} (and remoteUrl https://aws-mcp.${region}.api.aws/mcp); otherwise run doctor against STS in ${config.region} (--region ${config.region}, or --sts-endpoint ${defaultStsEndpoint(config.region)})`,
        }
      : undefined;
  const where = `${endpoint} (${region})`;
  if (target.exchange === undefined) {
    if (regionProblem) return fail('sts', regionProblem.message, regionProblem.fix);
    return skip(
      'sts',
      `not called: add --exchange to call AssumeRoleWithWebIdentity at ${where} with this token`
    );
  }
  const notCalled =
    context.roleArn === undefined
      ? 'no role to assume (see role-mapping)'
      : context.sessionName === undefined
        ? 'ToolHive would not call STS without a valid session name (see session-name)'
        : undefined;
  if (
    notCalled !== undefined ||
    context.roleArn === undefined ||
    context.sessionName === undefined
  ) {
    if (regionProblem) return fail('sts', regionProblem.message, regionProblem.fix);
    return skip('sts', `not called: ${notCalled ?? ''}`);
  }
  try {
    const answer = await target.exchange({
      token: context.token,
      roleArn: context.roleArn,
      sessionName: context.sessionName,
      durationSeconds: config.sessionDuration,
      region,
      endpoint,
    });
    const who = answer.assumedRoleArn ?? context.roleArn;
    const until = answer.expiration ? `, valid until ${answer.expiration.toISOString()}` : '';
    const message = `${where} issued credentials for ${who}${until}`;
    if (regionProblem)
      return fail('sts', `${regionProblem.message} (${message})`, regionProblem.fix);
    return pass('sts', message);
  } catch (error) {
    const named = nameFailure(error, context.token, region, endpoint, context.roleArn);
    const message = `${where} answered ${named.code}: ${named.reason}`;
    if (regionProblem)
      return fail('sts', `${regionProblem.message}; ${message}`, regionProblem.fix);
    return fail('sts', message, FIX_BY_CODE[named.code] ?? named.reason);
  }
}

function nameFailure(
  error: unknown,
  token: string,
  region: string,
  endpoint: string,
  roleArn: string
): { code: string; reason: string } {
  if (error instanceof StsExchangeError) return { code: error.stsCode, reason: error.reason };
  if (isAwsStsError(error)) return { code: error.code, reason: error.message };
  const mapped = mapStsError(error, { token, region, endpoint, roleArn });
  return { code: mapped.code, reason: mapped.reason };
}

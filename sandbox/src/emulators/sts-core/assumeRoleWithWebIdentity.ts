// AssumeRoleWithWebIdentity in STS's order: parameters, token, provider, audience, signature,
// expiry, role, trust policy, duration, credentials. It speaks no HTTP or XML (handleStsRequest).

import { evaluateTrustPolicy } from '../../iam';
import { sessionNameProblem } from '../../session';
import type { IssuedCredentials, OidcProviderRecord } from '../state';
import { issueCredentials } from './issueCredentials';
import { ARN_PATTERN, memberViolations, validationErrorMessage } from '../aws-query';
import type { MemberRule } from '../aws-query';
import { stsFaults, StsFault } from './stsFaults';
import { webIdentityTrustRequest } from './trustRequest';
import type { StsEnvironment, StsExplanation } from './types';
import { verifyTokenSignature } from './verifySignature';
import { checkTokenTimes, decodeWebIdentityToken } from './webIdentityToken';

/** STS's default session length when DurationSeconds is not sent. */
export const DEFAULT_DURATION_SECONDS = 3600;

/** The request members' constraints from the STS model (botocore `data/sts/2011-06-15/service-2.json`). */
const MEMBER_RULES: readonly MemberRule[] = [
  { name: 'RoleArn', required: true, minLength: 20, maxLength: 2048, pattern: ARN_PATTERN },
  {
    name: 'RoleSessionName',
    required: true,
    minLength: 2,
    maxLength: 64,
    pattern: { source: '[\\w+=,.@-]*', regex: /^[\w+=,.@-]*$/ },
  },
  { name: 'WebIdentityToken', required: true, minLength: 4, maxLength: 20000, sensitive: true },
  { name: 'DurationSeconds', integer: true, min: 900, max: 43200 },
];

/** What a successful call returns besides the credentials. */
export interface WebIdentityGrant {
  credentials: IssuedCredentials;
  provider: OidcProviderRecord;
  explain: StsExplanation;
}

/** Facts gathered so far, copied into the explanation of whatever ends the call. */
type Facts = Omit<StsExplanation, 'action' | 'step' | 'outcome' | 'detail'>;

/** A refusal plus the facts known when it happened. */
export class StsRefusal extends Error {
  override readonly name = 'StsRefusal';
  constructor(
    readonly fault: StsFault,
    readonly facts: Facts
  ) {
    super(fault.message);
  }
}

function checkParameters(params: URLSearchParams): {
  roleArn: string;
  sessionName: string;
  token: string;
  durationSeconds: number;
} {
  const violations = memberViolations(params, MEMBER_RULES);
  if (violations.length > 0) {
    const name = params.get('RoleSessionName');
    const toolhive = name === null ? undefined : sessionNameProblem(name);
    throw stsFaults.validation(
      validationErrorMessage(violations),
      toolhive === undefined
        ? validationErrorMessage(violations)
        : `${validationErrorMessage(violations)} (ToolHive rejects this name before calling STS: ${toolhive})`
    );
  }
  if (params.has('Policy') || [...params.keys()].some((k) => k.startsWith('PolicyArns.'))) {
    throw stsFaults.validation(
      'Session policies (Policy, PolicyArns) are not supported by the local STS emulator'
    );
  }
  const duration = params.get('DurationSeconds');
  return {
    roleArn: params.get('RoleArn') ?? '',
    sessionName: params.get('RoleSessionName') ?? '',
    token: params.get('WebIdentityToken') ?? '',
    durationSeconds: duration === null ? DEFAULT_DURATION_SECONDS : Number(duration),
  };
}

async function run(
  params: URLSearchParams,
  env: StsEnvironment,
  facts: Facts
): Promise<WebIdentityGrant> {
  const { roleArn, sessionName, token, durationSeconds } = checkParameters(params);
  facts.roleArn = roleArn;
  facts.sessionName = sessionName;

  const { header, claims } = decodeWebIdentityToken(token);
  facts.issuer = claims.iss;
  facts.subject = claims.sub;

  const provider = env.state.findOidcProviderByIssuer(claims.iss);
  if (provider === undefined) throw stsFaults.noProvider(claims.iss);
  facts.providerArn = provider.arn;

  const audience = claims.aud.find((aud) => provider.clientIds.includes(aud));
  if (audience === undefined) throw stsFaults.wrongAudience(claims.aud, provider.clientIds);
  facts.audience = audience;

  await verifyTokenSignature(token, header, claims.iss, env.resolveJwks);
  checkTokenTimes(claims, env.now);

  const role = env.state.findRoleByArn(roleArn);
  if (role === undefined) throw stsFaults.roleNotFound(roleArn);

  const request = webIdentityTrustRequest(provider, claims, audience, env.now);
  let evaluation;
  try {
    evaluation = evaluateTrustPolicy(role.assumeRolePolicyDocument, request);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw stsFaults.trustPolicyDenied(`The role's trust policy cannot be evaluated: ${reason}`);
  }
  facts.trust = { principal: request.principal, context: request.context, evaluation };
  if (!evaluation.allowed) {
    throw stsFaults.trustPolicyDenied(
      `The trust policy of ${role.roleName} does not let this token assume the role. ${evaluation.explanation}`
    );
  }

  if (durationSeconds > role.maxSessionDuration) {
    throw stsFaults.durationExceedsMax(durationSeconds, role.maxSessionDuration);
  }

  const credentials = issueCredentials(env.state, {
    role,
    sessionName,
    durationSeconds,
    subject: claims.sub,
    issuer: claims.iss,
    audience,
    now: env.now,
  });
  return {
    credentials,
    provider,
    explain: {
      action: 'AssumeRoleWithWebIdentity',
      step: 'issued',
      outcome: 'Issued',
      detail: `Issued credentials ${credentials.accessKeyId} for ${credentials.assumedRoleArn}, valid for ${durationSeconds} seconds. ${evaluation.explanation}`,
      ...facts,
    },
  };
}

/**
 * Runs AssumeRoleWithWebIdentity on already parsed parameters. Resolves with the credentials
 * (stored in `env.state`) or rejects with an `StsRefusal` carrying AWS's error and the facts.
 * @example const { credentials } = await assumeRoleWithWebIdentity(params, { state, resolveJwks, now });
 */
export async function assumeRoleWithWebIdentity(
  params: URLSearchParams,
  env: StsEnvironment
): Promise<WebIdentityGrant> {
  const facts: Facts = {};
  try {
    return await run(params, env, facts);
  } catch (error) {
    if (error instanceof StsFault) throw new StsRefusal(error, facts);
    throw error;
  }
}

// The STS emulator's front door: one Query request in, one XML answer (plus an explanation) out.
// It dispatches on Action/Version; each action's rules live in their own module.

import { assumeRoleWithWebIdentity, StsRefusal } from './assumeRoleWithWebIdentity';
import { newRequestId, queryError, queryParameters, queryResponse } from '../aws-query';
import type { QueryRequest } from '../aws-query';
import { getCallerIdentity } from './getCallerIdentity';
import {
  assumeRoleWithWebIdentityResultXml,
  getCallerIdentityResultXml,
  STS_NAMESPACE,
  STS_VERSION,
} from './responseXml';
import { stsFaults } from './stsFaults';
import type { StsFault } from './stsFaults';
import type { StsEnvironment, StsExplanation, StsResponse } from './types';

function refusal(
  fault: StsFault,
  action: string | undefined,
  facts: Partial<StsExplanation>,
  requestId: string
): StsResponse {
  return {
    ...queryError(STS_NAMESPACE, fault.status, fault.code, fault.message, requestId),
    explain: {
      ...facts,
      action,
      step: fault.step,
      outcome: fault.code,
      detail: fault.detail,
    },
  };
}

/** The STS actions the emulator answers. */
export const STS_ACTIONS: readonly string[] = ['AssumeRoleWithWebIdentity', 'GetCallerIdentity'];

/** Runs one implemented action: its Result XML and its explanation. */
async function answer(
  action: string,
  request: QueryRequest,
  params: URLSearchParams,
  env: StsEnvironment
): Promise<{ result: string; explain: StsExplanation }> {
  if (action === 'GetCallerIdentity') {
    const identity = await getCallerIdentity(request, env);
    return {
      result: getCallerIdentityResultXml(identity.credentials, env.state.accountId),
      explain: identity.explain,
    };
  }
  const grant = await assumeRoleWithWebIdentity(params, env);
  return {
    result: assumeRoleWithWebIdentityResultXml(grant.credentials, grant.provider),
    explain: grant.explain,
  };
}

/**
 * Answers one STS Query request (`POST /` form body, or GET with a query string) as STS would:
 * `AssumeRoleWithWebIdentity` issues credentials or refuses with STS's error;
 * `GetCallerIdentity` names the assumed role whose issued credentials signed the request; any
 * other action is `InvalidAction`. `explain` says why, for people; it is never sent.
 * @example
 * const res = await handleStsRequest({ method: 'POST', body: form.toString() },
 *   { state, resolveJwks: () => createLocalJWKSet(jwks), now: new Date() });
 * res.status; // 200 or the error's status; res.body is the XML
 */
export async function handleStsRequest(
  request: QueryRequest,
  env: StsEnvironment
): Promise<StsResponse> {
  const requestId = newRequestId();
  const params = queryParameters(request);
  const action = params.get('Action') ?? undefined;
  const version = params.get('Version');
  if (action === undefined) return refusal(stsFaults.missingAction(), action, {}, requestId);
  if (!STS_ACTIONS.includes(action) || version !== STS_VERSION) {
    return refusal(stsFaults.invalidAction(action, version), action, {}, requestId);
  }
  try {
    const { result, explain } = await answer(action, request, params, env);
    return { ...queryResponse(STS_NAMESPACE, action, result, requestId), explain };
  } catch (error) {
    if (error instanceof StsRefusal) return refusal(error.fault, action, error.facts, requestId);
    const reason = error instanceof Error ? error.message : String(error);
    const fault = stsFaults.internalFailure(reason);
    return refusal(fault, action, {}, requestId);
  }
}

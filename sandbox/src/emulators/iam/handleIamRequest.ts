// The IAM emulator's front door: one Query request in, one XML answer out. It dispatches on
// Action/Version. A request must be signed, as IAM requires, but any SigV4 signature is accepted
// unchecked: there is one account and no IAM users to verify against.

import { newRequestId, queryError, queryParameters, queryResponse } from '../aws-query';
import type { QueryRequest } from '../aws-query';
import { IAM_ACTIONS } from './iamActions';
import { IamFault, iamFaults } from './iamFaults';
import { IAM_NAMESPACE } from './iamXml';
import type { IamEnvironment, IamResponse } from './types';

/** The IAM API version the emulator speaks. */
export const IAM_VERSION = '2010-05-08';

function refusal(fault: IamFault, requestId: string): IamResponse {
  return {
    ...queryError(IAM_NAMESPACE, fault.status, fault.code, fault.message, requestId),
    detail: fault.detail,
  };
}

/** Whether the request carries a SigV4 signature: an Authorization header or a presigned query. */
function isSigned(request: QueryRequest, params: URLSearchParams): boolean {
  const authorization = Object.entries(request.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'authorization'
  )?.[1];
  return (authorization ?? '').trim() !== '' || params.has('X-Amz-Signature');
}

/**
 * Answers one IAM Query request as IAM would, changing `env.state`. The implemented actions are
 * the ones the tutorial, the sandbox and the generated scripts call: OIDC providers, roles and
 * inline role policies (see IAM_ACTIONS). Unsigned requests get MissingAuthenticationToken.
 * @example
 * handleIamRequest({ method: 'POST', body: 'Action=GetRole&Version=2010-05-08&RoleName=Dev',
 *   headers: { authorization: 'AWS4-HMAC-SHA256 …' } }, { state, now: new Date() }).status // 200 or 404
 */
export function handleIamRequest(request: QueryRequest, env: IamEnvironment): IamResponse {
  const requestId = newRequestId();
  const params = queryParameters(request);
  const action = params.get('Action');
  const version = params.get('Version');
  if (!isSigned(request, params)) return refusal(iamFaults.missingAuthentication(), requestId);
  if (action === null) return refusal(iamFaults.missingAction(), requestId);
  const run = Object.hasOwn(IAM_ACTIONS, action) ? IAM_ACTIONS[action] : undefined;
  if (run === undefined || version !== IAM_VERSION) {
    return refusal(iamFaults.invalidAction(action, version), requestId);
  }
  try {
    return queryResponse(IAM_NAMESPACE, action, run(params, env), requestId);
  } catch (error) {
    if (error instanceof IamFault) return refusal(error, requestId);
    const reason = error instanceof Error ? error.message : String(error);
    return refusal(
      new IamFault('ServiceFailure', 500, 'An internal error occurred in the IAM emulator', reason),
      requestId
    );
  }
}

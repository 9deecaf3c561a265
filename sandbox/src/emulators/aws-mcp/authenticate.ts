// Authenticates a request to the emulated AWS MCP Server: SigV4 (`aws-mcp`, the Region) against the
// STS emulator's credentials and their expiry. It does not authorize API calls or throttle.
import type { AccountState } from '../state';
import { verifySigV4, type ReceivedRequest } from '../../signing';
import { authFailureResponse, type AuthFailureCode, type AwsErrorResponse } from './awsErrors';
import { callerFor, type AwsCaller } from './caller';

export interface AuthenticateOptions {
  region: string;
  /** SigV4 service name; `aws-mcp`. */
  service: string;
  now: Date;
  /** Default 300 (5 minutes), as AWS. */
  maxSkewSeconds?: number;
}

export type Authentication =
  | { ok: true; caller: AwsCaller }
  | { ok: false; code: AuthFailureCode; response: AwsErrorResponse };

/**
 * Verifies the request's SigV4 signature as received and resolves the assumed-role caller.
 * Failures are 403s shaped like AWS's: MissingAuthenticationTokenException (unsigned),
 * InvalidSignatureException (bad signature, scope or date), UnrecognizedClientException
 * (unknown key or a session token that does not match), ExpiredTokenException (credentials
 * past their Expiration, checked once the signature verifies).
 * @example const auth = await authenticateRequest({ method, url, headers, body }, state, { region: 'us-east-1', service: 'aws-mcp', now: new Date() });
 */
export async function authenticateRequest(
  request: ReceivedRequest,
  state: AccountState,
  options: AuthenticateOptions
): Promise<Authentication> {
  const verified = await verifySigV4(
    request,
    (accessKeyId) => {
      const issued = state.findCredentials(accessKeyId);
      return issued
        ? { secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken }
        : undefined;
    },
    {
      service: options.service,
      region: options.region,
      now: options.now,
      maxSkewSeconds: options.maxSkewSeconds ?? 300,
    }
  );
  if (!verified.ok) return fail(verified.code, verified.message);
  const issued = state.findCredentials(verified.accessKeyId);
  if (!issued)
    return fail(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.'
    );
  if (issued.expiration.getTime() <= options.now.getTime()) {
    return fail('ExpiredTokenException', 'The security token included in the request is expired');
  }
  const role = state.findRoleByArn(issued.roleArn);
  return { ok: true, caller: callerFor(issued, role, state.accountId, state.partition) };
}

function fail(code: AuthFailureCode, message: string): Authentication {
  return { ok: false, code, response: authFailureResponse(code, message) };
}

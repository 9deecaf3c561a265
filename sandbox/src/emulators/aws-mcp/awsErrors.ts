// The HTTP answers given before MCP runs (authentication failures, throttling, bad paths), shaped
// like AWS's JSON services (`x-amzn-ErrorType`, `{"message"}`). It does not decide when they apply.
import type { SigV4ErrorCode } from '../../signing';

export interface AwsErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Every authentication failure the emulator reports. */
export type AuthFailureCode = SigV4ErrorCode | 'ExpiredTokenException';

/**
 * `x-amzn-ErrorType` per failure. Signature-date problems are InvalidSignatureException
 * ("Signature expired: …"), a session token that does not match is UnrecognizedClientException.
 */
const ERROR_TYPES: Record<AuthFailureCode, string> = {
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  IncompleteSignatureException: 'IncompleteSignatureException',
  InvalidSignatureException: 'InvalidSignatureException',
  RequestExpired: 'InvalidSignatureException',
  UnrecognizedClientException: 'UnrecognizedClientException',
  InvalidClientTokenId: 'UnrecognizedClientException',
  ExpiredTokenException: 'ExpiredTokenException',
};

/**
 * The 403 for a request that fails SigV4 authentication.
 * @example authFailureResponse('InvalidSignatureException', 'The request signature we calculated does not match …').status // 403
 */
export function authFailureResponse(code: AuthFailureCode, message: string): AwsErrorResponse {
  return jsonError(403, ERROR_TYPES[code], message);
}

/**
 * The 429 of a throttled request, with `Retry-After` in whole seconds.
 * @example throttledResponse(1).headers['retry-after'] // '1'
 */
export function throttledResponse(retryAfterSeconds: number): AwsErrorResponse {
  const response = jsonError(429, 'ThrottlingException', 'Rate exceeded');
  response.headers['retry-after'] = String(retryAfterSeconds);
  return response;
}

/**
 * A JSON error with AWS's headers; `x-amzn-RequestId` is random.
 * @example jsonError(404, 'NotFoundException', 'Not Found')
 */
export function jsonError(status: number, errorType: string, message: string): AwsErrorResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': errorType,
      'x-amzn-requestid': crypto.randomUUID(),
    },
    body: JSON.stringify({ message }),
  };
}

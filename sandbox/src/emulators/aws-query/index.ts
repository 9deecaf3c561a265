// Public API of the AWS Query plumbing the STS and IAM emulators share: parameters in, XML out,
// the ErrorResponse envelope, member validation and random AWS identifiers. It re-exports only,
// and only browser-safe modules; the node:http edge both servers use is `./server`.

export {
  escapeXml,
  isoSeconds,
  membersXml,
  newRequestId,
  queryError,
  queryList,
  queryParameters,
  queryResponse,
  queryStructList,
  xmlElement,
} from './awsQuery';
export type { QueryRequest, QueryResponse } from './awsQuery';
export { ARN_PATTERN, memberValues, memberViolations, validationErrorMessage } from './memberRules';
export type { MemberRule, MemberValues } from './memberRules';
export { randomBase64, randomString, SECRET_ALPHABET, UPPER_ALPHANUMERIC } from './random';

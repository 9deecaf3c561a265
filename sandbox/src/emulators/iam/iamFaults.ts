// Every IAM error the emulator answers with: wire code, HTTP status and AWS's message, in one
// place. `detail` (why, for people) never reaches the wire.

/** An IAM refusal. */
export class IamFault extends Error {
  override readonly name = 'IamFault';

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly detail: string = message
  ) {
    super(message);
  }
}

/** IAM error constructors with AWS's status codes (botocore `iam/2010-05-08` error shapes). */
export const iamFaults = {
  invalidAction: (action: string, version: string | null): IamFault =>
    new IamFault(
      'InvalidAction',
      400,
      `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`
    ),
  missingAction: (): IamFault => new IamFault('MissingAction', 400, 'Missing Action'),
  validation: (message: string): IamFault => new IamFault('ValidationError', 400, message),
  invalidInput: (message: string, detail?: string): IamFault =>
    new IamFault('InvalidInput', 400, message, detail),
  limitExceeded: (message: string): IamFault => new IamFault('LimitExceeded', 409, message),
  malformedPolicy: (message: string, detail: string): IamFault =>
    new IamFault('MalformedPolicyDocument', 400, message, detail),
  unknownFederatedPrincipal: (arn: string): IamFault =>
    new IamFault(
      'MalformedPolicyDocument',
      400,
      `Invalid principal in policy: "Federated":"${arn}"`,
      `The trust policy names the OIDC provider ${arn}, which this account does not have. Register the provider (create-open-id-connect-provider) before the role.`
    ),
  missingAuthentication: (): IamFault =>
    new IamFault(
      'MissingAuthenticationToken',
      403,
      'Request is missing Authentication Token',
      'The request carries no SigV4 signature (no Authorization header and no X-Amz-Signature). IAM refuses unsigned requests; the emulator accepts any signature but not none.'
    ),
  providerExists: (url: string): IamFault =>
    new IamFault('EntityAlreadyExists', 409, `Provider with url ${url} already exists.`),
  noSuchProvider: (arn: string): IamFault =>
    new IamFault('NoSuchEntity', 404, `OpenIDConnect Provider not found for arn ${arn}`),
  roleExists: (roleName: string): IamFault =>
    new IamFault('EntityAlreadyExists', 409, `Role with name ${roleName} already exists.`),
  noSuchRole: (roleName: string): IamFault =>
    new IamFault('NoSuchEntity', 404, `The role with name ${roleName} cannot be found.`),
  noSuchRolePolicy: (policyName: string): IamFault =>
    new IamFault('NoSuchEntity', 404, `The role policy with name ${policyName} cannot be found.`),
  deleteConflict: (roleName: string, policies: readonly string[]): IamFault =>
    new IamFault(
      'DeleteConflict',
      409,
      'Cannot delete entity, must delete policies first.',
      `Role ${roleName} still has inline policies ${JSON.stringify(policies)}; delete them with delete-role-policy first.`
    ),
  unsupported: (what: string): IamFault =>
    new IamFault('InvalidInput', 400, `${what} is not supported by the local IAM emulator`),
};

// Every STS error the emulator answers with: wire code, HTTP status and AWS's message, named in
// one place. The `detail` is for the explanation only and never reaches the wire.

import { STS_VERSION } from './responseXml';
import type { StsStep } from './types';

/** An STS refusal: what the client sees (`code`, `status`, `message`) and why (`detail`). */
export class StsFault extends Error {
  override readonly name = 'StsFault';

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly step: StsStep,
    readonly detail: string = message
  ) {
    super(message);
  }
}

/** The message STS gives for every role or trust-policy refusal. */
export const NOT_AUTHORIZED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';

/** AWS's text when it cannot get a key to check the signature (sic: two spaces). */
export const KEY_UNAVAILABLE =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

/** STS error constructors, one per refusal, in the order STS checks. */
export const stsFaults = {
  /** @example stsFaults.invalidAction('AssumeRole', '2011-06-15') */
  invalidAction: (action: string, version: string | null): StsFault => {
    const message = `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`;
    return new StsFault(
      'InvalidAction',
      400,
      message,
      'request',
      version === STS_VERSION
        ? `${message}: the emulator implements AssumeRoleWithWebIdentity and GetCallerIdentity.`
        : `${message}: the emulator speaks STS version ${STS_VERSION}.`
    );
  },
  missingAction: (): StsFault => new StsFault('MissingAction', 400, 'Missing Action', 'request'),
  validation: (message: string, detail?: string): StsFault =>
    new StsFault('ValidationError', 400, message, 'request', detail),
  /** The token is not a decodable JWT or lacks required claims. Our wording. */
  malformedToken: (detail: string): StsFault =>
    new StsFault(
      'InvalidIdentityToken',
      400,
      'The web identity token that was passed could not be validated by AWS: it is not a well-formed JWT with integer timestamps',
      'token',
      detail
    ),
  noProvider: (issuer: string): StsFault =>
    new StsFault(
      'InvalidIdentityToken',
      400,
      `No OpenIDConnect provider found in your account for ${issuer}`,
      'provider',
      `No IAM OIDC provider is registered with the URL ${JSON.stringify(issuer)}. The URL must equal the token's iss exactly (scheme, path and any trailing slash included).`
    ),
  wrongAudience: (audiences: readonly string[], clientIds: readonly string[]): StsFault =>
    new StsFault(
      'InvalidIdentityToken',
      400,
      'Incorrect token audience',
      'audience',
      `The token's aud ${JSON.stringify(audiences)} is not in the provider's client ID list ${JSON.stringify(clientIds)}. Add it with add-client-id-to-open-id-connect-provider, or request tokens for a registered audience.`
    ),
  keyUnavailable: (detail: string): StsFault =>
    new StsFault('InvalidIdentityToken', 400, KEY_UNAVAILABLE, 'signature', detail),
  /** The signature does not verify, or the algorithm is not one STS accepts. Our wording. */
  badSignature: (detail: string): StsFault =>
    new StsFault(
      'InvalidIdentityToken',
      400,
      'The web identity token that was passed could not be validated by AWS: its signature is not valid',
      'signature',
      detail
    ),
  /** Past `exp` plus STS's 5 minutes of clock skew. AWS's format. */
  expired: (nowSeconds: number, expSeconds: number, toleranceSeconds: number): StsFault =>
    new StsFault(
      'ExpiredTokenException',
      400,
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${expSeconds}`,
      'expiry',
      `The token expired at ${expSeconds} (epoch seconds); STS accepts it for ${toleranceSeconds} seconds after that, and the time is now ${nowSeconds}. Get a fresh token.`
    ),
  /** `nbf` more than the tolerance in the future. Our wording. */
  notYetValid: (nowSeconds: number, nbfSeconds: number): StsFault =>
    new StsFault(
      'InvalidIdentityToken',
      400,
      `Token is not yet valid: current date/time ${nowSeconds} must not be before the not-before date/time ${nbfSeconds}`,
      'expiry'
    ),
  roleNotFound: (roleArn: string): StsFault =>
    new StsFault(
      'AccessDenied',
      403,
      NOT_AUTHORIZED,
      'role',
      `No role with the ARN ${roleArn} exists in this account. STS does not say so on the wire; it answers AccessDenied, exactly as for a trust-policy refusal.`
    ),
  trustPolicyDenied: (detail: string): StsFault =>
    new StsFault('AccessDenied', 403, NOT_AUTHORIZED, 'trustPolicy', detail),
  internalFailure: (reason: string): StsFault =>
    new StsFault(
      'InternalFailure',
      500,
      'An internal error occurred in the STS emulator',
      'request',
      `The emulator failed unexpectedly: ${reason}`
    ),
  /** An unsigned request to an action that needs a signature (GetCallerIdentity). */
  missingAuthentication: (): StsFault =>
    new StsFault(
      'MissingAuthenticationToken',
      403,
      'Request is missing Authentication Token',
      'authentication',
      'The request has no SigV4 Authorization header. Sign it with the temporary credentials AssumeRoleWithWebIdentity returned.'
    ),
  incompleteSignature: (message: string): StsFault =>
    new StsFault('IncompleteSignature', 400, message, 'authentication'),
  /** A wrong secret, a request changed after signing, a wrong scope, or the clock off by > 5 min. */
  signatureDoesNotMatch: (message: string): StsFault =>
    new StsFault(
      'SignatureDoesNotMatch',
      403,
      message.startsWith('The request signature we calculated')
        ? `${message} Consult the service documentation for details.`
        : message,
      'authentication',
      `${message} The secret access key, the signed bytes and the scope (service sts) must be those the client signed with.`
    ),
  unknownAccessKey: (accessKeyId: string): StsFault =>
    new StsFault(
      'InvalidClientTokenId',
      403,
      'The security token included in the request is invalid.',
      'authentication',
      `The access key ${JSON.stringify(accessKeyId)} was not issued by this STS emulator (or it restarted since). Exchange a web identity token for new credentials.`
    ),
  sessionTokenMismatch: (accessKeyId: string): StsFault =>
    new StsFault(
      'InvalidClientTokenId',
      403,
      'The security token included in the request is invalid.',
      'authentication',
      `The session token sent with ${accessKeyId} is missing or is not the one issued with it; temporary credentials need all three parts (AWS_SESSION_TOKEN too).`
    ),
  expiredCredentials: (expiration: Date): StsFault =>
    new StsFault(
      'ExpiredToken',
      403,
      'The security token included in the request is expired',
      'authentication',
      `The temporary credentials expired at ${expiration.toISOString()}. Exchange a fresh web identity token for new ones.`
    ),
  durationExceedsMax: (durationSeconds: number, maxSessionDuration: number): StsFault =>
    new StsFault(
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      'duration',
      `DurationSeconds ${durationSeconds} is more than the role's MaxSessionDuration ${maxSessionDuration}. Lower sessionDuration, or raise the role's maximum (update-role --max-session-duration, up to 43200).`
    ),
};

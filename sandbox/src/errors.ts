// The typed error every sandbox module throws: a stable `code` plus a message a user can act on.
// It does not decide HTTP statuses; the proxy maps codes to statuses in one place.

/** Every failure the sandbox names, with ToolHive's Go error in the comment where one exists. */
export type ErrorCode =
  /** Any config failure that is not one of the specific codes below (region, mapping shape, duration). */
  | 'INVALID_CONFIG'
  /** ErrInvalidRoleArn */
  | 'INVALID_ROLE_ARN'
  /** ErrInvalidMatcher: a CEL matcher that does not compile or references something undeclared. */
  | 'INVALID_MATCHER'
  /** ErrMissingRoleConfig: neither a fallback role nor any mapping. */
  | 'MISSING_ROLE_CONFIG'
  /** ErrNoRoleMapping: no mapping matched and there is no fallback. */
  | 'NO_ROLE_MAPPING'
  /** Any ExtractSessionName failure: claim absent, not a string, or empty. */
  | 'MISSING_SESSION_NAME_CLAIM'
  /** ErrInvalidSessionName */
  | 'INVALID_SESSION_NAME'
  /** Inbound token refused (signature, issuer, audience, expiry, algorithm, shape). */
  | 'INVALID_TOKEN'
  /** No bearer token on the request. */
  | 'MISSING_TOKEN'
  /** STS refused or failed the AssumeRoleWithWebIdentity call. */
  | 'STS_EXCHANGE_FAILED'
  /** SigV4 signing failed. */
  | 'SIGNING_FAILED'
  /** Input to a command or generator is malformed (files, flags, values). */
  | 'INVALID_INPUT'
  /** A failure the sandbox did not anticipate; the message says what happened, never a stack. */
  | 'INTERNAL';

export class AwsStsError extends Error {
  override readonly name = 'AwsStsError';
  readonly code: ErrorCode;
  /** Field path the error is about, e.g. `awsSts.roleMappings[1].roleArn`, when there is one. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }

  toJSON(): { code: ErrorCode; message: string; path?: string } {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}

export function isAwsStsError(value: unknown): value is AwsStsError {
  return value instanceof AwsStsError;
}

// Owns the credential value that STS hands back: its fields and how it prints (secrets redacted).
// It does not fetch, cache or validate credentials; exchange.ts and cache.ts do that.

const REDACTED = '[REDACTED]';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The fields of a temporary credential set, as `AssumeRoleWithWebIdentity` returns them. */
export interface StsCredentialFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** `AssumedRoleUser.Arn`, e.g. `arn:aws:sts::123456789012:assumed-role/Role/session`. */
  assumedRoleArn?: string;
  /** `SubjectFromWebIdentityToken`: the token's `sub` as STS saw it. */
  subject?: string;
}

/** What a log line or `JSON.stringify` shows of a credential set. */
export interface RedactedStsCredentials {
  accessKeyId: string;
  secretAccessKey: typeof REDACTED;
  sessionToken: typeof REDACTED;
  expiration: string;
  assumedRoleArn?: string;
  subject?: string;
}

/**
 * Temporary AWS credentials whose `toJSON`, `toString` and Node inspection redact the secret
 * access key and the session token.
 * @example
 * const creds = new StsCredentials({ accessKeyId, secretAccessKey, sessionToken, expiration });
 * JSON.stringify(creds); // {"accessKeyId":"ASIA…","secretAccessKey":"[REDACTED]",…}
 */
export class StsCredentials implements StsCredentialFields {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly assumedRoleArn: string | undefined;
  readonly subject: string | undefined;

  constructor(fields: StsCredentialFields) {
    this.accessKeyId = fields.accessKeyId;
    this.secretAccessKey = fields.secretAccessKey;
    this.sessionToken = fields.sessionToken;
    this.expiration = new Date(fields.expiration.getTime());
    this.assumedRoleArn = fields.assumedRoleArn;
    this.subject = fields.subject;
  }

  toJSON(): RedactedStsCredentials {
    const out: RedactedStsCredentials = {
      accessKeyId: this.accessKeyId,
      secretAccessKey: REDACTED,
      sessionToken: REDACTED,
      expiration: Number.isNaN(this.expiration.getTime())
        ? 'Invalid Date'
        : this.expiration.toISOString(),
    };
    if (this.assumedRoleArn !== undefined) out.assumedRoleArn = this.assumedRoleArn;
    if (this.subject !== undefined) out.subject = this.subject;
    return out;
  }

  toString(): string {
    return `StsCredentials(${JSON.stringify(this.toJSON())})`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}

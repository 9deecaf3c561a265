// One emulated AWS account shared by the IAM, STS and AWS MCP Server emulators: the records they
// read and write, keyed the way AWS looks them up. It does no validation of AWS rules (the
// emulators do) and no I/O; it is browser-safe.
import type { IssuedCredentials, OidcProviderRecord, RoleRecord } from './types';

/**
 * A provider URL without its scheme: the form used in provider ARNs and in trust-policy condition
 * keys (`<host/path>:aud`). Path and trailing slash stay.
 * @example oidcProviderHostPath('https://dev-123456.okta.com/oauth2/default') // 'dev-123456.okta.com/oauth2/default'
 */
export function oidcProviderHostPath(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

export interface AccountStateOptions {
  accountId?: string;
  partition?: 'aws' | 'aws-cn' | 'aws-us-gov';
}

export class AccountState {
  readonly accountId: string;
  readonly partition: 'aws' | 'aws-cn' | 'aws-us-gov';
  /** By ARN. */
  readonly oidcProviders = new Map<string, OidcProviderRecord>();
  /** By role name (IAM role names are unique per account, case-insensitively). */
  readonly roles = new Map<string, RoleRecord>();
  /** By access key id. */
  readonly credentials = new Map<string, IssuedCredentials>();

  constructor(options: AccountStateOptions = {}) {
    this.accountId = options.accountId ?? '123456789012';
    this.partition = options.partition ?? 'aws';
  }

  /**
   * `arn:aws:iam::123456789012:oidc-provider/<url without https://>` for a registered URL. A
   * loopback `http://` URL (the local replica's issuer) loses its scheme the same way.
   */
  oidcProviderArn(url: string): string {
    return `arn:${this.partition}:iam::${this.accountId}:oidc-provider/${oidcProviderHostPath(url)}`;
  }

  roleArn(roleName: string, path = '/'): string {
    return `arn:${this.partition}:iam::${this.accountId}:role${path}${roleName}`;
  }

  /** The provider registered for a token's `iss` (exact match of the URL, as IAM requires). */
  findOidcProviderByIssuer(issuer: string): OidcProviderRecord | undefined {
    for (const provider of this.oidcProviders.values()) {
      if (provider.url === issuer) return provider;
    }
    return undefined;
  }

  findRole(roleName: string): RoleRecord | undefined {
    const wanted = roleName.toLowerCase();
    for (const role of this.roles.values()) {
      if (role.roleName.toLowerCase() === wanted) return role;
    }
    return undefined;
  }

  findRoleByArn(arn: string): RoleRecord | undefined {
    for (const role of this.roles.values()) {
      if (role.arn === arn) return role;
    }
    return undefined;
  }

  rememberCredentials(credentials: IssuedCredentials): void {
    this.credentials.set(credentials.accessKeyId, credentials);
  }

  /** Issued credentials for an access key id, or undefined (unknown or forgotten). */
  findCredentials(accessKeyId: string): IssuedCredentials | undefined {
    return this.credentials.get(accessKeyId);
  }

  /** Drops credentials that expired before `now`; returns how many were dropped. */
  forgetExpiredCredentials(now: Date): number {
    let dropped = 0;
    for (const [id, creds] of this.credentials) {
      if (creds.expiration.getTime() <= now.getTime()) {
        this.credentials.delete(id);
        dropped += 1;
      }
    }
    return dropped;
  }
}

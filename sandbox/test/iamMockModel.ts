// Test support: the IAM operations the generated scripts use, on an in-memory AccountState, with
// IAM's errors (NoSuchEntity, EntityAlreadyExists, DeleteConflict, MalformedPolicyDocument,
// LimitExceeded). It does not speak HTTP or XML (iamMockHandlers does); the real emulator replaces it.

import { AccountState } from '../src/emulators/state';
import type { OidcProviderRecord, RoleRecord } from '../src/emulators/state';
import { checkPolicySize, validatePolicy } from '../src/iam';

/** An IAM error with its wire code and HTTP status (from the IAM service model). */
export class IamError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

const noSuchEntity = (message: string) => new IamError('NoSuchEntity', 404, message);
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** The operations, named and shaped as IAM's API. */
export class IamMockModel {
  constructor(readonly state: AccountState = new AccountState()) {}

  createOpenIDConnectProvider(url: string, clientIds: string[]): OidcProviderRecord {
    if (!/^https:\/\/[^/?#:@\s]+(\/[^?#\s]*)?$/.test(url) || url.length > 255) {
      throw new IamError('InvalidInput', 400, `Invalid OpenID Connect Provider URL: ${url}`);
    }
    const arn = this.state.oidcProviderArn(url);
    if (this.state.oidcProviders.has(arn)) {
      throw new IamError('EntityAlreadyExists', 409, `Provider with url ${url} already exists.`);
    }
    const record: OidcProviderRecord = {
      arn,
      url,
      clientIds: [...new Set(clientIds)],
      thumbprints: [],
      createDate: new Date(),
      tags: [],
    };
    this.state.oidcProviders.set(arn, record);
    return record;
  }

  getOpenIDConnectProvider(arn: string): OidcProviderRecord {
    const provider = this.state.oidcProviders.get(arn);
    if (!provider) throw noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
    return provider;
  }

  /** Idempotent, as in IAM: adding a client ID that is there changes nothing. */
  addClientIDToOpenIDConnectProvider(arn: string, clientId: string): void {
    const provider = this.getOpenIDConnectProvider(arn);
    if (!provider.clientIds.includes(clientId)) provider.clientIds.push(clientId);
  }

  deleteOpenIDConnectProvider(arn: string): void {
    this.getOpenIDConnectProvider(arn);
    this.state.oidcProviders.delete(arn);
  }

  createRole(roleName: string, trustPolicy: string, maxSessionDuration = 3600): RoleRecord {
    if (!ROLE_NAME.test(roleName)) {
      throw new IamError('ValidationError', 400, `Invalid role name ${roleName}`);
    }
    if (this.state.findRole(roleName)) {
      throw new IamError('EntityAlreadyExists', 409, `Role with name ${roleName} already exists.`);
    }
    this.checkTrustPolicy(trustPolicy);
    this.checkMaxSessionDuration(maxSessionDuration);
    const role: RoleRecord = {
      roleName,
      roleId: `AROA${Math.random().toString(36).slice(2, 14).toUpperCase().padEnd(12, 'X')}`,
      arn: this.state.roleArn(roleName),
      path: '/',
      assumeRolePolicyDocument: trustPolicy,
      maxSessionDuration,
      createDate: new Date(),
      inlinePolicies: new Map(),
    };
    this.state.roles.set(roleName, role);
    return role;
  }

  getRole(roleName: string): RoleRecord {
    const role = this.state.findRole(roleName);
    if (!role) throw noSuchEntity(`The role with name ${roleName} cannot be found.`);
    return role;
  }

  updateAssumeRolePolicy(roleName: string, trustPolicy: string): void {
    const role = this.getRole(roleName);
    this.checkTrustPolicy(trustPolicy);
    role.assumeRolePolicyDocument = trustPolicy;
  }

  updateRole(roleName: string, maxSessionDuration: number | undefined): void {
    const role = this.getRole(roleName);
    if (maxSessionDuration !== undefined) {
      this.checkMaxSessionDuration(maxSessionDuration);
      role.maxSessionDuration = maxSessionDuration;
    }
  }

  putRolePolicy(roleName: string, policyName: string, document: string): void {
    const role = this.getRole(roleName);
    const parsed = validatePolicy(document, { kind: 'identity' });
    if (!parsed.ok) {
      throw new IamError(
        'MalformedPolicyDocument',
        400,
        parsed.problems[0]?.message ?? 'malformed'
      );
    }
    const others = [...role.inlinePolicies].filter(([name]) => name !== policyName);
    const size = checkPolicySize([...others.map(([, doc]) => doc), document], 'inlineRole');
    if (!size.ok) throw new IamError('LimitExceeded', 409, size.message ?? 'too large');
    role.inlinePolicies.set(policyName, document);
  }

  getRolePolicy(roleName: string, policyName: string): string {
    const document = this.getRole(roleName).inlinePolicies.get(policyName);
    if (document === undefined) {
      throw noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
    }
    return document;
  }

  deleteRolePolicy(roleName: string, policyName: string): void {
    this.getRolePolicy(roleName, policyName);
    this.getRole(roleName).inlinePolicies.delete(policyName);
  }

  deleteRole(roleName: string): void {
    const role = this.getRole(roleName);
    if (role.inlinePolicies.size > 0) {
      throw new IamError(
        'DeleteConflict',
        409,
        'Cannot delete entity, must delete policies first.'
      );
    }
    this.state.roles.delete(role.roleName);
  }

  /** IAM refuses a trust policy that is malformed, too large, or names an unknown provider. */
  private checkTrustPolicy(document: string): void {
    const parsed = validatePolicy(document, { kind: 'trust' });
    if (!parsed.ok) {
      throw new IamError(
        'MalformedPolicyDocument',
        400,
        parsed.problems[0]?.message ?? 'malformed'
      );
    }
    const size = checkPolicySize(document, 'trust');
    if (!size.ok) throw new IamError('LimitExceeded', 409, size.message ?? 'too large');
    for (const statement of parsed.policy.statements) {
      const principal = statement.principal;
      const federated =
        principal === '*' || principal === undefined ? [] : (principal.Federated ?? []);
      for (const arn of federated) {
        if (arn.includes(':oidc-provider/') && !this.state.oidcProviders.has(arn)) {
          throw new IamError(
            'MalformedPolicyDocument',
            400,
            `Invalid principal in policy: "Federated":"${arn}"`
          );
        }
      }
    }
  }

  private checkMaxSessionDuration(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 3600 || seconds > 43200) {
      throw new IamError(
        'ValidationError',
        400,
        `MaxSessionDuration ${seconds} is not between 3600 and 43200`
      );
    }
  }
}

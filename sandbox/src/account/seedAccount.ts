// Seeds an emulated account from generator values: the OIDC provider, then every role with its
// generated trust and permission policy, through the IAM emulator's own operations and rules. It
// makes no HTTP call; the local replica registers over HTTP with the tutorial's `aws iam` calls.

import { AccountState } from '../emulators/state';
import {
  createOidcProvider,
  createRole,
  DEFAULT_MAX_SESSION_DURATION,
  putRolePolicy,
} from '../emulators/iam';
import { formatJson, generatePermissionPolicy, generateTrustPolicy } from '../policy';
import type { GeneratorValues } from '../policy';

export interface SeedOptions {
  /** The trust policies' `aud` condition, when it should differ from the provider's audience. */
  trustAudience?: string;
  /** The `CreateDate` of everything created. Default: now. */
  now?: Date;
}

/**
 * A fresh account as the tutorial's Steps 1 and 2 leave it for `values`: the provider for the
 * issuer with the audience as its client ID, and each role (fallback first) with its trust policy,
 * a longer maximum session when `sessionDuration` needs one, and its inline permission policy.
 * Roles sit at path `/`, as the generator names them. A loopback `http://` issuer is accepted.
 * @example seedAccount(tutorialValuesWith({ issuer: 'https://idp.example.test' })).findRole('DefaultMCPRole')
 */
export function seedAccount(values: GeneratorValues, options: SeedOptions = {}): AccountState {
  const state = new AccountState({ accountId: values.accountId, partition: values.partition });
  const env = { state, now: options.now ?? new Date(), allowLoopbackHttp: true };
  createOidcProvider(env, { url: values.issuer, clientIds: [values.audience] });
  const trustValues = { ...values, audience: options.trustAudience ?? values.audience };
  const longerSessions = values.sessionDuration > DEFAULT_MAX_SESSION_DURATION;
  for (const role of [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles]) {
    createRole(env, {
      roleName: role.name,
      assumeRolePolicyDocument: formatJson(generateTrustPolicy(trustValues, role)),
      ...(longerSessions ? { maxSessionDuration: values.sessionDuration } : {}),
    });
    putRolePolicy(
      env,
      role.name,
      role.policyName,
      formatJson(generatePermissionPolicy(role.permissions))
    );
  }
  return state;
}

// The tutorial's AWS account, built in the page: the generator's values for the in-page issuer,
// registered with the IAM emulator's own operations and rules. It makes no HTTP call.
import { AccountState } from '@toolhive-aws-sts/sandbox/emulators/state';
import { validateAwsSts, type AwsStsConfig } from '@toolhive-aws-sts/sandbox/config';
import {
  formatJson,
  generateAwsStsSpec,
  generatePermissionPolicy,
  generateTrustPolicy,
  TUTORIAL_VALUES,
  validateGeneratorInput,
  type GeneratorValues,
} from '@toolhive-aws-sts/sandbox/policy';
// The IAM emulator's typed operations are browser-safe (only its server.ts is Node), but the
// sandbox package does not export them yet; switch to '@toolhive-aws-sts/sandbox/emulators/iam'
// once it does.
import {
  createOidcProvider,
  createRole,
  putRolePolicy,
} from '@toolhive-aws-sts/sandbox/emulators/iam';

export interface TutorialAccount {
  state: AccountState;
  values: GeneratorValues;
  /** The tutorial's awsSts configuration, as ToolHive loads it. */
  config: AwsStsConfig;
}

/** The tutorial's generator values with `issuer` in place of the example IdP. */
export function tutorialValues(issuer: string): GeneratorValues {
  const checked = validateGeneratorInput({ ...TUTORIAL_VALUES, issuer });
  if (!checked.ok) throw new Error(checked.issues.map((issue) => issue.message).join('; '));
  return checked.values;
}

/** The tutorial's awsSts configuration (role mappings, session name claim, duration). */
export function tutorialConfig(values: GeneratorValues): AwsStsConfig {
  const result = validateAwsSts(generateAwsStsSpec(values));
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
  return result.config;
}

/**
 * An account as the tutorial's Steps 1 and 2 leave it: the OIDC provider for `issuer` with the
 * tutorial's audience, and every role with its generated trust and permission policy. With
 * `trustAudience`, the trust policies' `:aud` condition names that audience instead.
 * @example tutorialAccount('https://idp.example.test').state.findRole('DefaultMCPRole')
 */
export function tutorialAccount(issuer: string, trustAudience?: string): TutorialAccount {
  const values = tutorialValues(issuer);
  const state = new AccountState({ accountId: values.accountId, partition: values.partition });
  const env = { state, now: new Date() };
  createOidcProvider(env, { url: values.issuer, clientIds: [values.audience] });
  const trustValues = { ...values, audience: trustAudience ?? values.audience };
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  for (const role of roles) {
    createRole(env, {
      roleName: role.name,
      assumeRolePolicyDocument: formatJson(generateTrustPolicy(trustValues, role)),
    });
    putRolePolicy(
      env,
      role.name,
      role.policyName,
      formatJson(generatePermissionPolicy(role.permissions))
    );
  }
  return { state, values, config: tutorialConfig(values) };
}

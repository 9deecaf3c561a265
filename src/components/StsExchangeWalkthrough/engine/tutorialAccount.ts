// The tutorial's AWS account, built in the page: the generator's values for the in-page issuer,
// seeded through the IAM emulator's own operations and rules (the sandbox's seedAccount). It
// makes no HTTP call.
import type { AccountState } from '@toolhive-aws-sts/sandbox/emulators/state';
import { awsStsConfigFor, seedAccount } from '@toolhive-aws-sts/sandbox/account';
import type { AwsStsConfig } from '@toolhive-aws-sts/sandbox/config';
import { tutorialValuesWith, type GeneratorValues } from '@toolhive-aws-sts/sandbox/policy';

export interface TutorialAccount {
  state: AccountState;
  values: GeneratorValues;
  /** The tutorial's awsSts configuration, as ToolHive loads it. */
  config: AwsStsConfig;
}

/**
 * An account as the tutorial's Steps 1 and 2 leave it: the OIDC provider for `issuer` with the
 * tutorial's audience, and every role with its generated trust and permission policy. With
 * `trustAudience`, the trust policies' `:aud` condition names that audience instead.
 * @example tutorialAccount('https://idp.example.test').state.findRole('DefaultMCPRole')
 */
export function tutorialAccount(issuer: string, trustAudience?: string): TutorialAccount {
  const values = tutorialValuesWith({ issuer });
  const state = seedAccount(values, trustAudience !== undefined ? { trustAudience } : {});
  return { state, values, config: awsStsConfigFor(values) };
}

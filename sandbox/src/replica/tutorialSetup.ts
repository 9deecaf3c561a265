// The replica's default setup: the tutorial's own example files (TUTORIAL_VALUES through the
// policy generator), with only the issuer replaced by the local one. It does not read user files.

import { tutorialValuesWith } from '../policy';
import { accountSetupFor, type AccountSetup } from './accountSetup';

export interface TutorialSetupOptions {
  /** The local OIDC provider's issuer, e.g. `http://127.0.0.1:4101`. */
  issuer: string;
  /** The tokens' `aud`. Default: the tutorial's (`toolhive-aws`). */
  audience?: string;
  /**
   * Adds the tutorial's optional `sub` condition to every role's trust policy (the stricter
   * variant in Step 2). Default: none, as in the tutorial's `trust-policy.json`.
   */
  restrictSubjects?: readonly string[];
}

/**
 * The tutorial's account: `DefaultMCPRole` (fallback, preset `default`) and `S3ReadOnlyMCPRole`
 * (for `s3-readers`, preset `s3-read-only`), their trust and permission policies, the awsSts
 * configuration and the `aws iam` setup calls, all for the local issuer.
 * @example tutorialSetup({ issuer: 'http://127.0.0.1:4101' }).roles.map((r) => r.name) // ['DefaultMCPRole', 'S3ReadOnlyMCPRole']
 */
export function tutorialSetup(options: TutorialSetupOptions): AccountSetup {
  const values = tutorialValuesWith({
    ...(options.audience !== undefined ? { audience: options.audience } : {}),
    ...(options.restrictSubjects !== undefined
      ? { restrictSubjects: [...options.restrictSubjects] }
      : {}),
  });
  return accountSetupFor(values, options.issuer, 'tutorial');
}

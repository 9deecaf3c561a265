// The awsSts configuration that generator values produce, as ToolHive loads it: the generator's
// spec through the config module's validation. It writes no YAML (the policy generator does).

import { validateAwsSts } from '../config';
import type { AwsStsConfig } from '../config';
import { AwsStsError } from '../errors';
import { generateAwsStsSpec } from '../policy';
import type { GeneratorValues } from '../policy';

/**
 * The configuration the proxy runs for `values` (role mappings, fallback role, session name claim
 * and duration, with every default applied). Checked values always produce a valid one; anything
 * else is an INTERNAL error naming the first problem.
 * @example awsStsConfigFor(tutorialValuesWith()).fallbackRoleArn // 'arn:aws:iam::123456789012:role/DefaultMCPRole'
 */
export function awsStsConfigFor(values: GeneratorValues): AwsStsConfig {
  const result = validateAwsSts(generateAwsStsSpec(values));
  if (!result.ok) {
    const first = result.issues[0];
    throw new AwsStsError(
      'INTERNAL',
      `the generated awsSts configuration is invalid: ${first?.path ?? ''} ${first?.message ?? ''}`
    );
  }
  return result.config;
}

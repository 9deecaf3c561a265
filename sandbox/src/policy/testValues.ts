// Test helper: checked GeneratorValues from input, failing loudly when the input is refused.
// Used only by the tests beside it.

import { TUTORIAL_VALUES } from './input/tutorialValues';
import type { GeneratorInput, GeneratorValues } from './types';
import { validateGeneratorInput } from './input/validateInput';

/**
 * The tutorial's values with `changes` applied, validated.
 * @example valuesWith({ issuer: 'my-tenant.us.auth0.com/' }).providerPath // 'my-tenant.us.auth0.com/'
 */
export function valuesWith(changes: Partial<GeneratorInput> = {}): GeneratorValues {
  const result = validateGeneratorInput({ ...TUTORIAL_VALUES, ...changes });
  if (!result.ok) throw new Error(`test values refused: ${JSON.stringify(result.issues)}`);
  return result.values;
}

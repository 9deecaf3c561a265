// The reader's values from the "Your values" store, as changes to the generator's form. It reads
// the values the store publishes by key: it never writes the store and validates nothing.
import type { ValueKey, ValuesInUse } from '@site/src/components/YourValues/store';
import { TUTORIAL_ROLE_KEY, tutorialFormState, type FormState, type TopField } from './formState';

/** The form's top-level fields that "Your values" also has, under the same names. */
const SHARED_FIELDS = [
  'issuer',
  'audience',
  'accountId',
  'region',
  'namespace',
  'domain',
] as const satisfies readonly (ValueKey & TopField)[];

/**
 * Applies what changed between two sets of reader values: a changed value replaces the form's,
 * a removed one brings back the tutorial's. Fields the reader left alone keep the form's edits.
 * @example applyReaderValues(tutorialFormState(), {}, { region: 'eu-west-2' }).region // 'eu-west-2'
 */
export function applyReaderValues(
  form: FormState,
  before: ValuesInUse,
  after: ValuesInUse
): FormState {
  const tutorial = tutorialFormState();
  const changed = (key: ValueKey) => before[key] !== after[key];
  const next: FormState = { ...form };
  for (const field of SHARED_FIELDS) {
    if (changed(field)) next[field] = after[field] ?? tutorial[field];
  }
  if (changed('defaultRole')) next.fallbackName = after.defaultRole ?? tutorial.fallbackName;
  if (changed('s3Role') || changed('s3Group')) {
    const original = tutorial.roles.find((role) => role.key === TUTORIAL_ROLE_KEY);
    next.roles = form.roles.map((role) => {
      if (role.key !== TUTORIAL_ROLE_KEY || original === undefined) return role;
      const updated = { ...role };
      if (changed('s3Role')) updated.name = after.s3Role ?? original.name;
      if (changed('s3Group') && role.matchBy === 'claim') {
        updated.match = after.s3Group ?? original.match;
      }
      return updated;
    });
  }
  return next;
}

/**
 * The form at the start: the tutorial's values with the reader's on top.
 * @example initialFormState({ accountId: '111122223333' }).accountId // '111122223333'
 */
export function initialFormState(values: ValuesInUse): FormState {
  return applyReaderValues(tutorialFormState(), {}, values);
}

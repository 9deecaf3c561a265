// The reader's values from the "Your values" store, as changes to the generator's form. It reads
// the store's published substitutions only: it never writes the store and validates nothing.
import { FIELDS } from '@site/src/components/YourValues/fields';
import type { ValueKey, YourValuesSnapshot } from '@site/src/components/YourValues/store';
import { TUTORIAL_ROLE_KEY, tutorialFormState, type FormState, type TopField } from './formState';

/** The reader's validated values by key; a key is absent when the tutorial's value applies. */
export type ReaderValues = Partial<Record<ValueKey, string>>;

/** The store publishes `[replaced text, value]`; each field replaces its own placeholder or default. */
const KEY_BY_REPLACED = new Map<string, ValueKey>(
  FIELDS.filter((field) => field.replaces !== '').map((field) => [field.replaces, field.key])
);

/**
 * The values the reader entered (and "Your values" accepted), by key.
 * @example readerValues({ substitutions: [['<ACCOUNT_ID>', '111122223333']], entered: 1, invalid: 0 }).accountId // '111122223333'
 */
export function readerValues(snapshot: YourValuesSnapshot): ReaderValues {
  const values: ReaderValues = {};
  for (const [replaced, value] of snapshot.substitutions) {
    const key = KEY_BY_REPLACED.get(replaced);
    if (key !== undefined) values[key] = value;
  }
  return values;
}

/** The form's top-level fields that "Your values" also has. `<ISSUER>` is written without https://. */
const TOP_FIELDS: readonly (readonly [ValueKey, TopField, (value: string) => string])[] = [
  ['issuer', 'issuer', (value) => `https://${value}`],
  ['audience', 'audience', (value) => value],
  ['accountId', 'accountId', (value) => value],
  ['region', 'region', (value) => value],
  ['namespace', 'namespace', (value) => value],
  ['domain', 'domain', (value) => value],
];

/**
 * Applies what changed between two sets of reader values: a changed value replaces the form's,
 * a removed one brings back the tutorial's. Fields the reader left alone keep the form's edits.
 * @example applyReaderValues(tutorialFormState(), {}, { region: 'eu-west-2' }).region // 'eu-west-2'
 */
export function applyReaderValues(
  form: FormState,
  before: ReaderValues,
  after: ReaderValues
): FormState {
  const tutorial = tutorialFormState();
  const changed = (key: ValueKey) => before[key] !== after[key];
  const next: FormState = { ...form };
  for (const [key, field, toForm] of TOP_FIELDS) {
    if (!changed(key)) continue;
    const value = after[key];
    next[field] = value === undefined ? tutorial[field] : toForm(value);
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
export function initialFormState(values: ReaderValues): FormState {
  return applyReaderValues(tutorialFormState(), {}, values);
}

// Checks the reader's values with the policy generator's own validation and turns the valid ones
// into code-block substitutions and keyed values. Its only rules are trimming and field paths.
import {
  fieldPathText,
  TUTORIAL_VALUES,
  validateGeneratorInput,
  type FieldPath,
  type GeneratorInput,
  type GeneratorValues,
  type InputIssue,
} from '@toolhive-aws-sts/sandbox/policy';
import { FIELDS } from './fields';
import { VALUE_KEYS, type ValueKey, type ValuesInUse, type YourValuesSnapshot } from './store';

export type RawValues = Record<ValueKey, string>;

export interface FieldCheck {
  status: 'empty' | 'valid' | 'invalid';
  /** Why the value is invalid (the generator's message). */
  message?: string;
  /** Something worth knowing about a valid value, e.g. the normalised issuer. */
  note?: string;
}

export interface ValuesCheck {
  fields: Record<ValueKey, FieldCheck>;
  /** Problems that belong to no single field. */
  general: string[];
  /** What the code blocks and the generator receive. */
  snapshot: YourValuesSnapshot;
}

export const EMPTY_VALUES: RawValues = Object.fromEntries(
  VALUE_KEYS.map((key) => [key, ''])
) as RawValues;

/** The values the generator checks; the client ID is not one of its fields. */
type GeneratorKey = Exclude<ValueKey, 'clientId'>;
type Entered = Partial<Record<GeneratorKey, string>>;

/** Where each value sits in the generator's input (and in its checked values). */
const INPUT_PATHS: Record<GeneratorKey, FieldPath> = {
  issuer: ['issuer'],
  audience: ['audience'],
  accountId: ['accountId'],
  region: ['region'],
  defaultRole: ['fallbackRole', 'name'],
  s3Role: ['roles', 0, 'name'],
  s3Group: ['roles', 0, 'claim'],
  namespace: ['namespace'],
  domain: ['domain'],
};

/** The value whose field is at `path`; the partition, derived from the region, is the region's. */
const KEY_AT = new Map<string, GeneratorKey>([
  ...Object.entries(INPUT_PATHS).map(
    ([key, path]) => [fieldPathText(path), key as GeneratorKey] as const
  ),
  ['partition', 'region'],
]);

const FIELD_BY_KEY = new Map(FIELDS.map((field) => [field.key, field]));

/** Nested paths (`roles[0].name`) as the form's labels, for the generator's messages. */
const LABELS: [string, string][] = Object.entries(INPUT_PATHS)
  .filter(([, path]) => path.length > 1)
  .map(([key, path]) => [fieldPathText(path), FIELD_BY_KEY.get(key as ValueKey)?.label ?? key]);

function readable(message: string): string {
  return LABELS.reduce((text, [path, label]) => text.split(path).join(label), message);
}

type Node = Record<string | number, unknown>;

function valueAt(root: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((node, part) => (node as Node | undefined)?.[part], root);
}

/** The generator's input: the tutorial's values, with each entered value at its path. */
function toGeneratorInput(using: Entered): GeneratorInput {
  // Without an explicit partition the generator derives it from the region.
  const { partition: _partition, ...base } = TUTORIAL_VALUES;
  const input = structuredClone(base) as GeneratorInput;
  for (const [key, value] of Object.entries(using)) {
    const path = INPUT_PATHS[key as GeneratorKey];
    (valueAt(input, path.slice(0, -1)) as Node)[path.at(-1)!] = value;
  }
  return input;
}

/** The entered value an issue is about: at its own field, or one it involves (a duplicate name). */
function keyFor(found: InputIssue, using: Entered) {
  return [found.fieldPath, ...(found.relatedPaths ?? [])]
    .map((path) => KEY_AT.get(fieldPathText(path)))
    .find((key) => key !== undefined && using[key] !== undefined);
}

interface Settled {
  values?: GeneratorValues;
  notes: string[];
  /** The generator's messages for each entered value it refused. */
  refused: Map<GeneratorKey, string[]>;
  general: string[];
}

/**
 * Validates the entered values together. The generator checks the values as a whole (duplicate
 * names, then the generated files), so a refused value falls back to the tutorial's and the rest
 * is checked again: each round drops at least one value, until they pass or no problem left
 * belongs to an entered value.
 */
function settle(entered: Entered): Settled {
  const using = { ...entered };
  const refused = new Map<GeneratorKey, string[]>();
  for (;;) {
    const result = validateGeneratorInput(toGeneratorInput(using));
    if (result.ok) return { values: result.values, notes: result.notes, refused, general: [] };
    const placed = result.issues.flatMap((found) => {
      const key = keyFor(found, using);
      return key === undefined ? [] : [{ key, message: readable(found.message) }];
    });
    if (placed.length === 0) {
      return { notes: [], refused, general: result.issues.map((found) => readable(found.message)) };
    }
    for (const { key, message } of placed) refused.set(key, [...(refused.get(key) ?? []), message]);
    for (const { key } of placed) delete using[key];
  }
}

/**
 * Validates every entered value (empty ones keep the tutorial's placeholder or default) and
 * returns per-field results, the substitutions of the valid ones and the values in use.
 * @example checkYourValues({ ...EMPTY_VALUES, accountId: '12' }).fields.accountId.status // 'invalid'
 */
export function checkYourValues(raw: RawValues): ValuesCheck {
  const fields = {} as Record<ValueKey, FieldCheck>;
  const entered: Entered = {};
  for (const key of VALUE_KEYS) {
    const value = raw[key].trim();
    fields[key] = { status: value === '' ? 'empty' : 'valid' };
    if (value !== '' && key !== 'clientId') entered[key] = value;
  }
  const clientId = raw.clientId.trim();
  if (/\s/.test(clientId)) {
    fields.clientId = { status: 'invalid', message: 'a client ID has no white space' };
  }

  const { values, notes, refused, general } = settle(entered);
  for (const [key, messages] of refused) {
    fields[key] = { status: 'invalid', message: messages.join(' ') };
  }

  const substitutions: [string, string][] = [];
  const inUse: Partial<Record<ValueKey, string>> = {};
  if (values !== undefined) {
    for (const key of VALUE_KEYS) {
      const value = key === 'clientId' ? clientId : valueAt(values, INPUT_PATHS[key]);
      if (fields[key].status !== 'valid' || typeof value !== 'string') continue;
      // The code writes the issuer without https://, as IAM names the provider.
      const replacement = key === 'issuer' ? values.providerPath : value;
      const replaces = FIELD_BY_KEY.get(key)?.replaces ?? '';
      if (replacement === replaces) continue;
      substitutions.push([replaces, replacement]);
      inUse[key] = value;
    }
    if (fields.issuer.status === 'valid') {
      fields.issuer.note = `Provider URL ${values.issuer}; IAM names it ${values.providerPath}`;
    }
    const regionNotes: string[] = [];
    if (fields.region.status === 'valid' && values.partition !== 'aws') {
      substitutions.push(['arn:aws:', `arn:${values.partition}:`]);
      const why = notes.find((note) => note.startsWith('partition')) ?? values.partition;
      regionNotes.push(`ARNs in the code use arn:${values.partition}: (${why}).`);
    }
    const notListed = notes.find((note) => note.startsWith('region '));
    if (fields.region.status === 'valid' && notListed) regionNotes.push(`Note: ${notListed}.`);
    if (regionNotes.length > 0) fields.region.note = regionNotes.join(' ');
  }
  const count = (status: FieldCheck['status']) =>
    VALUE_KEYS.filter((key) => fields[key].status === status).length;
  const snapshot = {
    inUse: inUse as ValuesInUse,
    substitutions,
    entered: VALUE_KEYS.length - count('empty'),
    invalid: count('invalid'),
  };
  return { fields, general, snapshot };
}

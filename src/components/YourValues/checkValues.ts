// Checks the reader's values with the policy generator's own validation and turns the valid ones
// into code-block substitutions. It has no rules of its own beyond trimming and field mapping.
import {
  TUTORIAL_VALUES,
  validateGeneratorInput,
  type GeneratorInput,
  type GeneratorValues,
  type InputIssue,
} from '@toolhive-aws-sts/sandbox/policy';
import { FIELDS } from './fields';
import { VALUE_KEYS, type ValueKey, type YourValuesSnapshot } from './store';

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
  /** What the code blocks receive. */
  snapshot: YourValuesSnapshot;
}

export const EMPTY_VALUES: RawValues = Object.fromEntries(
  VALUE_KEYS.map((key) => [key, ''])
) as RawValues;

/** Which field an issue of `validateGeneratorInput` is about, by its path. */
const ISSUE_FIELDS: Record<string, ValueKey> = {
  issuer: 'issuer',
  audience: 'audience',
  accountId: 'accountId',
  region: 'region',
  partition: 'region',
  namespace: 'namespace',
  domain: 'domain',
  'fallbackRole.name': 'defaultRole',
  'roles[0].name': 's3Role',
  'roles[0].claim': 's3Group',
};

/** Role paths as the form names them, for messages that mention another role. */
const ROLE_PATHS: [string, ValueKey][] = [
  ['fallbackRole.name', 'defaultRole'],
  ['roles[0].name', 's3Role'],
  ['roles[0].claim', 's3Group'],
];

const REPLACES = Object.fromEntries(FIELDS.map((field) => [field.key, field.replaces])) as Record<
  ValueKey,
  string
>;

/** The generator's input: the tutorial's values, overridden by the reader's. */
function toGeneratorInput(values: Partial<RawValues>): GeneratorInput {
  // Without an explicit partition the generator derives it from the region.
  const { partition: _partition, ...base } = TUTORIAL_VALUES;
  const [role, ...otherRoles] = base.roles ?? [];
  const input: GeneratorInput = {
    ...base,
    issuer: values.issuer ?? base.issuer,
    audience: values.audience ?? base.audience,
    accountId: values.accountId ?? base.accountId,
    region: values.region ?? base.region,
    namespace: values.namespace ?? base.namespace,
    domain: values.domain ?? base.domain,
  };
  if (base.fallbackRole) {
    input.fallbackRole = {
      ...base.fallbackRole,
      name: values.defaultRole ?? base.fallbackRole.name,
    };
  }
  if (role) {
    input.roles = [
      { ...role, name: values.s3Role ?? role.name, claim: values.s3Group ?? role.claim },
      ...otherRoles,
    ];
  }
  return input;
}

/** The entered field an issue is about: its own path, or a role it names (duplicate names). */
function fieldFor(found: InputIssue, using: Partial<RawValues>): ValueKey | undefined {
  const own = Object.hasOwn(ISSUE_FIELDS, found.path) ? ISSUE_FIELDS[found.path] : undefined;
  if (own !== undefined && using[own] !== undefined) return own;
  return ROLE_PATHS.find(
    ([path, key]) => found.message.includes(path) && using[key] !== undefined
  )?.[1];
}

/** The generator's messages name fields by input path; the form names them by label. */
function readable(message: string): string {
  return ROLE_PATHS.reduce((text, [path, key]) => {
    const label = FIELDS.find((field) => field.key === key)?.label ?? path;
    return text.split(path).join(label);
  }, message);
}

/**
 * Validates every entered value (empty ones keep the tutorial's placeholder or default) and
 * returns per-field results and the substitutions of the valid ones.
 * @example checkYourValues({ ...EMPTY_VALUES, accountId: '12' }).fields.accountId.status // 'invalid'
 */
export function checkYourValues(raw: RawValues): ValuesCheck {
  const fields = {} as Record<ValueKey, FieldCheck>;
  const using: Partial<RawValues> = {};
  for (const key of VALUE_KEYS) {
    const value = raw[key].trim();
    fields[key] = { status: value === '' ? 'empty' : 'valid' };
    if (value !== '' && key !== 'clientId') using[key] = value;
  }
  const clientId = raw.clientId.trim();
  if (/\s/.test(clientId)) {
    fields.clientId = { status: 'invalid', message: 'a client ID has no white space' };
  }

  let general: string[] = [];
  let values: GeneratorValues | undefined;
  let notes: string[] = [];
  // Invalid fields fall back to the tutorial's value, so the rest can still be used.
  for (let round = 0; round <= VALUE_KEYS.length; round++) {
    const result = validateGeneratorInput(toGeneratorInput(using));
    if (result.ok) {
      values = result.values;
      notes = result.notes;
      break;
    }
    const ours = result.issues.flatMap((found) => {
      const key = fieldFor(found, using);
      return key === undefined ? [] : [{ key, message: readable(found.message) }];
    });
    if (ours.length === 0) {
      general = result.issues.map((found) => readable(found.message));
      break;
    }
    for (const { key, message } of ours) {
      const previous = fields[key].status === 'invalid' ? `${fields[key].message ?? ''} ` : '';
      fields[key] = { status: 'invalid', message: `${previous}${message}` };
    }
    for (const { key } of ours) delete using[key];
  }

  const substitutions: [string, string][] = [];
  if (values !== undefined) {
    const [role] = values.roles;
    const validated: Record<ValueKey, string | undefined> = {
      issuer: values.providerPath,
      audience: values.audience,
      clientId,
      accountId: values.accountId,
      region: values.region,
      defaultRole: values.fallbackRole?.name,
      s3Role: role?.name,
      s3Group: role?.claim,
      namespace: values.namespace,
      domain: values.domain,
    };
    for (const key of VALUE_KEYS) {
      const value = validated[key];
      if (fields[key].status !== 'valid' || value === undefined) continue;
      if (value !== REPLACES[key]) substitutions.push([REPLACES[key], value]);
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
  const entered = VALUE_KEYS.filter((key) => fields[key].status !== 'empty').length;
  const invalid = VALUE_KEYS.filter((key) => fields[key].status === 'invalid').length;
  return { fields, general, snapshot: { substitutions, entered, invalid } };
}

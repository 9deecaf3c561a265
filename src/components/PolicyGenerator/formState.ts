// The generator form's state (text as typed, one entry per control) and its translation into the
// generator's input. It checks nothing: every rule and message comes from validateGeneratorInput.
import {
  TUTORIAL_VALUES,
  type INPUT_FIELDS,
  type GeneratorInput,
  type MappedRoleInput,
  type PermissionPresetName,
} from '@toolhive-aws-sts/sandbox/policy';

/** One mapped role as the form holds it; `key` keeps React's identity across edits. */
export interface FormRole {
  key: number;
  name: string;
  matchBy: 'claim' | 'matcher';
  /** The claim value or the CEL expression, depending on `matchBy`. */
  match: string;
  priority: string;
  permissions: PermissionPresetName;
}

/** Every control of the form, as typed. */
export interface FormState {
  issuer: string;
  audience: string;
  accountId: string;
  region: string;
  namespace: string;
  domain: string;
  roleClaim: string;
  sessionNameClaim: string;
  sessionDuration: string;
  /** One subject per line. */
  restrictSubjects: string;
  /** VirtualMCPServer only; empty leaves it out. */
  subjectProviderName: string;
  useFallback: boolean;
  fallbackName: string;
  fallbackPermissions: PermissionPresetName;
  roles: FormRole[];
  /** The next role key. */
  nextKey: number;
}

/** A field of the generator's values. */
export type InputField = (typeof INPUT_FIELDS)[number];

/**
 * The form's top-level text fields, which map one to one onto the generator's input. The
 * partition follows the region, and the roles have controls of their own.
 */
export type TopField = Exclude<InputField, 'partition' | 'fallbackRole' | 'roles'>;

/** The key of the tutorial's mapped role (S3 readers), which follows the reader's S3 values. */
export const TUTORIAL_ROLE_KEY = 0;

function roleFromInput(role: MappedRoleInput, key: number): FormRole {
  return {
    key,
    name: role.name,
    matchBy: role.matcher !== undefined ? 'matcher' : 'claim',
    match: role.matcher ?? role.claim ?? '',
    priority: role.priority === undefined ? '' : String(role.priority),
    permissions: typeof role.permissions === 'string' ? role.permissions : 'default',
  };
}

/** The tutorial's values as form state (the starting point before the reader's own values). */
export function tutorialFormState(): FormState {
  const base = TUTORIAL_VALUES;
  const roles = (base.roles ?? []).map((role, index) => roleFromInput(role, index));
  return {
    issuer: base.issuer,
    audience: base.audience,
    accountId: base.accountId,
    region: base.region,
    namespace: base.namespace,
    domain: base.domain,
    roleClaim: base.roleClaim ?? '',
    sessionNameClaim: base.sessionNameClaim ?? '',
    sessionDuration: base.sessionDuration === undefined ? '' : String(base.sessionDuration),
    restrictSubjects: (base.restrictSubjects ?? []).join('\n'),
    subjectProviderName: base.subjectProviderName ?? '',
    useFallback: base.fallbackRole !== undefined,
    fallbackName: base.fallbackRole?.name ?? 'DefaultMCPRole',
    fallbackPermissions:
      typeof base.fallbackRole?.permissions === 'string'
        ? base.fallbackRole.permissions
        : 'default',
    roles,
    nextKey: roles.length,
  };
}

/** A new, empty mapped role, matched by a claim value like the tutorial's. */
export function newRole(key: number): FormRole {
  return { key, name: '', matchBy: 'claim', match: '', priority: '', permissions: 'default' };
}

/** Digits become a number; anything else goes through as typed, for the generator to refuse. */
function numberOrText(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * The generator's input for the form. Empty optional fields are left out (the generator's
 * defaults apply); the partition is left out so the generator derives it from the region.
 * @example toGeneratorInput(tutorialFormState()).roles?.[0]?.claim // 's3-readers'
 */
export function toGeneratorInput(form: FormState): GeneratorInput {
  const text = (value: string) => value.trim();
  const input: GeneratorInput = {
    issuer: text(form.issuer),
    audience: text(form.audience),
    accountId: text(form.accountId),
    region: text(form.region),
    namespace: text(form.namespace),
    domain: text(form.domain),
  };
  if (text(form.roleClaim) !== '') input.roleClaim = text(form.roleClaim);
  if (text(form.sessionNameClaim) !== '') input.sessionNameClaim = text(form.sessionNameClaim);
  if (text(form.sessionDuration) !== '') {
    // The generator names the type it found, so a typed word reaches it unchanged.
    input.sessionDuration = numberOrText(text(form.sessionDuration)) as number;
  }
  const subjects = form.restrictSubjects
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (subjects.length > 0) input.restrictSubjects = subjects;
  if (text(form.subjectProviderName) !== '')
    input.subjectProviderName = text(form.subjectProviderName);
  if (form.useFallback) {
    input.fallbackRole = { name: text(form.fallbackName), permissions: form.fallbackPermissions };
  }
  input.roles = form.roles.map((role) => {
    const mapped: MappedRoleInput = { name: text(role.name), permissions: role.permissions };
    if (role.matchBy === 'claim') mapped.claim = text(role.match);
    else mapped.matcher = role.match.trim();
    if (text(role.priority) !== '') mapped.priority = numberOrText(text(role.priority)) as number;
    return mapped;
  });
  return input;
}

// Where the generator's issues belong in the form: each issue's field path (`['accountId']`,
// `['roles', 1, 'matcher']`, …) to the control that fixes it. The messages are the generator's.
import { INPUT_FIELDS, type FieldPath, type InputIssue } from '@toolhive-aws-sts/sandbox/policy';
import type { InputField, TopField } from './formState';

/** A control of the form: a top-level field, or `fallbackRole.name`, `roles[2].match`, … */
export type FieldId = TopField | `fallbackRole.${'name' | 'permissions'}` | RoleFieldId;
export type RoleFieldId = `roles[${number}].${'name' | 'match' | 'priority' | 'permissions'}`;

/** `roles[1].name` for role 1's name control. */
export function roleField(
  index: number,
  field: 'name' | 'match' | 'priority' | 'permissions'
): RoleFieldId {
  return `roles[${index}].${field}`;
}

/** The control for what is below a field (`roles[1].matcher` → role 1's match control). */
type Place = (rest: FieldPath) => FieldId | undefined;

/**
 * Each field of the generator's values and its control; a top-level field's issues at any depth
 * (`restrictSubjects[2]`) are its own control's.
 */
const CONTROLS: Record<InputField, TopField | Place> = {
  issuer: 'issuer',
  audience: 'audience',
  accountId: 'accountId',
  // The form leaves the partition out; the generator derives it from the region.
  partition: 'region',
  region: 'region',
  namespace: 'namespace',
  domain: 'domain',
  roleClaim: 'roleClaim',
  sessionNameClaim: 'sessionNameClaim',
  sessionDuration: 'sessionDuration',
  subjectProviderName: 'subjectProviderName',
  restrictSubjects: 'restrictSubjects',
  fallbackRole: ([field]) => {
    if (field === undefined || field === 'name') return 'fallbackRole.name';
    return field === 'permissions' ? 'fallbackRole.permissions' : undefined;
  },
  roles: ([index, field]) => {
    if (typeof index !== 'number') return undefined;
    // "needs claim or matcher" is reported on the role itself.
    if (field === undefined || field === 'claim' || field === 'matcher') {
      return roleField(index, 'match');
    }
    if (field === 'name' || field === 'priority' || field === 'permissions') {
      return roleField(index, field);
    }
    return undefined;
  },
};

const isInputField = (key: unknown): key is InputField =>
  (INPUT_FIELDS as readonly unknown[]).includes(key);

/**
 * The control an issue's field path belongs to, or undefined for the values as a whole.
 * @example fieldForIssue(['roles', 1, 'matcher']) // 'roles[1].match'
 * @example fieldForIssue(['restrictSubjects', 0]) // 'restrictSubjects'
 */
export function fieldForIssue(fieldPath: FieldPath): FieldId | undefined {
  const [top, ...rest] = fieldPath;
  if (!isInputField(top)) return undefined;
  const control = CONTROLS[top];
  return typeof control === 'string' ? control : control(rest);
}

/** The issues, each with the control it belongs to (if any), in the generator's order. */
export interface PlacedIssue {
  field?: FieldId;
  message: string;
}

/** Issues placed on their controls, and the messages per control. */
export interface PlacedIssues {
  all: PlacedIssue[];
  byField: ReadonlyMap<FieldId, string[]>;
}

/**
 * Places every issue on its control.
 * @example placeIssues(validateGeneratorInput({ …, accountId: '12' }).issues).byField.get('accountId')
 */
export function placeIssues(issues: readonly InputIssue[]): PlacedIssues {
  const byField = new Map<FieldId, string[]>();
  const all = issues.map((issue): PlacedIssue => {
    const field = fieldForIssue(issue.fieldPath);
    if (field === undefined) return { message: issue.message };
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    return { field, message: issue.message };
  });
  return { all, byField };
}

export const NO_ISSUES: PlacedIssues = { all: [], byField: new Map() };

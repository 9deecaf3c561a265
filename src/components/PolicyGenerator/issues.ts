// Where the generator's issues belong in the form: each issue's path (`accountId`,
// `roles[1].matcher`, …) to the control that fixes it. The messages are the generator's, unchanged.
import type { InputIssue } from '@toolhive-aws-sts/sandbox/policy';
import type { TopField } from './formState';

/** A control of the form: a top-level field, or `fallbackRole.name`, `roles[2].match`, … */
export type FieldId = TopField | `fallbackRole.${'name' | 'permissions'}` | RoleFieldId;
export type RoleFieldId = `roles[${number}].${'name' | 'match' | 'priority' | 'permissions'}`;

const TOP_FIELDS: ReadonlySet<string> = new Set<TopField>([
  'issuer',
  'audience',
  'accountId',
  'region',
  'namespace',
  'domain',
  'roleClaim',
  'sessionNameClaim',
  'sessionDuration',
  'restrictSubjects',
  'subjectProviderName',
]);

/** `roles[1].name` for role 1's name control. */
export function roleField(
  index: number,
  field: 'name' | 'match' | 'priority' | 'permissions'
): RoleFieldId {
  return `roles[${index}].${field}`;
}

/**
 * The control an issue is about, or undefined when it concerns the values as a whole.
 * @example fieldForIssue('roles[1].matcher') // 'roles[1].match'
 * @example fieldForIssue('restrictSubjects[0]') // 'restrictSubjects'
 */
export function fieldForIssue(path: string): FieldId | undefined {
  const role = /^(fallbackRole|roles\[(\d+)\])(?:\.([A-Za-z]+))?/.exec(path);
  if (role !== null) {
    const [, owner, index, field] = role;
    if (owner === 'fallbackRole') {
      if (field === undefined || field === 'name') return 'fallbackRole.name';
      return field === 'permissions' ? 'fallbackRole.permissions' : undefined;
    }
    const at = Number(index);
    // "needs claim or matcher" is reported on the role itself.
    if (field === undefined || field === 'claim' || field === 'matcher')
      return roleField(at, 'match');
    if (field === 'name' || field === 'priority' || field === 'permissions')
      return roleField(at, field);
    return undefined;
  }
  const top = /^[A-Za-z]+/.exec(path)?.[0];
  if (top === 'partition') return 'region';
  return top !== undefined && TOP_FIELDS.has(top) ? (top as TopField) : undefined;
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
 * @example placeIssues([{ path: 'accountId', message: '…' }]).byField.get('accountId') // ['…']
 */
export function placeIssues(issues: readonly InputIssue[]): PlacedIssues {
  const byField = new Map<FieldId, string[]>();
  const all = issues.map((issue): PlacedIssue => {
    const field = fieldForIssue(issue.path);
    if (field === undefined) return { message: issue.message };
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    return { field, message: issue.message };
  });
  return { all, byField };
}

export const NO_ISSUES: PlacedIssues = { all: [], byField: new Map() };

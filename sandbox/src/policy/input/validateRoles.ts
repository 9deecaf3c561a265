// Checks the roles of the values: the fallback role and each mapped role (name, claim or CEL
// matcher, priority, permissions, subjects), and duplicate names. Top-level fields are validateInput's.

import { INT32_MAX } from '../../config';
import { describeType } from '../../config/issues';
import { matcherProblem } from '../../roles';
import {
  checkString,
  childPath,
  FALLBACK_ROLE_FIELDS,
  has,
  inputIssue,
  isObject,
  PERMISSION_FIELDS,
  requiredString,
  ROLE_FIELDS,
  stringList,
  unknownFields,
} from './inputChecks';
import { ROLE_NAME_PATTERN } from '../names';
import { isPresetName, PRESET_NAMES } from '../iam-policies/presets';
import type { InputIssue, Permissions } from '../types';

/** A role whose own fields are valid; the ARN is added once account and partition are known. */
export interface RoleDraft {
  path: string;
  name: string;
  permissions: Permissions;
  /** Undefined when the role does not set its own list. */
  restrictSubjects?: string[];
  claim?: string;
  matcher?: string;
  priority?: number;
}

type Checked<T> = { value: T; issues: [] } | { value?: undefined; issues: InputIssue[] };

const ACTION_PATTERN = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;
const PERMISSIONS_EXAMPLE = `use a preset (${PRESET_NAMES.join(', ')}) or {actions: ["s3:GetObject"], resources: ["arn:aws:s3:::my-bucket/*"]}`;
const SUBJECTS_EXAMPLE = 'e.g. restrictSubjects: ["alice@example.com"], or [] for any subject';

/**
 * Checks `fallbackRole` (`mapped` false) or one `roles[i]` entry (`mapped` true).
 * @example checkRole({ name: 'DefaultMCPRole', permissions: 'default' }, 'fallbackRole', false).issues // []
 */
export function checkRole(raw: unknown, path: string, mapped: boolean): Checked<RoleDraft> {
  if (!isObject(raw)) {
    const example = mapped
      ? '{name: S3ReadOnlyMCPRole, claim: s3-readers, permissions: s3-read-only}'
      : '{name: DefaultMCPRole, permissions: default}';
    return fail([
      inputIssue(path, `${path} must be an object, got ${describeType(raw)}: e.g. ${example}`),
    ]);
  }
  const issues: InputIssue[] = [];
  const draft: Partial<RoleDraft> = { path };

  const name = requiredString(raw, path, 'name', 'an IAM role name, e.g. S3ReadOnlyMCPRole');
  if ('issue' in name) issues.push(name.issue);
  else if (!ROLE_NAME_PATTERN.test(name.value)) {
    issues.push(
      inputIssue(
        childPath(path, 'name'),
        `${childPath(path, 'name')} "${name.value}" is not a valid IAM role name: use 1 to 64 letters, digits and _+=,.@- (no spaces or slashes)`
      )
    );
  } else draft.name = name.value;

  const permissions = checkPermissions(
    raw.permissions,
    childPath(path, 'permissions'),
    has(raw, 'permissions')
  );
  if (permissions.issues.length > 0) issues.push(...permissions.issues);
  else draft.permissions = permissions.value;

  if (has(raw, 'restrictSubjects')) {
    const subjects = stringList(
      raw.restrictSubjects,
      childPath(path, 'restrictSubjects'),
      SUBJECTS_EXAMPLE
    );
    if ('issues' in subjects) issues.push(...subjects.issues);
    else draft.restrictSubjects = subjects.value;
  }

  if (mapped) issues.push(...checkSelection(raw, path, draft));
  issues.push(...unknownFields(raw, path, mapped ? ROLE_FIELDS : FALLBACK_ROLE_FIELDS));
  return issues.length > 0 ? fail(issues) : { value: draft as RoleDraft, issues: [] };
}

/** Exactly one of `claim` or `matcher` (a CEL expression that compiles), and `priority`. */
function checkSelection(
  raw: Record<string, unknown>,
  path: string,
  draft: Partial<RoleDraft>
): InputIssue[] {
  const issues: InputIssue[] = [];
  const hasClaim = has(raw, 'claim');
  const hasMatcher = has(raw, 'matcher');
  if (hasClaim === hasMatcher) {
    const why = hasClaim ? 'has both claim and matcher' : 'needs claim or matcher';
    issues.push(
      inputIssue(
        path,
        `${path} ${why}: set exactly one, e.g. claim: s3-readers (a value of the role claim) or matcher: '"admins" in claims["groups"]' (a CEL expression)`
      )
    );
  }
  if (hasClaim) {
    const claim = checkString(
      raw.claim,
      childPath(path, 'claim'),
      'a value of the role claim, e.g. s3-readers'
    );
    if ('issue' in claim) issues.push(claim.issue);
    else draft.claim = claim.value;
  }
  if (hasMatcher) {
    const matcherPath = childPath(path, 'matcher');
    const matcher = checkString(
      raw.matcher,
      matcherPath,
      `a CEL expression, e.g. '"admins" in claims["groups"]'`
    );
    if ('issue' in matcher) issues.push(matcher.issue);
    else {
      const problem = matcherProblem(matcher.value);
      if (problem === undefined) draft.matcher = matcher.value;
      else {
        issues.push(
          inputIssue(
            matcherPath,
            `${matcherPath} does not compile as ToolHive's CEL matcher: ${problem}; it may use only the variable claims, e.g. '"admins" in claims["groups"]'`
          )
        );
      }
    }
  }
  if (has(raw, 'priority')) {
    const priority = raw.priority;
    const priorityPath = childPath(path, 'priority');
    if (
      typeof priority !== 'number' ||
      !Number.isInteger(priority) ||
      priority < 0 ||
      priority > INT32_MAX
    ) {
      issues.push(
        inputIssue(
          priorityPath,
          `${priorityPath} must be a whole number from 0 to ${INT32_MAX}, got ${JSON.stringify(priority)}: lower wins, e.g. priority: 10`
        )
      );
    } else draft.priority = priority;
  }
  return issues;
}

/**
 * A preset name or `{actions, resources}`.
 * @example checkPermissions('s3-read-only', 'roles[0].permissions', true).value // 's3-read-only'
 */
export function checkPermissions(
  raw: unknown,
  path: string,
  present: boolean
): Checked<Permissions> {
  if (!present) return fail([inputIssue(path, `${path} is required: ${PERMISSIONS_EXAMPLE}`)]);
  if (typeof raw === 'string') {
    if (isPresetName(raw)) return { value: raw, issues: [] };
    return fail([inputIssue(path, `${path}: unknown preset "${raw}": ${PERMISSIONS_EXAMPLE}`)]);
  }
  if (!isObject(raw)) {
    return fail([
      inputIssue(
        path,
        `${path} must be a preset name or an object, got ${describeType(raw)}: ${PERMISSIONS_EXAMPLE}`
      ),
    ]);
  }
  const issues: InputIssue[] = unknownFields(raw, path, PERMISSION_FIELDS);
  const actions = nonEmptyList(
    raw,
    path,
    'actions',
    'e.g. actions: ["s3:GetObject", "s3:ListBucket"]'
  );
  const resources = nonEmptyList(
    raw,
    path,
    'resources',
    'e.g. resources: ["*"] or ["arn:aws:s3:::my-bucket"]'
  );
  if ('issues' in actions) issues.push(...actions.issues);
  else {
    actions.value.forEach((action, i) => {
      const at = `${path}.actions[${i}]`;
      if (/^aws-mcp:/i.test(action)) {
        issues.push(
          inputIssue(
            at,
            `${at} "${action}": the aws-mcp:* actions were retired on 2026-03-24 and have no effect; list the service actions the tools call instead (e.g. s3:ListBucket); the generator limits them to calls through MCP`
          )
        );
      } else if (!ACTION_PATTERN.test(action)) {
        issues.push(
          inputIssue(
            at,
            `${at} "${action}" is not an IAM action: write service:Action, e.g. s3:GetObject or ec2:Describe*`
          )
        );
      }
    });
  }
  if ('issues' in resources) issues.push(...resources.issues);
  else {
    resources.value.forEach((resource, i) => {
      const at = `${path}.resources[${i}]`;
      if (resource !== '*' && !/^arn:\S+$/.test(resource)) {
        issues.push(
          inputIssue(
            at,
            `${at} "${resource}" is not a resource: write "*" or an ARN, e.g. arn:aws:s3:::my-bucket/*`
          )
        );
      }
    });
  }
  if (issues.length > 0 || 'issues' in actions || 'issues' in resources) return fail(issues);
  return { value: { actions: actions.value, resources: resources.value }, issues: [] };
}

function nonEmptyList(
  raw: Record<string, unknown>,
  path: string,
  key: string,
  example: string
): { value: string[] } | { issues: InputIssue[] } {
  const at = childPath(path, key);
  if (!has(raw, key)) return { issues: [inputIssue(at, `${at} is required: ${example}`)] };
  const list = stringList(raw[key], at, example);
  if ('value' in list && list.value.length === 0) {
    return { issues: [inputIssue(at, `${at} must not be empty: ${example}`)] };
  }
  return list;
}

/**
 * Issues for role names used twice; IAM role names are unique case-insensitively.
 * @example duplicateNames([{ path: 'fallbackRole', name: 'A' }, { path: 'roles[0]', name: 'a' }]).length // 1
 */
export function duplicateNames(roles: readonly { path: string; name: string }[]): InputIssue[] {
  const seen = new Map<string, string>();
  const issues: InputIssue[] = [];
  for (const role of roles) {
    const key = role.name.toLowerCase();
    const first = seen.get(key);
    const at = childPath(role.path, 'name');
    if (first === undefined) seen.set(key, at);
    else {
      issues.push(
        inputIssue(
          at,
          `${at} "${role.name}" is already used by ${first}: IAM role names are unique regardless of case; give each role its own name`,
          [first]
        )
      );
    }
  }
  return issues;
}

function fail<T>(issues: InputIssue[]): Checked<T> {
  return { issues };
}

// Checks the generator's values and reports every problem at once, each naming its field and
// what is allowed; returns the normalised values the generators read. It generates nothing itself.

import { DEFAULT_ROLE_CLAIM, DEFAULT_SESSION_NAME_CLAIM, REGION_PATTERN } from '../../config';
import { describeType } from '../../config/issues';
import { awsMcpRegionNote } from './awsMcpRegions';
import {
  has,
  INPUT_FIELDS,
  inputIssue,
  isObject,
  requiredString,
  stringList,
  unknownFields,
} from './inputChecks';
import { normalizeIssuer, oidcProviderArn } from './issuer';
import { inlinePolicyName, roleArn, ROLE_NAME_PATTERN } from '../names';
import type { GeneratorValues, InputIssue, InputValidation, RoleValues } from '../types';
import {
  checkAccountId,
  checkDomain,
  checkNamespace,
  checkPartition,
  checkSessionDuration,
  checkSubjectProviderName,
  optionalString,
} from './validateFields';
import { checkPolicySizes, checkWithConfigModule } from './validateGenerated';
import { checkRole, duplicateNames, type RoleDraft } from './validateRoles';

/**
 * Checks the values of `policy --input` (parsed JSON or YAML) and returns the normalised values,
 * or every issue. Also runs the config module's own `validateAwsSts` (CEL compile included) on
 * the awsSts spec the values produce, and IAM's size quotas on every generated policy.
 * @example validateGeneratorInput(TUTORIAL_VALUES).ok // true
 */
export function validateGeneratorInput(input: unknown): InputValidation {
  if (!isObject(input)) {
    return {
      ok: false,
      issues: [
        inputIssue(
          '',
          `the values must be an object (JSON or YAML mapping), got ${describeType(input)}`
        ),
      ],
    };
  }
  const issues: InputIssue[] = [];
  const notes: string[] = [];
  const take = <T>(checked: { value: T } | { issue: InputIssue }): T | undefined => {
    if ('issue' in checked) {
      issues.push(checked.issue);
      return undefined;
    }
    return checked.value;
  };

  let issuer: { issuer: string; providerPath: string } | undefined;
  const issuerText = take(
    requiredString(
      input,
      '',
      'issuer',
      'the OIDC issuer, e.g. https://dev-123456.okta.com/oauth2/default'
    )
  );
  if (issuerText !== undefined) {
    const checked = normalizeIssuer(issuerText);
    if (checked.ok) {
      issuer = checked;
      if (checked.note) notes.push(checked.note);
    } else issues.push(inputIssue('issuer', checked.message));
  }
  const audience = take(
    requiredString(input, '', 'audience', 'the aud of your access tokens, e.g. toolhive-aws')
  );
  if (audience !== undefined && audience.length > 255) {
    issues.push(
      inputIssue('audience', `audience is ${audience.length} characters; IAM allows at most 255`)
    );
  }
  const accountId = checkAccountId(input, issues);
  const region = take(requiredString(input, '', 'region', 'an AWS region, e.g. us-east-1'));
  if (region !== undefined && !REGION_PATTERN.test(region)) {
    issues.push(
      inputIssue(
        'region',
        `region "${region}" is not an AWS region code: use lowercase like us-east-1 or eu-west-2`
      )
    );
  } else if (region !== undefined) {
    const note = awsMcpRegionNote(region);
    if (note) notes.push(note);
  }
  const partition = checkPartition(input, region, issues, notes);
  const namespace = take(
    requiredString(input, '', 'namespace', 'a Kubernetes namespace, e.g. toolhive-system')
  );
  checkNamespace(namespace, issues);
  const domain = checkDomain(
    take(
      requiredString(input, '', 'domain', 'the public host name of the proxy, e.g. mcp.example.com')
    ),
    issues
  );
  const roleClaim = optionalString(
    input,
    'roleClaim',
    DEFAULT_ROLE_CLAIM,
    'the claim that claim mappings look in, e.g. groups',
    issues
  );
  const sessionNameClaim = optionalString(
    input,
    'sessionNameClaim',
    DEFAULT_SESSION_NAME_CLAIM,
    'the claim that becomes the STS session name, e.g. sub or email',
    issues
  );
  const sessionDuration = checkSessionDuration(input, issues);
  const subjectProviderName = checkSubjectProviderName(input, issues, notes);

  let restrictSubjects: string[] = [];
  if (has(input, 'restrictSubjects')) {
    const subjects = stringList(
      input.restrictSubjects,
      'restrictSubjects',
      'e.g. ["alice@example.com"], or [] for any subject'
    );
    if ('issues' in subjects) issues.push(...subjects.issues);
    else restrictSubjects = subjects.value;
  }

  const { fallback, roles } = checkRoles(input, issues);
  issues.push(...unknownFields(input, '', INPUT_FIELDS));

  if (
    issues.length > 0 ||
    issuer === undefined ||
    audience === undefined ||
    accountId === undefined ||
    region === undefined ||
    namespace === undefined ||
    domain === undefined ||
    roleClaim === undefined ||
    sessionNameClaim === undefined ||
    sessionDuration === undefined
  ) {
    return { ok: false, issues };
  }

  const complete = (draft: RoleDraft, isFallback: boolean): RoleValues => ({
    name: draft.name,
    arn: roleArn(partition, accountId, draft.name),
    policyName: inlinePolicyName(draft.name),
    permissions: draft.permissions,
    restrictSubjects: draft.restrictSubjects ?? restrictSubjects,
    ...(draft.claim !== undefined ? { claim: draft.claim } : {}),
    ...(draft.matcher !== undefined ? { matcher: draft.matcher } : {}),
    ...(draft.priority !== undefined ? { priority: draft.priority } : {}),
    fallback: isFallback,
  });
  const values: GeneratorValues = {
    issuer: issuer.issuer,
    providerPath: issuer.providerPath,
    providerArn: oidcProviderArn(partition, accountId, issuer.providerPath),
    audience,
    accountId,
    partition,
    region,
    namespace,
    domain,
    roleClaim,
    sessionNameClaim,
    sessionDuration,
    ...(subjectProviderName !== undefined ? { subjectProviderName } : {}),
    ...(fallback ? { fallbackRole: complete(fallback, true) } : {}),
    roles: roles.map((draft) => complete(draft, false)),
  };
  const generated = [
    ...checkPolicySizes(values, [fallback, ...roles]),
    ...checkWithConfigModule(values),
  ];
  if (generated.length > 0) return { ok: false, issues: generated };
  if (sessionDuration > 3600) {
    notes.push(
      `sessionDuration ${sessionDuration} is above IAM's default maximum of 3600: setup.sh creates the roles with --max-session-duration ${sessionDuration}`
    );
  }
  return { ok: true, values, notes };
}

function checkRoles(
  input: Record<string, unknown>,
  issues: InputIssue[]
): { fallback?: RoleDraft; roles: RoleDraft[] } {
  const out: { fallback?: RoleDraft; roles: RoleDraft[] } = { roles: [] };
  const names: { path: string; name: string }[] = [];
  const rememberName = (raw: unknown, path: string) => {
    if (isObject(raw) && typeof raw.name === 'string' && ROLE_NAME_PATTERN.test(raw.name))
      names.push({ path, name: raw.name });
  };
  if (has(input, 'fallbackRole')) {
    rememberName(input.fallbackRole, 'fallbackRole');
    const checked = checkRole(input.fallbackRole, 'fallbackRole', false);
    if (checked.value) out.fallback = checked.value;
    issues.push(...checked.issues);
  }
  let roleCount = 0;
  if (has(input, 'roles')) {
    if (!Array.isArray(input.roles)) {
      issues.push(
        inputIssue(
          'roles',
          `roles must be a list, got ${describeType(input.roles)}: e.g. roles: [{name: S3ReadOnlyMCPRole, claim: s3-readers, permissions: s3-read-only}]`
        )
      );
    } else {
      roleCount = input.roles.length;
      input.roles.forEach((raw: unknown, index) => {
        const path = `roles[${index}]`;
        rememberName(raw, path);
        const checked = checkRole(raw, path, true);
        if (checked.value) out.roles.push(checked.value);
        issues.push(...checked.issues);
      });
    }
  }
  if (
    !has(input, 'fallbackRole') &&
    roleCount === 0 &&
    !(has(input, 'roles') && !Array.isArray(input.roles))
  ) {
    issues.push(
      inputIssue(
        '',
        'the values need a fallbackRole, at least one entry in roles, or both: e.g. fallbackRole: {name: DefaultMCPRole, permissions: default}'
      )
    );
  }
  issues.push(...duplicateNames(names));
  return out;
}

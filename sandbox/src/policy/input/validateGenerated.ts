// Checks on what the values would generate: IAM's size quotas for every policy, and the config
// module's own validation of the awsSts spec. Issues point back at the values' fields.

import { validateAwsSts } from '../../config';
import { checkPolicySize } from '../../iam';
import { generateAwsStsSpec } from '../kubernetes/externalAuthConfig';
import { inputIssue } from './inputChecks';
import { generatePermissionPolicy } from '../iam-policies/permissionPolicy';
import { generateTrustPolicy } from '../iam-policies/trustPolicy';
import type { GeneratorValues, InputIssue } from '../types';
import type { RoleDraft } from './validateRoles';

/**
 * IAM's quotas: trust policy 2,048 characters, a role's inline policies 10,240 (white space not
 * counted); issues point at the role's restrictSubjects or permissions.
 * @example checkPolicySizes(values, [fallbackDraft, ...roleDrafts]) // []
 */
export function checkPolicySizes(
  values: GeneratorValues,
  drafts: (RoleDraft | undefined)[]
): InputIssue[] {
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  const paths = drafts
    .filter((draft): draft is RoleDraft => draft !== undefined)
    .map((draft) => draft.path);
  return roles.flatMap((role, i) => {
    const path = paths[i] ?? role.name;
    const found: InputIssue[] = [];
    const trust = checkPolicySize(generateTrustPolicy(values, role), 'trust');
    if (!trust.ok) {
      found.push(
        inputIssue(
          `${path}.restrictSubjects`,
          `the trust policy of ${role.name} would be ${trust.size} characters, over IAM's limit of ${trust.limit}: list fewer subjects (IAM: ${trust.message ?? ''})`
        )
      );
    }
    const permissions = checkPolicySize(generatePermissionPolicy(role.permissions), 'inlineRole');
    if (!permissions.ok) {
      found.push(
        inputIssue(
          `${path}.permissions`,
          `the permission policy of ${role.name} would be ${permissions.size} characters, over IAM's limit of ${permissions.limit} for a role's inline policies: use wildcards or fewer actions and resources`
        )
      );
    }
    return found;
  });
}

/**
 * The awsSts spec the values produce must pass the config module's validation too.
 * @example checkWithConfigModule(values) // []
 */
export function checkWithConfigModule(values: GeneratorValues): InputIssue[] {
  const result = validateAwsSts(generateAwsStsSpec(values));
  if (result.ok) return [];
  return result.issues.map((found) =>
    inputIssue(
      toInputPath(found.path),
      `${found.message} (ToolHive would refuse the generated awsSts)`
    )
  );
}

/** `awsSts.roleMappings[1].matcher` → `roles[1].matcher`; `awsSts.fallbackRoleArn` → `fallbackRole.name`. */
function toInputPath(path: string): string {
  return path
    .replace(/^awsSts\.roleMappings/, 'roles')
    .replace(/^awsSts\.fallbackRoleArn$/, 'fallbackRole.name')
    .replace(/\.roleArn$/, '.name')
    .replace(/^awsSts\.?/, '');
}

// A role's inline permission policies: put (grammar and the role's 10,240-character aggregate
// quota), get, list, delete. Managed policies and AttachRolePolicy are not emulated.

import type { MemberRule } from '../aws-query';
import { iamFaults } from './iamFaults';
import { requireMembers } from './requireMembers';
import { checkPolicyDocument, checkPolicyQuota } from './policyDocuments';
import { getRole, POLICY_DOCUMENT_RULE, ROLE_NAME_RULE } from './roles';
import type { IamEnvironment } from './types';

const POLICY_NAME_RULE: MemberRule = {
  name: 'PolicyName',
  required: true,
  minLength: 1,
  maxLength: 128,
  pattern: { source: '[\\w+=,.@-]+', regex: /^[\w+=,.@-]+$/ },
};

/**
 * PutRolePolicy: adds or replaces an inline policy after checking its grammar (identity policy)
 * and the role's aggregate inline-policy quota.
 * @example putRolePolicy(env, 'S3ReadOnlyMCPRole', 'S3ReadOnlyMCPPermissions', policyJson)
 */
export function putRolePolicy(
  env: IamEnvironment,
  roleName: string,
  policyName: string,
  policyDocument: string
): void {
  requireMembers({ RoleName: roleName, PolicyName: policyName, PolicyDocument: policyDocument }, [
    ROLE_NAME_RULE,
    POLICY_NAME_RULE,
    { name: 'PolicyDocument', required: true, ...POLICY_DOCUMENT_RULE },
  ]);
  const role = getRole(env, roleName);
  checkPolicyDocument(policyDocument, 'identity');
  const others = [...role.inlinePolicies].filter(([name]) => name !== policyName);
  checkPolicyQuota(
    [...others.map(([, doc]) => doc), policyDocument],
    'inlineRole',
    ` ${role.roleName}`
  );
  role.inlinePolicies.set(policyName, policyDocument);
}

/**
 * GetRolePolicy: the inline policy's JSON text, or NoSuchEntity.
 * @example JSON.parse(getRolePolicy(env, 'DefaultMCPRole', 'DefaultMCPPermissions'))
 */
export function getRolePolicy(env: IamEnvironment, roleName: string, policyName: string): string {
  requireMembers({ PolicyName: policyName }, [POLICY_NAME_RULE]);
  const document = getRole(env, roleName).inlinePolicies.get(policyName);
  if (document === undefined) throw iamFaults.noSuchRolePolicy(policyName);
  return document;
}

/**
 * DeleteRolePolicy: removes the inline policy, or NoSuchEntity.
 * @example deleteRolePolicy(env, 'DefaultMCPRole', 'DefaultMCPPermissions')
 */
export function deleteRolePolicy(env: IamEnvironment, roleName: string, policyName: string): void {
  requireMembers({ PolicyName: policyName }, [POLICY_NAME_RULE]);
  const role = getRole(env, roleName);
  if (!role.inlinePolicies.delete(policyName)) throw iamFaults.noSuchRolePolicy(policyName);
}

/**
 * ListRolePolicies: the role's inline policy names, sorted.
 * @example listRolePolicies(env, 'DefaultMCPRole') // ['DefaultMCPPermissions']
 */
export function listRolePolicies(env: IamEnvironment, roleName: string): string[] {
  return [...getRole(env, roleName).inlinePolicies.keys()].sort();
}

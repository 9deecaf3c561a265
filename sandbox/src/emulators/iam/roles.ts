// IAM roles: create (name, path, trust policy, maximum session, description, tags), read, list,
// update (trust policy, description, maximum session), delete. Rules and messages are IAM's;
// inline policies live in rolePolicies.ts.

import { randomString, UPPER_ALPHANUMERIC } from '../aws-query';
import type { MemberRule } from '../aws-query';
import type { RoleRecord } from '../state';
import { iamFaults } from './iamFaults';
import { requireMembers } from './requireMembers';
import { checkFederatedPrincipals, checkPolicyDocument, checkPolicyQuota } from './policyDocuments';
import { checkTags } from './tags';
import type { IamEnvironment, Tag } from './types';

/** A policy document as the model constrains it: printable Latin-1, up to 131,072 characters. */
export const POLICY_DOCUMENT_RULE = {
  minLength: 1,
  maxLength: 131072,
  pattern: {
    source: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
    regex: /^[\t\n\r\u0020-\u00FF]+$/,
  },
} as const;

/** RoleName as the model constrains it. */
export const ROLE_NAME_RULE: MemberRule = {
  name: 'RoleName',
  required: true,
  minLength: 1,
  maxLength: 64,
  pattern: { source: '[\\w+=,.@-]+', regex: /^[\w+=,.@-]+$/ },
};

const DESCRIPTION_RULE: MemberRule = {
  name: 'Description',
  maxLength: 1000,
  pattern: {
    source: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
    regex: /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/,
  },
};
const MAX_SESSION_DURATION_RULE: MemberRule = {
  name: 'MaxSessionDuration',
  integer: true,
  min: 3600,
  max: 43200,
};

const CREATE_ROLE_RULES: MemberRule[] = [
  {
    name: 'Path',
    minLength: 1,
    maxLength: 512,
    pattern: {
      source: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
      regex: /^(\/|\/[\u0021-\u007E]+\/)$/,
    },
  },
  ROLE_NAME_RULE,
  { name: 'AssumeRolePolicyDocument', required: true, ...POLICY_DOCUMENT_RULE },
  DESCRIPTION_RULE,
  MAX_SESSION_DURATION_RULE,
];

/** IAM's default and bounds for a role's maximum session, in seconds. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;
const ROLE_TAG_LIMIT = 50;

export interface CreateRoleInput {
  roleName: string;
  assumeRolePolicyDocument: string;
  path?: string;
  description?: string;
  maxSessionDuration?: number | string;
  tags?: Tag[];
  permissionsBoundary?: string;
}

/** Trust policy checks shared by CreateRole and UpdateAssumeRolePolicy, in IAM's order. */
function checkTrustPolicy(env: IamEnvironment, document: string): void {
  const policy = checkPolicyDocument(document, 'trust');
  checkPolicyQuota([document], 'trust');
  checkFederatedPrincipals(policy, env.state);
}

/**
 * CreateRole: validates name, path, trust policy (grammar, the 2,048-character quota and that
 * its OIDC providers exist), MaxSessionDuration and tags, then stores the role with a fresh
 * `AROA…` id.
 * @example createRole(env, { roleName: 'S3ReadOnlyMCPRole', assumeRolePolicyDocument: trustJson }).arn
 */
export function createRole(env: IamEnvironment, input: CreateRoleInput): RoleRecord {
  requireMembers(
    {
      Path: input.path,
      RoleName: input.roleName,
      AssumeRolePolicyDocument: input.assumeRolePolicyDocument,
      Description: input.description,
      MaxSessionDuration: input.maxSessionDuration,
    },
    CREATE_ROLE_RULES
  );
  if (input.permissionsBoundary !== undefined) throw iamFaults.unsupported('PermissionsBoundary');
  checkTrustPolicy(env, input.assumeRolePolicyDocument);
  const tags = checkTags(input.tags ?? [], ROLE_TAG_LIMIT);
  if (env.state.findRole(input.roleName) !== undefined) throw iamFaults.roleExists(input.roleName);
  const path = input.path ?? '/';
  const role: RoleRecord = {
    roleName: input.roleName,
    roleId: `AROA${randomString(UPPER_ALPHANUMERIC, 17)}`,
    arn: env.state.roleArn(input.roleName, path),
    path,
    assumeRolePolicyDocument: input.assumeRolePolicyDocument,
    maxSessionDuration:
      input.maxSessionDuration === undefined
        ? DEFAULT_MAX_SESSION_DURATION
        : Number(input.maxSessionDuration),
    createDate: env.now,
    inlinePolicies: new Map(),
  };
  if (input.description !== undefined) role.description = input.description;
  if (tags.length > 0) role.tags = tags;
  env.state.roles.set(role.roleName, role);
  return role;
}

/**
 * GetRole: the role with this name (case-insensitive, as IAM), or NoSuchEntity.
 * @example getRole(env, 'DefaultMCPRole').maxSessionDuration // 3600
 */
export function getRole(env: IamEnvironment, roleName: string): RoleRecord {
  requireMembers({ RoleName: roleName }, [ROLE_NAME_RULE]);
  const role = env.state.findRole(roleName);
  if (role === undefined) throw iamFaults.noSuchRole(roleName);
  return role;
}

/**
 * UpdateAssumeRolePolicy: replaces the role's trust policy after the checks CreateRole makes.
 * @example updateAssumeRolePolicy(env, 'DefaultMCPRole', trustJson)
 */
export function updateAssumeRolePolicy(
  env: IamEnvironment,
  roleName: string,
  policyDocument: string
): void {
  requireMembers({ RoleName: roleName, PolicyDocument: policyDocument }, [
    ROLE_NAME_RULE,
    { name: 'PolicyDocument', required: true, ...POLICY_DOCUMENT_RULE },
  ]);
  const role = getRole(env, roleName);
  checkTrustPolicy(env, policyDocument);
  role.assumeRolePolicyDocument = policyDocument;
}

export interface UpdateRoleInput {
  description?: string;
  maxSessionDuration?: number | string;
}

/**
 * UpdateRole: sets the description and/or the maximum session duration; what is not sent stays.
 * @example updateRole(env, 'DefaultMCPRole', { maxSessionDuration: 7200 })
 */
export function updateRole(env: IamEnvironment, roleName: string, input: UpdateRoleInput): void {
  requireMembers(
    {
      RoleName: roleName,
      Description: input.description,
      MaxSessionDuration: input.maxSessionDuration,
    },
    [ROLE_NAME_RULE, DESCRIPTION_RULE, MAX_SESSION_DURATION_RULE]
  );
  const role = getRole(env, roleName);
  if (input.description !== undefined) role.description = input.description;
  if (input.maxSessionDuration !== undefined) {
    role.maxSessionDuration = Number(input.maxSessionDuration);
  }
}

/**
 * DeleteRole: refuses with DeleteConflict while inline policies remain, as IAM does.
 * @example deleteRole(env, 'DefaultMCPRole')
 */
export function deleteRole(env: IamEnvironment, roleName: string): void {
  const role = getRole(env, roleName);
  if (role.inlinePolicies.size > 0) {
    throw iamFaults.deleteConflict(role.roleName, [...role.inlinePolicies.keys()]);
  }
  env.state.roles.delete(role.roleName);
}

/**
 * ListRoles: roles whose path starts with `pathPrefix` (default `/`), sorted by name.
 * @example listRoles(env, '/').map((r) => r.roleName)
 */
export function listRoles(env: IamEnvironment, pathPrefix = '/'): RoleRecord[] {
  return [...env.state.roles.values()]
    .filter((role) => role.path.startsWith(pathPrefix))
    .sort((a, b) => a.roleName.localeCompare(b.roleName));
}

// The IAM Query actions the emulator implements: each reads its form parameters, calls the typed
// operation and renders its Result XML (undefined for actions whose response has no Result).

import { membersXml, queryList, queryStructList, xmlElement } from '../aws-query';
import { encodePolicyDocument, oidcProviderXml, roleXml, tagsXml } from './iamXml';
import {
  addClientIdToOidcProvider,
  createOidcProvider,
  deleteOidcProvider,
  getOidcProvider,
  listOidcProviders,
  removeClientIdFromOidcProvider,
} from './oidcProviders';
import { pageFooterXml, paginate } from './pagination';
import { deleteRolePolicy, getRolePolicy, listRolePolicies, putRolePolicy } from './rolePolicies';
import { requireMembers } from './requireMembers';
import {
  createRole,
  deleteRole,
  getRole,
  listRoles,
  updateAssumeRolePolicy,
  updateRole,
} from './roles';
import type { IamEnvironment, Tag } from './types';

/** One action: parameters in, Result XML out (or undefined: no Result element). */
export type IamAction = (params: URLSearchParams, env: IamEnvironment) => string | undefined;

/** A member's value ('' when absent; required members are checked by requireSent first). */
const text = (params: URLSearchParams, name: string): string => params.get(name) ?? '';
const optional = (params: URLSearchParams, name: string): string | undefined =>
  params.get(name) ?? undefined;

/** An action on one client ID of a provider (Add/RemoveClientID…): no Result element. */
function clientIdAction(
  change: (env: IamEnvironment, arn: string, clientId: string) => void
): IamAction {
  return (params, env) => {
    requireSent(params, 'OpenIDConnectProviderArn', 'ClientID');
    change(env, text(params, 'OpenIDConnectProviderArn'), text(params, 'ClientID'));
    return undefined;
  };
}

function tagsOf(params: URLSearchParams): Tag[] {
  return queryStructList(params, 'Tags', ['Key', 'Value'] as const).map((t) => ({
    key: t.Key ?? '',
    value: t.Value ?? '',
  }));
}

/**
 * Reports required members that were not sent at all ("Value null at … must not be null"), as
 * IAM does, before the operation checks the values that were sent.
 */
function requireSent(params: URLSearchParams, ...names: string[]): void {
  requireMembers(
    Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined])),
    names.map((name) => ({ name, required: true }))
  );
}

/** Every implemented action by name. */
export const IAM_ACTIONS: Record<string, IamAction> = {
  CreateOpenIDConnectProvider: (params, env) => {
    requireSent(params, 'Url');
    const provider = createOidcProvider(env, {
      url: text(params, 'Url'),
      clientIds: queryList(params, 'ClientIDList') ?? [],
      thumbprints: queryList(params, 'ThumbprintList') ?? [],
      tags: tagsOf(params),
    });
    return xmlElement('OpenIDConnectProviderArn', provider.arn) + tagsXml(provider.tags);
  },
  GetOpenIDConnectProvider: (params, env) => {
    requireSent(params, 'OpenIDConnectProviderArn');
    return oidcProviderXml(getOidcProvider(env, text(params, 'OpenIDConnectProviderArn')));
  },
  ListOpenIDConnectProviders: (_params, env) => {
    const members = listOidcProviders(env).map(
      (p) => `<member>${xmlElement('Arn', p.arn)}</member>`
    );
    return `<OpenIDConnectProviderList>${members.join('')}</OpenIDConnectProviderList>`;
  },
  AddClientIDToOpenIDConnectProvider: clientIdAction(addClientIdToOidcProvider),
  RemoveClientIDFromOpenIDConnectProvider: clientIdAction(removeClientIdFromOidcProvider),
  DeleteOpenIDConnectProvider: (params, env) => {
    requireSent(params, 'OpenIDConnectProviderArn');
    deleteOidcProvider(env, text(params, 'OpenIDConnectProviderArn'));
    return undefined;
  },
  CreateRole: (params, env) => {
    requireSent(params, 'RoleName', 'AssumeRolePolicyDocument');
    const role = createRole(env, {
      roleName: text(params, 'RoleName'),
      assumeRolePolicyDocument: text(params, 'AssumeRolePolicyDocument'),
      path: optional(params, 'Path'),
      description: optional(params, 'Description'),
      maxSessionDuration: optional(params, 'MaxSessionDuration'),
      tags: tagsOf(params),
      permissionsBoundary: optional(params, 'PermissionsBoundary'),
    });
    return roleXml(role, { tags: true });
  },
  GetRole: (params, env) => {
    requireSent(params, 'RoleName');
    return roleXml(getRole(env, text(params, 'RoleName')), { tags: true, lastUsed: true });
  },
  UpdateAssumeRolePolicy: (params, env) => {
    requireSent(params, 'RoleName', 'PolicyDocument');
    updateAssumeRolePolicy(env, text(params, 'RoleName'), text(params, 'PolicyDocument'));
    return undefined;
  },
  UpdateRole: (params, env) => {
    requireSent(params, 'RoleName');
    updateRole(env, text(params, 'RoleName'), {
      description: optional(params, 'Description'),
      maxSessionDuration: optional(params, 'MaxSessionDuration'),
    });
    // IAM answers an empty UpdateRoleResult element.
    return '';
  },
  DeleteRole: (params, env) => {
    requireSent(params, 'RoleName');
    deleteRole(env, text(params, 'RoleName'));
    return undefined;
  },
  ListRoles: (params, env) => {
    const page = paginate(
      listRoles(env, optional(params, 'PathPrefix')),
      optional(params, 'Marker'),
      optional(params, 'MaxItems')
    );
    const roles = page.items.map((r) => roleXml(r, { element: 'member' })).join('');
    return `<Roles>${roles}</Roles>${pageFooterXml(page)}`;
  },
  PutRolePolicy: (params, env) => {
    requireSent(params, 'RoleName', 'PolicyName', 'PolicyDocument');
    putRolePolicy(
      env,
      text(params, 'RoleName'),
      text(params, 'PolicyName'),
      text(params, 'PolicyDocument')
    );
    return undefined;
  },
  GetRolePolicy: (params, env) => {
    requireSent(params, 'RoleName', 'PolicyName');
    const roleName = text(params, 'RoleName');
    const policyName = text(params, 'PolicyName');
    const document = getRolePolicy(env, roleName, policyName);
    const role = getRole(env, roleName);
    return (
      xmlElement('RoleName', role.roleName) +
      xmlElement('PolicyName', policyName) +
      xmlElement('PolicyDocument', encodePolicyDocument(document))
    );
  },
  DeleteRolePolicy: (params, env) => {
    requireSent(params, 'RoleName', 'PolicyName');
    deleteRolePolicy(env, text(params, 'RoleName'), text(params, 'PolicyName'));
    return undefined;
  },
  ListRolePolicies: (params, env) => {
    requireSent(params, 'RoleName');
    const page = paginate(
      listRolePolicies(env, text(params, 'RoleName')),
      optional(params, 'Marker'),
      optional(params, 'MaxItems')
    );
    return membersXml('PolicyNames', page.items) + pageFooterXml(page);
  },
  ListAttachedRolePolicies: (params, env) => {
    requireSent(params, 'RoleName');
    // The emulated account has no managed policies (AttachRolePolicy is not implemented), so
    // every existing role has none attached; an unknown role is NoSuchEntity, as in IAM.
    getRole(env, text(params, 'RoleName'));
    const page = paginate([], optional(params, 'Marker'), optional(params, 'MaxItems'));
    return `<AttachedPolicies></AttachedPolicies>${pageFooterXml(page)}`;
  },
};

// IAM's XML for the entities the emulator stores: Role, an OIDC provider's fields, tag and
// member lists. Policy documents are URL-encoded, as IAM returns them. No decisions here.

import { isoSeconds, membersXml, xmlElement } from '../aws-query';
import type { OidcProviderRecord, RoleRecord } from '../state';
import { oidcProviderHostPath } from '../state';
import type { Tag } from './types';

/** The IAM Query namespace of every response and error. */
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

/**
 * A policy document as IAM returns it: percent-encoded JSON (decode with decodeURIComponent).
 * @example encodePolicyDocument('{"a":1}') // '%7B%22a%22%3A1%7D'
 */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document);
}

/** `<Tags>` with Key/Value members, or '' when there are none. */
export function tagsXml(tags: readonly Tag[] | undefined): string {
  if (tags === undefined || tags.length === 0) return '';
  const members = tags.map(
    (t) => `<member>${xmlElement('Key', t.key)}${xmlElement('Value', t.value)}</member>`
  );
  return `<Tags>${members.join('')}</Tags>`;
}

/** What a Role structure carries beyond the common members, per action. */
export interface RoleXmlOptions {
  /** The element name: `Role`, or `member` inside ListRoles. */
  element?: string;
  /** CreateRole and GetRole return tags; ListRoles does not. */
  tags?: boolean;
  /** GetRole returns RoleLastUsed (always empty here). */
  lastUsed?: boolean;
}

/**
 * The Role structure with its URL-encoded trust policy.
 * @example roleXml(role, { tags: true, lastUsed: true })
 */
export function roleXml(role: RoleRecord, options: RoleXmlOptions = {}): string {
  const element = options.element ?? 'Role';
  return `<${element}>${[
    xmlElement('Path', role.path),
    xmlElement('RoleName', role.roleName),
    xmlElement('RoleId', role.roleId),
    xmlElement('Arn', role.arn),
    xmlElement('CreateDate', isoSeconds(role.createDate)),
    xmlElement('AssumeRolePolicyDocument', encodePolicyDocument(role.assumeRolePolicyDocument)),
    xmlElement('Description', role.description),
    xmlElement('MaxSessionDuration', role.maxSessionDuration),
    options.tags ? tagsXml(role.tags) : '',
    options.lastUsed ? '<RoleLastUsed/>' : '',
  ].join('')}</${element}>`;
}

/**
 * The fields of GetOpenIDConnectProviderResult (`Url` without `https://`, as IAM returns it).
 * @example oidcProviderXml(provider)
 */
export function oidcProviderXml(provider: OidcProviderRecord): string {
  return [
    membersXml('ThumbprintList', provider.thumbprints),
    xmlElement('CreateDate', isoSeconds(provider.createDate)),
    membersXml('ClientIDList', provider.clientIds),
    xmlElement('Url', oidcProviderHostPath(provider.url)),
    tagsXml(provider.tags),
  ].join('');
}

// IAM OpenID Connect providers: create (URL, audiences, thumbprints, tags), read, list, add or
// remove an audience, delete. Rules and messages are IAM's; there is no HTTP or XML here.

import { isLoopbackUrl } from '../../shared';
import type { MemberRule } from '../aws-query';
import type { OidcProviderRecord } from '../state';
import { iamFaults } from './iamFaults';
import { requireMembers } from './requireMembers';
import { checkTags } from './tags';
import type { IamEnvironment, Tag } from './types';

/** IAM quotas for OIDC providers. */
export const OIDC_PROVIDER_LIMITS = { clientIds: 100, thumbprints: 5, tags: 50 } as const;

const URL_RULE: MemberRule = { name: 'Url', required: true, minLength: 1, maxLength: 255 };
const ARN_RULE: MemberRule = {
  name: 'OpenIDConnectProviderArn',
  required: true,
  minLength: 20,
  maxLength: 2048,
};

export interface CreateOidcProviderInput {
  url: string;
  clientIds?: string[];
  thumbprints?: string[];
  tags?: Tag[];
}

/** Whether the URL's authority names a port, even the scheme's default (which URL drops). */
function hasPort(url: string): boolean {
  const authority = url.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0] ?? '';
  return /^[^[]*:\d*$|\]:\d*$/.test(authority);
}

/** Throws InvalidInput unless `url` is an https URL without query, fragment, port or user. */
function checkProviderUrl(url: string, allowLoopbackHttp: boolean): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw iamFaults.invalidInput(`Invalid Openid Connect Provider URL: ${url}`);
  }
  const loopback = allowLoopbackHttp && isLoopbackUrl(parsed);
  const scheme = loopback ? /^https?:\/\//i : /^https:\/\//i;
  if (!scheme.test(url)) {
    throw iamFaults.invalidInput(
      `Invalid Openid Connect Provider URL: ${url}`,
      `The URL must begin with https:// (it must equal the tokens' iss claim, which IAM only accepts over https).`
    );
  }
  const extra =
    parsed.search !== '' || url.includes('?')
      ? 'a query string'
      : parsed.hash !== '' || url.includes('#')
        ? 'a fragment'
        : hasPort(url) && !loopback
          ? 'a port'
          : parsed.username !== '' || parsed.password !== ''
            ? 'user information'
            : undefined;
  if (extra !== undefined) {
    throw iamFaults.invalidInput(
      `Invalid Openid Connect Provider URL: ${url}`,
      `The URL must not contain ${extra}; a path is allowed.`
    );
  }
}

function checkClientId(clientId: string): void {
  requireMembers({ ClientID: clientId }, [
    { name: 'ClientID', required: true, minLength: 1, maxLength: 255 },
  ]);
}

function checkThumbprints(thumbprints: readonly string[]): void {
  if (thumbprints.length > OIDC_PROVIDER_LIMITS.thumbprints) {
    throw iamFaults.invalidInput(
      `Thumbprint list must contain fewer than ${OIDC_PROVIDER_LIMITS.thumbprints + 1} entries`
    );
  }
  for (const thumbprint of thumbprints) {
    requireMembers({ Thumbprint: thumbprint }, [
      { name: 'Thumbprint', minLength: 40, maxLength: 40 },
    ]);
    if (!/^[0-9a-fA-F]{40}$/.test(thumbprint)) {
      throw iamFaults.invalidInput(`Thumbprint ${thumbprint} is not a hexadecimal SHA-1 digest`);
    }
  }
}

/**
 * CreateOpenIDConnectProvider: registers `url` (https, no query/port/fragment) with its
 * audiences; one provider per URL.
 * @example createOidcProvider(env, { url: 'https://dev-123456.okta.com/oauth2/default', clientIds: ['toolhive-aws'] }).arn
 */
export function createOidcProvider(
  env: IamEnvironment,
  input: CreateOidcProviderInput
): OidcProviderRecord {
  requireMembers({ Url: input.url }, [URL_RULE]);
  checkProviderUrl(input.url, env.allowLoopbackHttp === true);
  const clientIds = [...new Set(input.clientIds ?? [])];
  clientIds.forEach(checkClientId);
  if (clientIds.length > OIDC_PROVIDER_LIMITS.clientIds) {
    throw iamFaults.limitExceeded(
      `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${OIDC_PROVIDER_LIMITS.clientIds}`
    );
  }
  const thumbprints = input.thumbprints ?? [];
  checkThumbprints(thumbprints);
  const tags = checkTags(input.tags ?? [], OIDC_PROVIDER_LIMITS.tags);
  const arn = env.state.oidcProviderArn(input.url);
  if (env.state.oidcProviders.has(arn)) throw iamFaults.providerExists(input.url);
  const record: OidcProviderRecord = {
    arn,
    url: input.url,
    clientIds,
    thumbprints: thumbprints.map((t) => t.toLowerCase()),
    createDate: env.now,
    tags,
  };
  env.state.oidcProviders.set(arn, record);
  return record;
}

/**
 * GetOpenIDConnectProvider: the provider with this ARN, or NoSuchEntity.
 * @example getOidcProvider(env, 'arn:aws:iam::123456789012:oidc-provider/idp.example.com').clientIds
 */
export function getOidcProvider(env: IamEnvironment, arn: string): OidcProviderRecord {
  requireMembers({ OpenIDConnectProviderArn: arn }, [ARN_RULE]);
  const provider = env.state.oidcProviders.get(arn);
  if (provider === undefined) throw iamFaults.noSuchProvider(arn);
  return provider;
}

/**
 * ListOpenIDConnectProviders: every provider, by ARN.
 * @example listOidcProviders(env).map((p) => p.arn)
 */
export function listOidcProviders(env: IamEnvironment): OidcProviderRecord[] {
  return [...env.state.oidcProviders.values()].sort((a, b) => a.arn.localeCompare(b.arn));
}

/**
 * AddClientIDToOpenIDConnectProvider: idempotent, as IAM documents.
 * @example addClientIdToOidcProvider(env, arn, 'second-audience')
 */
export function addClientIdToOidcProvider(
  env: IamEnvironment,
  arn: string,
  clientId: string
): void {
  checkClientId(clientId);
  const provider = getOidcProvider(env, arn);
  if (provider.clientIds.includes(clientId)) return;
  if (provider.clientIds.length >= OIDC_PROVIDER_LIMITS.clientIds) {
    throw iamFaults.limitExceeded(
      `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${OIDC_PROVIDER_LIMITS.clientIds}`
    );
  }
  provider.clientIds.push(clientId);
}

/**
 * RemoveClientIDFromOpenIDConnectProvider: idempotent, as IAM documents.
 * @example removeClientIdFromOidcProvider(env, arn, 'old-audience')
 */
export function removeClientIdFromOidcProvider(
  env: IamEnvironment,
  arn: string,
  clientId: string
): void {
  checkClientId(clientId);
  const provider = getOidcProvider(env, arn);
  provider.clientIds = provider.clientIds.filter((id) => id !== clientId);
}

/**
 * DeleteOpenIDConnectProvider: idempotent (IAM: "it does not fail or return an error if you call
 * the operation for a provider that does not exist"). Roles that trust it stay, and fail to be
 * assumed.
 * @example deleteOidcProvider(env, arn)
 */
export function deleteOidcProvider(env: IamEnvironment, arn: string): void {
  requireMembers({ OpenIDConnectProviderArn: arn }, [ARN_RULE]);
  env.state.oidcProviders.delete(arn);
}

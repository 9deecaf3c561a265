// The OIDC issuer as IAM sees it: normalising what the user typed, refusing what IAM refuses,
// and the provider path/ARN IAM derives from it. It does not check anything else in the values.

import type { Partition } from '../types';

/** IAM's limit on `CreateOpenIDConnectProvider` `Url`. */
export const MAX_ISSUER_LENGTH = 255;

/** A checked issuer: the URL to register and the path IAM stores it under. */
export interface NormalizedIssuer {
  ok: true;
  /** `https://` plus exactly what was typed (path, case and trailing slash kept). */
  issuer: string;
  /** The issuer without `https://`, e.g. `dev-123456.okta.com/oauth2/default` or `x.auth0.com/`. */
  providerPath: string;
  /** Set when `https://` was added. */
  note?: string;
}

export type IssuerCheck = NormalizedIssuer | { ok: false; message: string };

const ALLOWED = 'an https:// URL with a host and optional path, exactly as in the token\'s "iss"';

/**
 * Normalises and checks an issuer: adds `https://` when there is no scheme, keeps everything
 * else exactly (IAM compares the registered URL with the token's `iss` character for character),
 * and refuses `http://`, other schemes, a query, a fragment, a port, user info and white space.
 * @example normalizeIssuer('my-tenant.us.auth0.com/') // { ok: true, issuer: 'https://my-tenant.us.auth0.com/', providerPath: 'my-tenant.us.auth0.com/', … }
 */
export function normalizeIssuer(value: string): IssuerCheck {
  const fail = (why: string): IssuerCheck => ({ ok: false, message: `${why}: use ${ALLOWED}` });
  if (value === '') return fail('issuer is empty');
  if (/\s/.test(value)) return fail(`issuer "${value}" contains white space`);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() === 'http') {
    return fail(`issuer "${value}" uses http://, but IAM accepts only https:// OIDC providers`);
  }
  if (scheme !== undefined && scheme !== 'https') {
    return fail(`issuer "${value}" has the scheme ${scheme}://, not https://`);
  }
  const issuer = scheme === undefined ? `https://${value}` : value;
  const providerPath = issuer.slice('https://'.length);
  const authority = providerPath.split('/')[0] ?? '';
  if (issuer.length > MAX_ISSUER_LENGTH) {
    return fail(`issuer is ${issuer.length} characters; IAM allows at most ${MAX_ISSUER_LENGTH}`);
  }
  if (value.includes('?')) return fail(`issuer "${value}" has a query (?…), which IAM refuses`);
  if (value.includes('#')) return fail(`issuer "${value}" has a fragment (#…), which IAM refuses`);
  if (authority.includes('@')) return fail(`issuer "${value}" contains user info (…@)`);
  if (authority.includes(':')) return fail(`issuer "${value}" has a port, which IAM refuses`);
  if (authority === '') return fail(`issuer "${value}" has no host`);
  let host: string;
  try {
    host = new URL(issuer).hostname;
  } catch {
    return fail(`issuer "${value}" is not a valid URL`);
  }
  if (host === '' || !/^[a-zA-Z0-9.-]+$/.test(authority) || authority.startsWith('.')) {
    return fail(`issuer "${value}" does not have a valid host name`);
  }
  const normalized: NormalizedIssuer = { ok: true, issuer, providerPath };
  if (scheme === undefined) normalized.note = `issuer: added https:// (${issuer})`;
  return normalized;
}

/**
 * The ARN IAM gives the provider registered for an issuer.
 * @example oidcProviderArn('aws', '123456789012', 'dev-123456.okta.com/oauth2/default')
 * // 'arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default'
 */
export function oidcProviderArn(
  partition: Partition,
  accountId: string,
  providerPath: string
): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${providerPath}`;
}

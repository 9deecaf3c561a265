// Validation of the URLs this folder is configured with (issuer, JWKS, resource, metadata).
// It does not fetch anything; plain http is allowed only for loopback hosts or when asked.

import { AwsStsError } from '../errors';
import { isLoopbackUrl } from '../shared';

export interface UrlRules {
  /** Allow `http:` on non-loopback hosts (a closed test network). Default false. */
  allowInsecureHttp?: boolean;
}

/**
 * Parses an absolute https URL (http only on loopback unless allowed), without fragment or
 * credentials; throws INVALID_CONFIG naming `path`.
 * @example requireHttpsUrl('https://idp.example.com/oauth2/default', 'issuer')
 */
export function requireHttpsUrl(value: unknown, path: string, rules: UrlRules = {}): URL {
  let url: URL;
  try {
    url = new URL(typeof value === 'string' ? value : '');
  } catch {
    throw new AwsStsError('INVALID_CONFIG', `${path} must be an absolute URL`, { path });
  }
  const httpAllowed = rules.allowInsecureHttp === true || isLoopbackUrl(url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
    throw new AwsStsError(
      'INVALID_CONFIG',
      `${path} must use https (http is allowed only for loopback hosts)`,
      { path }
    );
  }
  if ((value as string).includes('#') || url.username !== '' || url.password !== '') {
    throw new AwsStsError('INVALID_CONFIG', `${path} must not contain a fragment or credentials`, {
      path,
    });
  }
  return url;
}

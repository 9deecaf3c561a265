// Comparing URLs the way IAM, STS and ToolHive do, character for character, and saying how two
// differ (trailing slash, path, scheme, case). It fetches nothing.

import { isLoopbackUrl } from '../shared';

/**
 * The issuer as IAM keys it: the URL without its scheme (provider ARN, condition keys).
 * @example hostPath('https://dev-123456.okta.com/oauth2/default') // 'dev-123456.okta.com/oauth2/default'
 */
export function hostPath(url: string): string {
  return url.replace(/^https?:\/\//i, '');
}

/**
 * How `actual` differs from `expected`, in words; undefined when they are equal.
 * @example urlDifference('https://x/oauth2/default', 'https://x/oauth2/default/') // 'it has a trailing slash that … does not'
 */
export function urlDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  if (actual === `${expected}/`) return `it ends with a slash and ${expected} does not`;
  if (expected === `${actual}/`) return `it lacks the trailing slash of ${expected}`;
  if (expected.toLowerCase() === actual.toLowerCase()) return 'they differ only in letter case';
  const a = parse(expected);
  const b = parse(actual);
  if (a && b) {
    if (a.protocol !== b.protocol)
      return `the scheme is ${b.protocol}// instead of ${a.protocol}//`;
    if (a.host !== b.host) return `the host is ${b.host} instead of ${a.host}`;
    const pathA = a.pathname.replace(/\/$/, '');
    const pathB = b.pathname.replace(/\/$/, '');
    if (pathA !== pathB) {
      if (pathB === '') return `it lacks the path ${a.pathname}`;
      if (pathA === '') return `it has the path ${b.pathname}, which ${expected} does not`;
      return `the path is ${b.pathname} instead of ${a.pathname}`;
    }
  }
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index++;
  return `they differ from character ${index + 1} on`;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Whether a URL points at this machine (the sandbox serves plain http there). */
export { isLoopbackUrl };

/**
 * Why an issuer or key URL cannot be used by AWS, or undefined: it must be https (plain http is
 * accepted on loopback, where the sandbox runs).
 * @example transportProblem('http://idp.example.com') // 'it uses http://; …'
 */
export function transportProblem(url: string): string | undefined {
  const parsed = parse(url);
  if (parsed === undefined) return 'it is not a URL';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopbackUrl(parsed)) return undefined;
  return `it uses ${parsed.protocol}//; IAM and STS accept only https:// issuers and keys`;
}

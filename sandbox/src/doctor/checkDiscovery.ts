// The `discovery` link, online: the token issuer's OpenID Connect discovery document, which both
// ToolHive and STS fetch: reachable, over https, naming the same issuer, with a jwks_uri; and the
// issuer's clock from its Date header. It does not fetch the keys (checkJwks).

import { fetchJson } from './fetchJson';
import { fail, pass, skip } from './report';
import { isLoopbackUrl, transportProblem, urlDifference } from './urls';
import type { DoctorCheck } from './types';

/** What the later checks need from discovery. */
export interface DiscoveryOutcome {
  check: DoctorCheck;
  jwksUri?: string;
  /** This machine's clock minus the issuer's `Date` header, in seconds. */
  skewSeconds?: number;
}

/**
 * The discovery URL of an issuer: one trailing slash dropped, then the well-known suffix
 * (OpenID Connect Discovery 1.0 §4).
 * @example discoveryUrl('https://x/oauth2/default') // 'https://x/oauth2/default/.well-known/openid-configuration'
 */
export function discoveryUrl(issuer: string): string {
  return `${issuer.endsWith('/') ? issuer.slice(0, -1) : issuer}/.well-known/openid-configuration`;
}

/**
 * Fetches and checks the issuer's discovery document.
 * @example const { check, jwksUri } = await checkDiscovery(iss, fetch, 10000, () => new Date());
 */
export async function checkDiscovery(
  issuer: string | undefined,
  fetchFn: typeof globalThis.fetch | undefined,
  timeoutMs: number,
  now: () => Date
): Promise<DiscoveryOutcome> {
  if (issuer === undefined) {
    return { check: skip('discovery', 'not checked: the token has no readable iss') };
  }
  const transport = transportProblem(issuer);
  if (transport !== undefined) {
    return {
      check: fail(
        'discovery',
        `the token's iss ${issuer} cannot be registered with IAM: ${transport}`,
        'use an https:// issuer (the IdP tenant or authorization server URL exactly as it appears in iss)'
      ),
    };
  }
  if (fetchFn === undefined) {
    return {
      check: skip(
        'discovery',
        `not checked offline: run doctor from a terminal to fetch ${discoveryUrl(issuer)}`
      ),
    };
  }
  const url = discoveryUrl(issuer);
  const got = await fetchJson(fetchFn, url, timeoutMs, now);
  if (!got.ok) {
    const fix =
      got.status === 404
        ? `the issuer publishes no discovery document at ${url}: check iss is the IdP's issuer exactly (for Okta, the authorization server URL such as https://TENANT.okta.com/oauth2/default)`
        : `make ${url} reachable over the internet (AWS STS fetches it to verify tokens); check DNS, firewall and TLS`;
    return { check: fail('discovery', got.reason, fix) };
  }
  const skewSeconds =
    got.date !== undefined
      ? Math.round((got.receivedAt.getTime() - got.date.getTime()) / 1000)
      : undefined;
  const skewPart = skewSeconds !== undefined ? { skewSeconds } : {};
  const documentIssuer = got.body.issuer;
  if (documentIssuer !== issuer) {
    const shown = typeof documentIssuer === 'string' ? documentIssuer : 'no issuer';
    const how =
      typeof documentIssuer === 'string' ? ` (${urlDifference(documentIssuer, issuer) ?? ''})` : '';
    return {
      ...skewPart,
      check: fail(
        'discovery',
        `${url} names ${shown}, but the token's iss is ${issuer}${how}: OpenID Connect requires them to be identical`,
        `use tokens whose iss is ${typeof documentIssuer === 'string' ? documentIssuer : "the discovery document's issuer"}, exactly (configure the IdP's issuer/authorization server, not a custom domain alias)`
      ),
    };
  }
  const jwksUri = got.body.jwks_uri;
  if (typeof jwksUri !== 'string' || jwksUri === '') {
    return {
      ...skewPart,
      check: fail(
        'discovery',
        `${url} has no jwks_uri: nobody can find the keys that verify the token`,
        "publish jwks_uri in the IdP's discovery document (standard IdPs always do: check the issuer URL)"
      ),
    };
  }
  const keyTransport = transportProblem(jwksUri);
  if (keyTransport !== undefined) {
    return {
      ...skewPart,
      check: fail(
        'discovery',
        `jwks_uri ${jwksUri} cannot be used: ${keyTransport}`,
        'serve the JWKS over https:// from a publicly trusted certificate'
      ),
    };
  }
  const local = isLoopbackUrl(issuer)
    ? ' (loopback: fine for the sandbox; a real issuer must be reachable by AWS over the internet)'
    : '';
  return {
    jwksUri,
    ...skewPart,
    check: pass('discovery', `${url}: issuer matches iss, jwks_uri ${jwksUri}${local}`),
  };
}

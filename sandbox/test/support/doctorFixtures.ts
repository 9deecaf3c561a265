// Test support for the doctor: tokens (unsigned, or signed with a throw-away key of the token
// issuer), a fetch that answers from a table, the tutorial's configuration as YAML for any issuer,
// and the generator's trust and permission policies. Tests only.

import type { JWK, JWTPayload } from 'jose';
import { localizeIssuer } from '../../src/account';
import type { IamReader } from '../../src/doctor';
import { createSigningKey, signToken } from '../../src/emulators/token-issuer';
import {
  DENY_OUTSIDE_MCP,
  formatJson,
  generatePermissionPolicy,
  generateTrustPolicy,
  tutorialValuesWith,
} from '../../src/policy';

export const ACCOUNT = '123456789012';
export const roleArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:role${path}${name}`;
export const DEFAULT_ROLE = roleArn('DefaultMCPRole');
export const S3_ROLE = roleArn('S3ReadOnlyMCPRole');
export const NOW = new Date('2026-06-01T12:00:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A compact JWS with a fake signature: enough for every check that does not verify signatures.
 * @example unsignedJwt({ alg: 'RS256', kid: 'k1' }, { sub: 'alice' })
 */
export function unsignedJwt(header: Record<string, unknown>, payload: Record<string, unknown>) {
  return `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;
}

/** Claims of a sound token for `issuer` at NOW. */
export function claimsFor(issuer: string, extra: Record<string, unknown> = {}): JWTPayload {
  return {
    iss: issuer,
    sub: 'alice',
    aud: 'toolhive-aws',
    exp: NOW_SECONDS + 3600,
    iat: NOW_SECONDS - 60,
    groups: ['s3-readers'],
    email: 'alice@example.com',
    ...extra,
  };
}

export interface TestKey {
  kid: string;
  alg: string;
  /** The public JWK as a JWKS would publish it. */
  jwk: JWK;
  sign(payload: JWTPayload, header?: Record<string, unknown>): Promise<string>;
}

/**
 * A throw-away signing key of the in-memory token issuer.
 * @example const key = await testKey('k1'); const token = await key.sign(claimsFor(iss));
 */
export async function testKey(kid: string, alg = 'RS256'): Promise<TestKey> {
  const key = await createSigningKey(kid, alg);
  return { kid, alg, jwk: key.jwk, sign: (payload, header) => signToken(key, payload, header) };
}

/** One canned answer: a JSON body (or text), a status and headers. */
export interface CannedResponse {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/**
 * A fetch that answers from a table by URL (method ignored); unknown URLs fail like a refused
 * connection. Records every URL asked for.
 * @example const fetch = tableFetch({ 'https://idp/.well-known/openid-configuration': { json: {…} } })
 */
export function tableFetch(
  table: Record<string, CannedResponse | (() => CannedResponse)>
): typeof globalThis.fetch & { calls: string[] } {
  const calls: string[] = [];
  const fetchFn = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    const entry = table[url];
    if (entry === undefined) {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    }
    const canned = typeof entry === 'function' ? entry() : entry;
    const body = canned.json !== undefined ? JSON.stringify(canned.json) : (canned.text ?? '');
    return new Response(body, {
      status: canned.status ?? 200,
      headers: { 'content-type': 'application/json', ...canned.headers },
    });
  };
  return Object.assign(fetchFn as typeof globalThis.fetch, { calls });
}

/** Options of the tutorial configuration YAML. */
export interface ConfigOptions {
  issuer?: string;
  audience?: string;
  region?: string;
  remoteUrl?: string;
  /** Replaces the awsSts block (indented by the caller as under `awsSts:`). */
  awsSts?: string;
  withCompanions?: boolean;
}

/**
 * The tutorial's MCPOIDCConfig, MCPExternalAuthConfig and MCPRemoteProxy, for any issuer.
 * @example tutorialConfig({ issuer: 'http://127.0.0.1:4101' })
 */
export function tutorialConfig(options: ConfigOptions = {}): string {
  const region = options.region ?? 'us-east-1';
  const awsSts =
    options.awsSts ??
    `    region: ${region}
    service: aws-mcp
    fallbackRoleArn: ${DEFAULT_ROLE}
    roleClaim: groups
    roleMappings:
      - claim: s3-readers
        roleArn: ${S3_ROLE}
        priority: 10
    sessionDuration: 900
    sessionNameClaim: sub
`;
  const external = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata:
  name: aws-mcp-sts-auth
  namespace: toolhive-system
spec:
  type: awsSts
  awsSts:
${awsSts}`;
  if (options.withCompanions === false) return external;
  return `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPOIDCConfig
metadata:
  name: aws-mcp-oidc
  namespace: toolhive-system
spec:
  type: inline
  inline:
    issuer: ${options.issuer ?? 'https://dev-123456.okta.com/oauth2/default'}
---
${external}---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRemoteProxy
metadata:
  name: aws-mcp-proxy
  namespace: toolhive-system
spec:
  remoteUrl: ${options.remoteUrl ?? `https://aws-mcp.${region}.api.aws/mcp`}
  transport: streamable-http
  oidcConfigRef:
    name: aws-mcp-oidc
    audience: ${options.audience ?? 'toolhive-aws'}
    resourceUrl: https://mcp.example.com/mcp
  externalAuthConfigRef:
    name: aws-mcp-sts-auth
`;
}

/** The generator's trust policy for an issuer (aud, and optionally sub, conditions). */
export function trustPolicy(
  issuer: string,
  options: { audience?: string; subjects?: string[]; account?: string } = {}
): string {
  const values = tutorialValuesWith({
    audience: options.audience ?? 'toolhive-aws',
    accountId: options.account ?? ACCOUNT,
  });
  const role = { restrictSubjects: options.subjects ?? [] };
  return formatJson(generateTrustPolicy(localizeIssuer(values, issuer), role));
}

/** The guardrail statement of the tutorial's permission policies. */
export const GUARDRAIL = DENY_OUTSIDE_MCP;

/** The tutorial's S3 read-only permission policy, as the generator writes it. */
export const S3_PERMISSIONS = formatJson(generatePermissionPolicy('s3-read-only'));

/** An in-memory account for a fake IamReader. */
export interface FakeAccount {
  /** Registered provider URLs (as IAM stores them: no scheme) and their client IDs. */
  providers?: Record<string, string[]>;
  /** Roles by ARN: trust policy, inline policies, MaxSessionDuration. */
  roles?: Record<
    string,
    { trust: string; policies?: Record<string, string>; maxSessionDuration?: number }
  >;
  /** Operations that fail, by name, with this error name. */
  refuse?: Partial<Record<keyof IamReader, string>>;
}

/**
 * An IamReader over an in-memory account (what the doctor reads through `--aws`).
 * @example const iam = fakeIam({ providers: { 'idp.example.com': ['toolhive-aws'] } });
 */
export function fakeIam(account: FakeAccount): IamReader {
  const refuse = (operation: string) => {
    const name = (account.refuse as Record<string, string> | undefined)?.[operation];
    if (name !== undefined) {
      throw Object.assign(
        new Error(
          `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: iam:${operation}`
        ),
        { name }
      );
    }
  };
  const providerArn = (url: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${url}`;
  return {
    async listOpenIdConnectProviders() {
      refuse('listOpenIdConnectProviders');
      return Object.keys(account.providers ?? {}).map(providerArn);
    },
    async getOpenIdConnectProvider(arn) {
      refuse('getOpenIdConnectProvider');
      const url = Object.keys(account.providers ?? {}).find((u) => providerArn(u) === arn);
      return url === undefined
        ? undefined
        : { arn, url, clientIds: account.providers?.[url] ?? [] };
    },
    async getRole(roleName) {
      refuse('getRole');
      const entry = Object.entries(account.roles ?? {}).find(([arn]) =>
        arn.endsWith(`/${roleName}`)
      );
      if (entry === undefined) return undefined;
      const [arn, role] = entry;
      return {
        roleName,
        arn,
        assumeRolePolicyDocument: role.trust,
        maxSessionDuration: role.maxSessionDuration ?? 3600,
      };
    },
    async getRolePermissionPolicies(roleName) {
      refuse('getRolePermissionPolicies');
      const entry = Object.entries(account.roles ?? {}).find(([arn]) =>
        arn.endsWith(`/${roleName}`)
      );
      return Object.entries(entry?.[1].policies ?? {}).map(([name, document]) => ({
        source: name.startsWith('arn:') ? `managed ${name}` : `inline ${name}`,
        document,
      }));
    },
  };
}

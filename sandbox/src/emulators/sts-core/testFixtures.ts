// Test helper: an account with the tutorial's OIDC provider and roles, and a signer for web
// identity tokens. For tests of the STS core and servers only; not exported from index.ts.

import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { oidcProviderHostPath } from '../state';
import type { AccountState, RoleRecord } from '../state';
import type { ResolveJwks } from './types';

export const AUDIENCE = 'toolhive-aws';
export const ROLE_ID = 'AROAEXAMPLEEXAMPLE123';

/** The tutorial's trust policy for a provider URL, optionally limited to some subjects. */
export function tutorialTrustPolicy(state: AccountState, url: string, subjects?: string[]): string {
  const prefix = oidcProviderHostPath(url);
  const equals: Record<string, string | string[]> = { [`${prefix}:aud`]: AUDIENCE };
  if (subjects !== undefined) equals[`${prefix}:sub`] = subjects;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowToolHiveWebIdentity',
        Effect: 'Allow',
        Principal: { Federated: state.oidcProviderArn(url) },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: equals },
      },
    ],
  });
}

/** Registers a provider and returns its ARN. */
export function addProvider(state: AccountState, url: string, clientIds = [AUDIENCE]): string {
  const arn = state.oidcProviderArn(url);
  state.oidcProviders.set(arn, {
    arn,
    url,
    clientIds,
    thumbprints: [],
    createDate: new Date('2026-01-01T00:00:00Z'),
    tags: [],
  });
  return arn;
}

/** Adds a role with the given trust policy. */
export function addRole(
  state: AccountState,
  roleName: string,
  trustPolicy: string,
  maxSessionDuration = 3600
): RoleRecord {
  const role: RoleRecord = {
    roleName,
    roleId: ROLE_ID,
    arn: state.roleArn(roleName),
    path: '/',
    assumeRolePolicyDocument: trustPolicy,
    maxSessionDuration,
    createDate: new Date('2026-01-01T00:00:00Z'),
    inlinePolicies: new Map(),
  };
  state.roles.set(roleName, role);
  return role;
}

/** A signing key and its public JWK. */
export interface TestSigner {
  alg: string;
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/** A fresh key pair for `alg`, published under `kid`. */
export async function createSigner(alg = 'RS256', kid = 'k1'): Promise<TestSigner> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** Signs claims as a compact JWS; header fields override `{alg, kid}`. */
export function signToken(
  signer: TestSigner,
  claims: JWTPayload,
  header: Record<string, unknown> = {}
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, ...header })
    .sign(signer.privateKey);
}

/** A resolver serving a fixed JWKS for every issuer. */
export function localJwks(...signers: TestSigner[]): ResolveJwks {
  const getKey = createLocalJWKSet({ keys: signers.map((s) => s.jwk) });
  return () => getKey;
}

// The emulated AWS side of the hardening suite (and of `npm run bench`): an account trusting a
// test issuer for the proxy's two roles (testHarness TEST_CONFIG), and tokens of users, admins
// and attackers.

import { base64url } from 'jose';
import type { JWTPayload } from 'jose';
import type { TestIssuer } from '../../src/auth/testIssuer';
import { AccountState, oidcProviderHostPath } from '../../src/emulators/state';
import { TEST_AUDIENCE } from '../../src/proxy/testHarness';

/** The roles TEST_CONFIG maps to: `s3-readers` by claim, `admins` by CEL matcher. */
export const ROLES = { reader: 'S3ReadOnlyMCPRole', admin: 'AdminMCPRole' } as const;

/** Only for the emulator's GetCallerIdentity, which AWS answers whatever the policy says. */
const PERMISSIONS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }],
});

/**
 * An account with an IAM OIDC provider for `issuer` and both roles, trusting its tokens for the
 * test audience (the tutorial's trust policy).
 * @example const state = accountTrusting(issuer.issuer);
 */
export function accountTrusting(issuer: string): AccountState {
  const state = new AccountState();
  const providerArn = state.oidcProviderArn(issuer);
  state.oidcProviders.set(providerArn, {
    arn: providerArn,
    url: issuer,
    clientIds: [TEST_AUDIENCE],
    thumbprints: [],
    createDate: new Date(),
    tags: [],
  });
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${oidcProviderHostPath(issuer)}:aud`]: TEST_AUDIENCE } },
      },
    ],
  });
  for (const [i, roleName] of Object.values(ROLES).entries()) {
    state.roles.set(roleName, {
      roleName,
      roleId: `AROAHARDENING${i}EXAMPLE`,
      arn: state.roleArn(roleName),
      path: '/',
      assumeRolePolicyDocument: trust,
      maxSessionDuration: 3600,
      createDate: new Date(),
      inlinePolicies: new Map([[`${roleName}Permissions`, PERMISSIONS]]),
    });
  }
  return state;
}

/** User `i` of a load: one in four is an admin. */
export function userClaims(
  issuer: TestIssuer,
  i: number
): JWTPayload & { sub: string; groups: string[] } {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer.issuer,
    aud: TEST_AUDIENCE,
    sub: `user-${i}`,
    groups: i % 4 === 3 ? ['admins'] : ['s3-readers'],
    iat: now,
    exp: now + 3600,
  };
}

/** Tokens the proxy must refuse with 401, each for a different reason. */
export async function badTokens(issuer: TestIssuer, kid: string): Promise<string[]> {
  const good = userClaims(issuer, 0);
  const now = Math.floor(Date.now() / 1000);
  const signed = await issuer.sign(good, kid);
  const [header, , signature] = signed.split('.');
  return [
    await issuer.sign({ ...good, iat: now - 7200, exp: now - 3600 }, kid), // expired
    await issuer.sign({ ...good, aud: 'another-api' }, kid), // wrong audience
    `${header}.${base64url.encode(JSON.stringify({ ...good, groups: ['admins'] }))}.${signature}`,
    `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(good))}.`,
    'not-a-jwt-at-all',
  ];
}

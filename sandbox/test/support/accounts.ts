// Test support: the emulated accounts tests and the bench run against, each seeded by the
// sandbox's seedAccount from generator values (the tutorial's, or roles trusting a test issuer),
// with role ids pinned so answers are predictable; and credentials as STS would issue them.

import { localizeIssuer, seedAccount } from '../../src/account';
import type { AccountState, IssuedCredentials } from '../../src/emulators/state';
import { tutorialValuesWith } from '../../src/policy';
import type { GeneratorValues, MappedRoleInput } from '../../src/policy';

/** The tokens' audience in every test account (the tutorial's). */
export const AUDIENCE = 'toolhive-aws';

/** The role id of every role of `accountTrusting` (in AssumedRoleId and UserId). */
export const ROLE_ID = 'AROAEXAMPLEEXAMPLE123';

/** `CreateDate` of everything a test account holds. */
const CREATED = new Date('2026-01-01T00:00:00Z');

/**
 * The proxy harness's roles (its TEST_CONFIG): `S3ReadOnlyMCPRole` for the `s3-readers` group by
 * claim, `AdminMCPRole` for `admins` by CEL matcher; no fallback role.
 */
export const HARNESS_ROLES: readonly MappedRoleInput[] = [
  { name: 'S3ReadOnlyMCPRole', claim: 's3-readers', priority: 10, permissions: 's3-read-only' },
  {
    name: 'AdminMCPRole',
    matcher: '"admins" in claims["groups"]',
    priority: 1,
    permissions: 'default',
  },
];

/** A role of `accountTrusting`; by default mapped from a claim equal to its name. */
export type TrustedRole = Pick<MappedRoleInput, 'name'> & Partial<MappedRoleInput>;

export interface TrustOptions {
  /** Default: HARNESS_ROLES. */
  roles?: readonly TrustedRole[];
  /** Above 3600, every role's maximum session is raised to it (as the tutorial's setup does). */
  sessionDuration?: number;
}

/**
 * The generator's values for roles trusting `issuer` (any URL, loopback `http://` included) for
 * AUDIENCE: the tutorial's values with these roles and no fallback role.
 * @example valuesTrusting('http://127.0.0.1:1234/oauth2/default').roles.map((r) => r.name) // ['S3ReadOnlyMCPRole', 'AdminMCPRole']
 */
export function valuesTrusting(issuer: string, options: TrustOptions = {}): GeneratorValues {
  const roles = (options.roles ?? HARNESS_ROLES).map((role): MappedRoleInput => ({
    permissions: 'default',
    ...(role.matcher === undefined ? { claim: role.claim ?? role.name } : {}),
    ...role,
  }));
  const values = tutorialValuesWith({
    audience: AUDIENCE,
    fallbackRole: undefined,
    roles,
    ...(options.sessionDuration !== undefined ? { sessionDuration: options.sessionDuration } : {}),
  });
  return localizeIssuer(values, issuer);
}

/**
 * An account with an IAM OIDC provider for `issuer` and the roles, each trusting its tokens for
 * AUDIENCE with the tutorial's trust policy and holding its generated permission policy.
 * @example const state = accountTrusting(issuer.issuer, { roles: [{ name: 'Dev', restrictSubjects: ['alice'] }] });
 */
export function accountTrusting(issuer: string, options: TrustOptions = {}): AccountState {
  return pinRoleIds(seedAccount(valuesTrusting(issuer, options), { now: CREATED }), () => ROLE_ID);
}

/** The tutorial's example role ids of `tutorialTestAccount`. */
const TUTORIAL_ROLE_IDS: Readonly<Record<string, string>> = {
  DefaultMCPRole: 'AROADEFAULTEXAMPLE01',
  S3ReadOnlyMCPRole: 'AROAS3READEXAMPLE01',
};

/**
 * The tutorial's account as its setup leaves it: the example issuer's provider, `DefaultMCPRole`
 * (fallback, preset `default`) and `S3ReadOnlyMCPRole` (`s3-read-only`) with their policies.
 * @example const state = tutorialTestAccount(); state.findRole('DefaultMCPRole')?.roleId // 'AROADEFAULTEXAMPLE01'
 */
export function tutorialTestAccount(): AccountState {
  return pinRoleIds(
    seedAccount(tutorialValuesWith(), { now: CREATED }),
    (name) => TUTORIAL_ROLE_IDS[name] ?? ROLE_ID
  );
}

function pinRoleIds(state: AccountState, idOf: (roleName: string) => string): AccountState {
  for (const role of state.roles.values()) role.roleId = idOf(role.roleName);
  return state;
}

/**
 * Remembers credentials for a role session, as AssumeRoleWithWebIdentity would issue them.
 * @example const creds = issueTestCredentials(state, 'S3ReadOnlyMCPRole', 'alice', new Date(Date.now() + 3600_000));
 */
export function issueTestCredentials(
  state: AccountState,
  roleName: string,
  sessionName: string,
  expiration: Date
): IssuedCredentials {
  const role = state.findRole(roleName);
  if (!role) throw new Error(`no role ${roleName}`);
  const suffix = `${roleName}${sessionName}`
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase()
    .slice(0, 12);
  const credentials: IssuedCredentials = {
    accessKeyId: `ASIA${suffix.padEnd(16, 'X')}`,
    secretAccessKey: `secret-${roleName}-${sessionName}`,
    sessionToken: `token-${roleName}-${sessionName}`,
    expiration,
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    assumedRoleArn: `arn:${state.partition}:sts::${state.accountId}:assumed-role/${role.roleName}/${sessionName}`,
    subject: sessionName,
    issuer: 'https://idp.example.com',
    audience: AUDIENCE,
  };
  state.rememberCredentials(credentials);
  return credentials;
}

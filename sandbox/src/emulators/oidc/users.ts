// The demo users of the local OIDC provider: who they are, their groups and the claims their
// tokens carry. It does not authenticate anyone (the interaction pages do) and holds no secrets.

/** A demo user. `sub` becomes the token's `sub` (and, through ToolHive, the STS session name). */
export interface DemoUser {
  /** What you type (or click) on the login page, and pass as `--user`. */
  username: string;
  sub: string;
  /** Always a list, as ToolHive's `claim` mappings require. */
  groups: string[];
  /** Further claims the tokens carry, e.g. `email`, `name`, `org`. */
  claims?: Record<string, string | boolean | number | string[]>;
  /** Shown on the login page: why this user is in the demo. */
  description?: string;
}

/**
 * The default demo users: alice maps to the S3 role, bob to the fallback role, and carol's `sub`
 * (`auth0|carol`) is not a valid RoleSessionName, so ToolHive refuses her with 401.
 */
export const DEFAULT_USERS: readonly DemoUser[] = [
  {
    username: 'alice',
    sub: 'alice',
    groups: ['s3-readers'],
    claims: {
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice Example',
      preferred_username: 'alice',
    },
    description: 'in s3-readers: gets the S3 read-only role',
  },
  {
    username: 'bob',
    sub: 'bob',
    groups: [],
    claims: {
      email: 'bob@example.com',
      email_verified: true,
      name: 'Bob Example',
      preferred_username: 'bob',
    },
    description: 'in no mapped group: gets the fallback (default) role',
  },
  {
    username: 'carol',
    sub: 'auth0|carol',
    groups: ['s3-readers'],
    claims: {
      email: 'carol@example.com',
      email_verified: true,
      name: 'Carol Example',
      preferred_username: 'carol',
    },
    description: 'sub "auth0|carol" is not a valid RoleSessionName: ToolHive answers 401',
  },
];

/**
 * Finds a demo user by login name (exact, case-sensitive).
 * @example findUserByUsername(DEFAULT_USERS, 'alice')?.sub // 'alice'
 */
export function findUserByUsername(
  users: readonly DemoUser[],
  username: string
): DemoUser | undefined {
  return users.find((user) => user.username === username);
}

/**
 * Finds a demo user by subject (the provider's account id).
 * @example findUserBySub(DEFAULT_USERS, 'auth0|carol')?.username // 'carol'
 */
export function findUserBySub(users: readonly DemoUser[], sub: string): DemoUser | undefined {
  return users.find((user) => user.sub === sub);
}

/**
 * Every claim of a user's tokens except `sub` (the provider sets it): the user's claims plus
 * `groups` as a list.
 * @example userTokenClaims(DEFAULT_USERS[0]!).groups // ['s3-readers']
 */
export function userTokenClaims(user: DemoUser): Record<string, unknown> {
  return { ...user.claims, groups: [...user.groups] };
}

/**
 * Checks a user list: usernames and subs present and unique. Returns the problems.
 * @example validateUsers([{ username: 'a', sub: '', groups: [] }]) // ['users[0].sub must not be empty']
 */
export function validateUsers(users: readonly DemoUser[]): string[] {
  const problems: string[] = [];
  const usernames = new Set<string>();
  const subs = new Set<string>();
  users.forEach((user, i) => {
    if (!user.username) problems.push(`users[${i}].username must not be empty`);
    if (!user.sub) problems.push(`users[${i}].sub must not be empty`);
    if (!Array.isArray(user.groups)) problems.push(`users[${i}].groups must be a list`);
    if (usernames.has(user.username)) problems.push(`users[${i}].username is a duplicate`);
    if (subs.has(user.sub)) problems.push(`users[${i}].sub is a duplicate`);
    usernames.add(user.username);
    subs.add(user.sub);
  });
  return problems;
}

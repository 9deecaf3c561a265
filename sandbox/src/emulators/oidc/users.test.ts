import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_USERS, userTokenClaims, validateUsers } from './users';

describe('demo users', () => {
  it('carry groups as a list and no sub in their extra claims', () => {
    for (const user of DEFAULT_USERS) {
      const claims = userTokenClaims(user);
      assert.ok(Array.isArray(claims.groups));
      assert.equal(claims.sub, undefined);
    }
  });

  const cases: { name: string; users: Parameters<typeof validateUsers>[0]; problems: string[] }[] =
    [
      { name: 'the defaults are valid', users: DEFAULT_USERS, problems: [] },
      {
        name: 'an empty sub',
        users: [{ username: 'a', sub: '', groups: [] }],
        problems: ['users[0].sub must not be empty'],
      },
      {
        name: 'a duplicate username',
        users: [
          { username: 'a', sub: '1', groups: [] },
          { username: 'a', sub: '2', groups: [] },
        ],
        problems: ['users[1].username is a duplicate'],
      },
    ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(validateUsers(c.users), c.problems));
  }
});

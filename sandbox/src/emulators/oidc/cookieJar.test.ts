import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCookieJar } from './cookieJar';

describe('cookie jar', () => {
  const cases: {
    name: string;
    sets: [string, string][];
    path: string;
    expected: string | undefined;
  }[] = [
    {
      name: 'path / reaches everything',
      sets: [['_session=s; path=/; httponly', '/auth']],
      path: '/interaction/x',
      expected: '_session=s',
    },
    {
      name: 'a path-scoped cookie stays in its path',
      sets: [['_interaction=i; path=/interaction/abc', '/auth']],
      path: '/interaction/abcd',
      expected: undefined,
    },
    {
      name: 'longer paths first',
      sets: [
        ['a=1; path=/', '/'],
        ['b=2; path=/auth/x', '/auth'],
      ],
      path: '/auth/x/y',
      expected: 'b=2; a=1',
    },
    {
      name: 'expired cookies are removed',
      sets: [
        ['a=1; path=/', '/'],
        ['a=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT', '/'],
      ],
      path: '/',
      expected: undefined,
    },
    {
      name: 'max-age=0 removes',
      sets: [
        ['a=1; path=/', '/'],
        ['a=1; path=/; max-age=0', '/'],
      ],
      path: '/',
      expected: undefined,
    },
    {
      name: 'default path is the request directory',
      sets: [['a=1', '/auth/x']],
      path: '/auth/y',
      expected: 'a=1',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const jar = createCookieJar(() => Date.parse('2026-06-01T00:00:00Z'));
      for (const [header, path] of c.sets) jar.store(header, path);
      assert.equal(jar.header(c.path), c.expected);
    });
  }
});

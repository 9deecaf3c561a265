import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDocumentation } from './docRead';
import { TEST_PAGES as PAGES } from '../../../test/support/docPages';

describe('readDocumentation', () => {
  const cases: {
    url: string;
    options: { maxLength?: number; startIndex?: number };
    expected: RegExp;
    next?: number;
  }[] = [
    { url: '/toolhive/concepts/backend-auth', options: {}, expected: /^# Backend authentication/ },
    {
      url: 'https://docs.example.com/toolhive/concepts/backend-auth/#x',
      options: {},
      expected: /Token exchange/,
    },
    {
      url: 'toolhive/concepts/backend-auth.mdx',
      options: { maxLength: 10 },
      expected: /^# Backend $/,
      next: 10,
    },
    {
      url: '/toolhive/concepts/backend-auth',
      options: { startIndex: 10, maxLength: 14 },
      expected: /^authentication$/,
      next: 24,
    },
  ];
  for (const c of cases) {
    it(`reads ${c.url}`, () => {
      const read = readDocumentation(PAGES, c.url, c.options);
      assert.ok(read.ok);
      assert.match(read.content, c.expected);
      assert.equal(read.nextStartIndex, c.next);
    });
  }

  it('refuses an unknown page', () => {
    const read = readDocumentation(PAGES, '/nowhere');
    assert.equal(read.ok, false);
  });
});

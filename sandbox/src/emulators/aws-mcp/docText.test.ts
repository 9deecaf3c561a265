import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocPage, plainText } from './docText';
import { TEST_PAGES as PAGES } from '../../../test/support/docPages';

describe('parseDocPage', () => {
  const cases: { name: string; index: number; field: 'title' | 'urlPath'; expected: string }[] = [
    {
      name: 'title from front matter',
      index: 0,
      field: 'title',
      expected: 'AWS STS authentication',
    },
    {
      name: 'route from the path',
      index: 0,
      field: 'urlPath',
      expected: '/toolhive/tutorials/aws-sts-integration',
    },
    { name: 'title from the first heading', index: 2, field: 'title', expected: 'Guides' },
    {
      name: 'number prefix and index dropped',
      index: 2,
      field: 'urlPath',
      expected: '/toolhive/guides',
    },
    { name: 'absolute slug', index: 3, field: 'urlPath', expected: '/custom/place' },
    { name: 'title from the file name', index: 3, field: 'title', expected: 'other' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(PAGES[c.index]?.[c.field], c.expected));
  }

  it('keeps words and code, drops markup', () => {
    assert.equal(
      plainText(
        ":::info[Note]\nSee [the tutorial](./x.mdx) for `awsSts`.\n<Tabs groupId='a'>\n:::"
      ),
      'Note\nSee the tutorial for awsSts.\n \n'
    );
  });

  const routes: { path: string; source: string; expected: string }[] = [
    { path: 'a/b/README.md', source: '# Readme', expected: '/a/b' },
    { path: 'a/old-name.mdx', source: '---\nid: new-name\n---\n', expected: '/a/new-name' },
    { path: 'a/page.mdx', source: '---\nslug: renamed\n---\n', expected: '/a/renamed' },
    { path: 'index.mdx', source: '', expected: '/' },
  ];
  for (const c of routes) {
    it(`routes ${c.path}`, () => assert.equal(parseDocPage(c.path, c.source).urlPath, c.expected));
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchDocuments, searchTerms } from './docSearch';
import { TEST_PAGES as PAGES } from '../../../test/support/docPages';

describe('searchDocuments', () => {
  const cases: { phrase: string; urls: string[] }[] = [
    {
      phrase: 'awsSts',
      urls: ['/toolhive/tutorials/aws-sts-integration', '/toolhive/concepts/backend-auth'],
    },
    {
      phrase: 'role mappings',
      urls: ['/toolhive/guides', '/toolhive/tutorials/aws-sts-integration'],
    },
    {
      phrase: 'backend authentication',
      urls: ['/toolhive/concepts/backend-auth', '/toolhive/tutorials/aws-sts-integration'],
    },
    { phrase: 'the of and', urls: [] },
    { phrase: 'kubernetes', urls: [] },
  ];
  for (const c of cases) {
    it(`ranks "${c.phrase}"`, () => {
      assert.deepEqual(
        searchDocuments(PAGES, c.phrase, 5).map((r) => r.url),
        c.urls
      );
    });
  }

  it('limits results and cuts a snippet around the hit', () => {
    const [hit, ...rest] = searchDocuments(PAGES, 'awsSts', 1);
    assert.equal(rest.length, 0);
    assert.equal(hit?.rank_order, 1);
    assert.match(hit?.snippet ?? '', /Configure awsSts/);
  });

  it('splits terms on punctuation but keeps camelCase words whole', () => {
    assert.deepEqual(searchTerms('How do I set awsSts.region for aws-mcp?'), [
      'set',
      'awssts',
      'region',
      'aws',
      'mcp',
    ]);
  });
});

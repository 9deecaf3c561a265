import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostPath, isLoopbackUrl, transportProblem, urlDifference } from './urls';

describe('urlDifference', () => {
  const cases: { name: string; expected: string; actual: string; says: RegExp | undefined }[] = [
    { name: 'equal', expected: 'https://a/x', actual: 'https://a/x', says: undefined },
    {
      name: 'extra slash',
      expected: 'https://a/x',
      actual: 'https://a/x/',
      says: /ends with a slash/,
    },
    {
      name: 'missing slash',
      expected: 'https://a/',
      actual: 'https://a',
      says: /lacks the trailing slash/,
    },
    {
      name: 'missing path',
      expected: 'https://a/oauth2/default',
      actual: 'https://a',
      says: /lacks the path \/oauth2\/default/,
    },
    {
      name: 'other path',
      expected: 'https://a/oauth2/x',
      actual: 'https://a/oauth2/y',
      says: /path is \/oauth2\/y instead of \/oauth2\/x/,
    },
    {
      name: 'case',
      expected: 'https://A.example.com',
      actual: 'https://a.example.com',
      says: /only in letter case/,
    },
    {
      name: 'scheme',
      expected: 'https://a',
      actual: 'http://a',
      says: /scheme is http:\/\/ instead of https:\/\//,
    },
    { name: 'host', expected: 'https://a', actual: 'https://b', says: /host is b instead of a/ },
    { name: 'not URLs', expected: 'abc', actual: 'abd', says: /from character 3 on/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const said = urlDifference(c.expected, c.actual);
      if (c.says === undefined) assert.equal(said, undefined);
      else assert.match(said ?? '', c.says);
    });
  }
});

describe('issuer URL helpers', () => {
  it('strips the scheme as IAM does, keeping path and trailing slash', () => {
    assert.equal(hostPath('https://x.auth0.com/'), 'x.auth0.com/');
    assert.equal(hostPath('http://127.0.0.1:4101'), '127.0.0.1:4101');
  });

  it('accepts https anywhere and plain http on loopback only', () => {
    assert.equal(transportProblem('https://idp.example.com'), undefined);
    assert.equal(transportProblem('http://127.0.0.1:4101'), undefined);
    assert.match(
      transportProblem('http://idp.example.com') ?? '',
      /uses http:\/\/; IAM and STS accept only https/
    );
    assert.match(transportProblem('nope') ?? '', /not a URL/);
    assert.equal(isLoopbackUrl('http://localhost:1'), true);
    assert.equal(isLoopbackUrl('https://example.com'), false);
  });
});

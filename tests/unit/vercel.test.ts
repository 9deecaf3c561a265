// vercel.json: redirects land on pages that exist, and the security headers are present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/mdx';

interface VercelConfig {
  cleanUrls: boolean;
  redirects: { source: string; destination: string; permanent: boolean }[];
  headers: { source: string; headers: { key: string; value: string }[] }[];
}

const vercel = JSON.parse(readFileSync(join(repoRoot, 'vercel.json'), 'utf8')) as VercelConfig;

test('clean URLs are on', () => {
  assert.equal(vercel.cleanUrls, true);
});

test('the old integrations URL redirects permanently to the tutorial', () => {
  const r = vercel.redirects.find((x) => x.source === '/toolhive/integrations/aws-sts');
  assert.deepEqual(r, {
    source: '/toolhive/integrations/aws-sts',
    destination: '/toolhive/tutorials/aws-sts-integration',
    permanent: true,
  });
});

for (const redirect of vercel.redirects) {
  test(`redirect ${redirect.source} lands on an existing doc`, () => {
    const doc = join(repoRoot, 'docs', `${redirect.destination}.mdx`);
    assert.ok(existsSync(doc), `${redirect.destination} has no page (${doc})`);
    assert.ok(!existsSync(join(repoRoot, 'docs', `${redirect.source}.mdx`)), 'source still exists');
  });
}

test('every page gets the security headers', () => {
  const all = vercel.headers.find((h) => h.source === '/(.*)');
  assert.ok(all);
  const keys = all.headers.map((h) => h.key);
  for (const key of [
    'Content-Security-Policy',
    'Strict-Transport-Security',
    'X-Content-Type-Options',
    'Referrer-Policy',
    'X-Frame-Options',
    'Permissions-Policy',
  ]) {
    assert.ok(keys.includes(key), `${key} is missing`);
  }
  const csp = all.headers.find((h) => h.key === 'Content-Security-Policy')?.value ?? '';
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-eval/);
});

/** path-to-regexp's `(.*)` as a regular expression, the rest literal: enough for these sources. */
function sourceMatches(source: string, path: string): boolean {
  const pattern = source
    .split('(.*)')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(path);
}

function headerFor(path: string, key: string): string | undefined {
  let value: string | undefined;
  for (const rule of vercel.headers) {
    if (!sourceMatches(rule.source, path)) continue;
    value = rule.headers.find((h) => h.key === key)?.value ?? value;
  }
  return value;
}

test('Markdown twins and llms.txt are served as UTF-8 Markdown and text', () => {
  assert.equal(
    headerFor('/toolhive/tutorials/aws-sts-integration.md', 'Content-Type'),
    'text/markdown; charset=utf-8'
  );
  assert.equal(headerFor('/llms.txt', 'Content-Type'), 'text/plain; charset=utf-8');
  assert.equal(headerFor('/llms-full.txt', 'Content-Type'), 'text/plain; charset=utf-8');
  assert.equal(headerFor('/toolhive/tutorials/aws-sts-integration', 'Content-Type'), undefined);
  // They keep the security headers every path gets.
  assert.ok(headerFor('/llms.txt', 'Content-Security-Policy'));
});

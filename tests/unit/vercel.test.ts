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

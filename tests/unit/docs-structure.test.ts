// House rules of every docs page: front matter, fenced code with language and title, and the
// tutorial's closing sections. Content correctness of resources is in docs-resources.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAllDocPages } from './lib/mdx';

const pages = readAllDocPages();

test('the docs exist', () => {
  const files = pages.map((p) => p.file);
  for (const required of [
    'docs/toolhive/tutorials/aws-sts-integration.mdx',
    'docs/toolhive/tutorials/aws-sts-diagnose.mdx',
    'docs/toolhive/concepts/backend-auth.mdx',
    'docs/toolhive/guides-k8s/token-exchange-k8s.mdx',
    'docs/toolhive/guides-k8s/remote-mcp-proxy.mdx',
  ]) {
    assert.ok(files.includes(required), `${required} is missing`);
  }
});

for (const page of pages) {
  test(`${page.file}: front matter has a title and a standalone description`, () => {
    const { title, description } = page.frontMatter;
    assert.equal(typeof title, 'string', 'title is required');
    assert.ok((title as string).length > 0);
    assert.equal(typeof description, 'string', 'description is required');
    assert.ok((description as string).length >= 50, 'description is too short to stand alone');
    assert.doesNotMatch(description as string, /^Learn how to/i);
  });

  test(`${page.file}: every code fence has a language and a title`, () => {
    for (const fence of page.fences) {
      assert.ok(fence.lang, `fence at line ${fence.line} has no language`);
      if (fence.lang === 'mermaid') continue;
      assert.match(fence.meta ?? '', /title="[^"]+"/, `fence at line ${fence.line} has no title`);
    }
  });

  test(`${page.file}: no stale facts (retired aws-mcp actions outside a legacy note, remoteURL)`, () => {
    for (const fence of page.fences) {
      assert.doesNotMatch(fence.value, /remoteURL/, `line ${fence.line}: v1beta1 uses remoteUrl`);
      if (fence.lang === 'json') {
        assert.doesNotMatch(
          fence.value,
          /"aws-mcp:/,
          `line ${fence.line}: aws-mcp:* actions are retired and have no effect`
        );
      }
    }
  });
}

test('the tutorial closes with Next steps, Related information, Troubleshooting', () => {
  const tutorial = pages.find((p) => p.file.endsWith('tutorials/aws-sts-integration.mdx'));
  assert.ok(tutorial);
  const h2 = tutorial.headings.filter((h) => h.depth === 2).map((h) => h.text);
  assert.deepEqual(h2.slice(-3), ['Next steps', 'Related information', 'Troubleshooting']);
  const troubleshooting = tutorial.source.slice(tutorial.source.lastIndexOf('## Troubleshooting'));
  const details = troubleshooting.match(/<details>/g) ?? [];
  assert.ok(details.length >= 7, `expected a <details> per failure, found ${details.length}`);
});

test('the tutorial has a Mermaid diagram and IdP tabs', () => {
  const tutorial = pages.find((p) => p.file.endsWith('tutorials/aws-sts-integration.mdx'));
  assert.ok(tutorial);
  assert.ok(tutorial.fences.some((f) => f.lang === 'mermaid'));
  assert.match(tutorial.source, /<Tabs[^>]*groupId=['"]idp['"][^>]*queryString=['"]provider['"]/);
  for (const idp of ['Okta', 'Auth0', 'Microsoft Entra ID', 'Keycloak']) {
    assert.match(tutorial.source, new RegExp(`label=['"]${idp}['"]`), `${idp} tab is missing`);
  }
});

test('cross-reference pages link to the tutorial', () => {
  for (const suffix of [
    'concepts/backend-auth.mdx',
    'guides-k8s/token-exchange-k8s.mdx',
    'guides-k8s/remote-mcp-proxy.mdx',
  ]) {
    const page = pages.find((p) => p.file.endsWith(suffix));
    assert.ok(page, `${suffix} is missing`);
    assert.match(page.source, /\]\(\.\.\/tutorials\/aws-sts-integration\.mdx(#[\w-]+)?\)/);
  }
  const proxyGuide = pages.find((p) => p.file.endsWith('guides-k8s/remote-mcp-proxy.mdx'));
  assert.match(proxyGuide?.source ?? '', /:::tip\[AWS services\]/);
  const concept = pages.find((p) => p.file.endsWith('concepts/backend-auth.mdx'));
  assert.ok(concept?.headings.some((h) => h.text === 'Built-in AWS STS support'));
});

// llms.txt and llms-full.txt layout, and how the plugin names twins and rewrites links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { llmsFullTxt, llmsTxt, type TwinPage } from './llmsTxt';
import { linkResolver, twinPath } from './index';

const SITE = {
  title: 'ToolHive AWS STS',
  tagline: 'Per-user AWS credentials',
  fullUrl: 'https://d.example/llms-full.txt',
};
const page = (title: string, section: string, description = `About ${title}.`): TwinPage => ({
  title,
  description,
  section,
  markdownUrl: `https://d.example/${title.toLowerCase()}.md`,
  markdown: `# ${title}\n\nBody of ${title}.\n`,
});

test('llms.txt: title, summary, then a section per sidebar category with one line per page', () => {
  const text = llmsTxt(SITE, [
    page('Tutorial', 'Tutorials'),
    page('Concept', 'Concepts', 'Two\n  lines.'),
    page('Sandbox', 'Tutorials', ''),
  ]);
  const lines = text.split('\n');
  assert.equal(lines[0], '# ToolHive AWS STS');
  assert.equal(lines[2], '> Per-user AWS credentials');
  assert.match(text, /\[llms-full\.txt\]\(https:\/\/d\.example\/llms-full\.txt\)/);
  assert.ok(
    text.endsWith(
      [
        '## Tutorials',
        '',
        '- [Tutorial](https://d.example/tutorial.md): About Tutorial.',
        '- [Sandbox](https://d.example/sandbox.md)',
        '',
        '## Concepts',
        '',
        '- [Concept](https://d.example/concept.md): Two lines.',
        '',
      ].join('\n')
    ),
    text
  );
});

test('llms-full.txt: the header, then every page in order between rules', () => {
  const text = llmsFullTxt(SITE, [page('A', 'S'), page('B', 'S')]);
  const parts = text.split('\n\n---\n\n');
  assert.equal(parts.length, 3);
  assert.match(parts[0]!, /^# ToolHive AWS STS\n/);
  assert.equal(parts[1], '# A\n\nBody of A.');
  assert.equal(parts[2], '# B\n\nBody of B.\n');
});

test('a twin sits beside its page: permalink plus .md, or index.md for a folder', () => {
  assert.equal(
    twinPath('/toolhive/tutorials/aws-sts-integration'),
    '/toolhive/tutorials/aws-sts-integration.md'
  );
  assert.equal(twinPath('/toolhive/'), '/toolhive/index.md');
});

test('links: docs to their twins, anchors to the web page, site paths absolute, others kept', () => {
  const resolve = linkResolver({
    siteUrl: 'https://d.example',
    pageUrl: 'https://d.example/toolhive/concepts/backend-auth',
    sourceFile: '/repo/docs/toolhive/concepts/backend-auth.mdx',
    permalinkOfFile: (file) =>
      file === '/repo/docs/toolhive/tutorials/aws-sts-integration.mdx'
        ? '/toolhive/tutorials/aws-sts-integration'
        : undefined,
    docPermalinks: new Set(['/toolhive/tutorials/aws-sts-integration']),
  });
  assert.equal(
    resolve('../tutorials/aws-sts-integration.mdx#step-3'),
    'https://d.example/toolhive/tutorials/aws-sts-integration.md#step-3'
  );
  assert.equal(
    resolve('/toolhive/tutorials/aws-sts-integration'),
    'https://d.example/toolhive/tutorials/aws-sts-integration.md'
  );
  assert.equal(
    resolve('#built-in-aws-sts-support'),
    'https://d.example/toolhive/concepts/backend-auth#built-in-aws-sts-support'
  );
  assert.equal(resolve('/img/logo.svg'), 'https://d.example/img/logo.svg');
  assert.equal(resolve('https://aws.amazon.com/sts/'), 'https://aws.amazon.com/sts/');
  assert.equal(resolve('mailto:a@b.c'), 'mailto:a@b.c');
  assert.throws(() => resolve('./missing.mdx'), /link to \.\/missing\.mdx names no doc/);
});

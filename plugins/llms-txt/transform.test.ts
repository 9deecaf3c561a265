// mdxToMarkdown: what each MDX construct becomes in a page's Markdown twin, and what it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mdxToMarkdown, MarkdownTwinError } from './transform';

const PAGE = 'https://docs.example.com/toolhive/tutorials/page';
const FRONT = `---
title: A page
description:
  What the page is for,
  in two lines.
sidebar_label: Short
---
`;

function md(body: string, resolveLink = (url: string) => url): string {
  return mdxToMarkdown(FRONT + body, { file: 'docs/page.mdx', pageUrl: PAGE, resolveLink })
    .markdown;
}

/** The body after the generated title, summary and web-page lines. */
function body(text: string): string {
  return text.split('\n').slice(6).join('\n').trim();
}

test('front matter becomes the title, the summary and the web page link', () => {
  const page = mdxToMarkdown(`${FRONT}\nHello.\n`, {
    file: 'docs/page.mdx',
    pageUrl: PAGE,
    resolveLink: (u) => u,
  });
  assert.equal(page.title, 'A page');
  assert.equal(page.description, 'What the page is for, in two lines.');
  assert.equal(
    page.markdown,
    `# A page\n\n> What the page is for, in two lines.\n\nWeb page: ${PAGE}\n\nHello.\n`
  );
});

test('a page without a title is refused', () => {
  assert.throws(
    () =>
      mdxToMarkdown('---\ndescription: x\n---\n\nText\n', {
        file: 'docs/x.mdx',
        pageUrl: PAGE,
        resolveLink: (u) => u,
      }),
    (e: unknown) =>
      e instanceof MarkdownTwinError &&
      /docs\/x\.mdx:\d+: front matter has no title/.test(e.message)
  );
});

test('text, lists, tables and code are copied as written', () => {
  const source = [
    'Some *emphasis*, `code <ISSUER>`, and a [link](https://aws.amazon.com).',
    '',
    '- one',
    '  continued',
    '- two',
    '',
    '| a   | b |',
    '| --- | - |',
    '| `x` | y |',
    '',
    '```yaml {3} title="config.yaml"',
    'a: 1',
    '',
    '',
    'b: <ACCOUNT_ID>',
    '```',
  ].join('\n');
  assert.equal(body(md(`\n${source}\n`)), source);
});

test('Mermaid diagrams stay as their source', () => {
  const fence = '```mermaid\nflowchart LR\n    accTitle: Flow\n    a["A"] --> b["B"]\n```';
  assert.equal(body(md(`\n${fence}\n`)), fence);
});

test('imports, exports and comments are dropped', () => {
  const out = md(
    "\nimport Thing from '@site/src/components/Thing';\nexport const x = 1;\n\n{/* a note to authors */}\n\nText {/* inline */} here.\n"
  );
  assert.equal(body(out), 'Text  here.');
});

test('Tabs become one heading per tab, one level below the section', () => {
  const out = md(`
## Step 1

<Tabs groupId='idp' queryString='provider'>
<TabItem value='okta' label='Okta' default>

Okta text.

</TabItem>
<TabItem value='auth0' label='Auth0'>

\`\`\`bash title="Auth0"
echo auth0
\`\`\`

</TabItem>
</Tabs>
`);
  assert.equal(
    body(out),
    '## Step 1\n\n### Okta\n\nOkta text.\n\n### Auth0\n\n```bash title="Auth0"\necho auth0\n```'
  );
});

test('Tabs inside a list item keep the item indentation', () => {
  const out = md(`
1. First step:

   <Tabs>
   <TabItem value='a' label='A'>

   - inside A
     wrapped

   </TabItem>
   </Tabs>

2. Second step.
`);
  assert.equal(
    body(out),
    '1. First step:\n\n   ## A\n\n   - inside A\n     wrapped\n\n2. Second step.'
  );
});

test('details become a heading with the summary, then the body', () => {
  const out = md(`
## Troubleshooting

<details>
<summary>The proxy \`stays\` in Pending</summary>

Read the events.

</details>
`);
  assert.equal(
    body(out),
    '## Troubleshooting\n\n### The proxy `stays` in Pending\n\nRead the events.'
  );
});

test('admonitions become block quotes with their kind and title', () => {
  const out = md(`
:::warning[Don't leave out \`oidcConfigRef\`]

Without it, the proxy accepts
every request.

- a list

:::

:::tip

Untitled.

:::
`);
  assert.equal(
    body(out),
    [
      "> **Warning: Don't leave out `oidcConfigRef`**",
      '>',
      '> Without it, the proxy accepts',
      '> every request.',
      '>',
      '> - a list',
      '',
      '> **Tip**',
      '>',
      '> Untitled.',
    ].join('\n')
  );
});

test('interactive components become their text equivalent with a link to the page', () => {
  for (const name of [
    'YourValues',
    'PolicyGenerator',
    'RoleMappingPlayground',
    'StsExchangeWalkthrough',
  ]) {
    const out = body(md(`\n<${name} />\n`));
    assert.match(out, /^> \*\*.+\(interactive on the web page\)\.\*\* /, name);
    assert.ok(out.includes(`](${PAGE}`), `${name} links to the web page`);
    assert.doesNotMatch(out, new RegExp(`<${name}`), name);
  }
  assert.match(body(md('\n<YourValues />\n')), /`<ISSUER>`, `<AUDIENCE>`, `<ACCOUNT_ID>`/);
});

test('a component without a text equivalent fails with what to do', () => {
  assert.throws(
    () => md('\nText.\n\n<NewWidget mode="x" />\n'),
    (e: unknown) =>
      e instanceof MarkdownTwinError &&
      e.message.includes('docs/page.mdx:11') &&
      e.message.includes(
        '<NewWidget> has no text equivalent; add one to plugins/llms-txt/components.ts'
      )
  );
  assert.throws(() => md('\nValue: {1 + 1}\n'), /has no Markdown form/);
});

test('HTML elements are unwrapped; their text stays', () => {
  assert.equal(
    body(md('\nPress <kbd>Ctrl</kbd>+<kbd>K</kbd>.<br />Done.\n')),
    'Press Ctrl+K. Done.'
  );
  assert.equal(body(md('\n<div>\n\nInside a div.\n\n</div>\n')), 'Inside a div.');
});

test('links and images get the URL the resolver gives, text untouched', () => {
  const resolve = (url: string) =>
    url.startsWith('./') ? `https://docs.example.com/${url.slice(2).replace('.mdx', '.md')}` : url;
  const out = body(
    md(
      '\nSee [the *sandbox*](./sandbox.mdx#run-it "Sandbox") and [AWS](https://aws.amazon.com).\n\n![Logo](./logo.mdx)\n\n[ref]: ./ref.mdx\n',
      resolve
    )
  );
  assert.equal(
    out,
    'See [the *sandbox*](https://docs.example.com/sandbox.md#run-it "Sandbox") and [AWS](https://aws.amazon.com).\n\n![Logo](https://docs.example.com/logo.md)\n\n[ref]: https://docs.example.com/ref.md'
  );
});

// The remark plugin: a ```mermaid fence becomes a <figure> holding the stored SVG (no component, no
// import); a fence without its SVG fails the build or, on the dev server, stays a code block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkPrerenderedMermaid, { readRenderedSvg } from './remark';
import { diagramKey } from './renderer';

interface TestNode {
  type: string;
  name?: string;
  lang?: string;
  value?: string;
  children?: TestNode[];
  attributes?: { name: string; value: unknown }[];
}

const SOURCE = 'flowchart LR\n    a --> b';
const code = (value: string): TestNode => ({ type: 'code', lang: 'mermaid', value });

function storeWith(sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
  for (const s of sources) {
    writeFileSync(
      join(dir, `${diagramKey(s)}.svg`),
      `<!-- header -->\n<svg id="d"><text>${s}</text></svg>\n`
    );
  }
  return dir;
}

test('fences become a figure with the stored SVG, in place, at any depth', () => {
  const dir = storeWith([SOURCE, 'sequenceDiagram\n  a->>b: hi']);
  const tree: TestNode = {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', value: 'Intro' }] },
      code(SOURCE),
      {
        type: 'list',
        children: [{ type: 'listItem', children: [code('sequenceDiagram\n  a->>b: hi')] }],
      },
      { type: 'code', lang: 'yaml', value: 'a: 1' },
    ],
  };
  remarkPrerenderedMermaid({ renderedDir: dir })(tree as never, { path: 'docs/x.mdx' });
  const [, diagram, list, yaml] = tree.children!;
  assert.equal(tree.children!.length, 4);
  assert.equal(diagram!.type, 'mdxJsxFlowElement');
  assert.equal(diagram!.name, 'figure');
  const attributes = Object.fromEntries(diagram!.attributes!.map((a) => [a.name, a.value]));
  assert.equal(attributes.tabIndex, '0');
  const html = attributes.dangerouslySetInnerHTML as {
    value: string;
    data: {
      estree: {
        body: {
          expression: { properties: { key: { name: string }; value: { value: string } }[] };
        }[];
      };
    };
  };
  assert.deepEqual(JSON.parse(html.value), { __html: `<svg id="d"><text>${SOURCE}</text></svg>` });
  const property = html.data.estree.body[0]!.expression.properties[0]!;
  assert.equal(property.key.name, '__html');
  assert.equal(property.value.value, `<svg id="d"><text>${SOURCE}</text></svg>`);
  assert.equal(list!.children![0]!.children![0]!.name, 'figure');
  assert.equal(yaml!.type, 'code');
});

test('a page without diagrams is left alone', () => {
  const tree: TestNode = { type: 'root', children: [{ type: 'code', lang: 'bash', value: 'ls' }] };
  remarkPrerenderedMermaid({ renderedDir: storeWith([]) })(tree as never, {});
  assert.deepEqual(
    tree.children!.map((n) => n.type),
    ['code']
  );
});

test('a changed diagram without its SVG fails the build, naming the page and the command', () => {
  const tree: TestNode = { type: 'root', children: [code(`${SOURCE}\n    b --> c`)] };
  assert.throws(
    () =>
      remarkPrerenderedMermaid({ renderedDir: storeWith([SOURCE]) })(tree as never, {
        path: `${process.cwd()}/docs/x.mdx`,
      }),
    /docs\/x\.mdx:\?: this Mermaid diagram has no rendered SVG \([0-9a-f]{16}\.svg\).*npm run diagrams/
  );
});

test('on the dev server a missing SVG leaves the source as a code block', (t) => {
  const warn = t.mock.method(console, 'warn', () => undefined);
  const tree: TestNode = { type: 'root', children: [code('flowchart TD\n  new')] };
  remarkPrerenderedMermaid({ renderedDir: storeWith([]), onMissing: 'keep' })(tree as never, {});
  assert.deepEqual(
    tree.children!.map((n) => n.type),
    ['code']
  );
  assert.equal(warn.mock.callCount(), 1);
});

test('the stored SVG is read without its header comment', () => {
  const dir = storeWith([SOURCE]);
  assert.equal(
    readRenderedSvg(dir, diagramKey(SOURCE)),
    `<svg id="d"><text>${SOURCE}</text></svg>`
  );
  assert.equal(readRenderedSvg(dir, 'ffffffffffffffff'), undefined);
});

test('the key changes with the source and is stable for the same source', () => {
  assert.equal(diagramKey(SOURCE), diagramKey(SOURCE));
  assert.notEqual(diagramKey(SOURCE), diagramKey(`${SOURCE} `));
  assert.match(diagramKey(SOURCE), /^[0-9a-f]{16}$/);
});

// The remark plugin: a ```mermaid fence becomes <PrerenderedDiagram>, with the stored SVG in the
// server build only, imported once per page; a fence without its SVG fails the build or, on the dev
// server, stays a code block.
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

function pageWith(): TestNode {
  return {
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
}

const attributesOf = (node: TestNode) =>
  Object.fromEntries(node.attributes!.map((a) => [a.name, a.value]));

test('server build: each fence becomes the component with its key and SVG, imported once', () => {
  const dir = storeWith([SOURCE, 'sequenceDiagram\n  a->>b: hi']);
  const tree = pageWith();
  remarkPrerenderedMermaid({ renderedDir: dir })(tree as never, {
    path: 'docs/x.mdx',
    data: { compilerName: 'server' },
  });
  const [esm, , diagram, list, yaml] = tree.children!;
  assert.equal(esm!.type, 'mdxjsEsm');
  assert.equal(esm!.value, "import PrerenderedDiagram from '@theme/PrerenderedDiagram';");
  assert.equal(tree.children!.filter((n) => n.type === 'mdxjsEsm').length, 1);
  assert.equal(diagram!.name, 'PrerenderedDiagram');
  assert.deepEqual(attributesOf(diagram!), {
    id: diagramKey(SOURCE),
    svg: `<svg id="d"><text>${SOURCE}</text></svg>`,
  });
  assert.equal(list!.children![0]!.children![0]!.name, 'PrerenderedDiagram');
  assert.equal(yaml!.type, 'code');
});

test('browser build: the component gets only the key, so no SVG goes into JavaScript', () => {
  const tree = pageWith();
  remarkPrerenderedMermaid({ renderedDir: storeWith([SOURCE, 'sequenceDiagram\n  a->>b: hi']) })(
    tree as never,
    { data: { compilerName: 'client' } }
  );
  assert.deepEqual(attributesOf(tree.children![2]!), { id: diagramKey(SOURCE) });
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

// The committed SVGs match the docs: every ```mermaid fence has the SVG of its current source and
// renderer, no SVG is left over, and each SVG keeps its text as text with a name and description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectDiagrams } from './collect';
import { MERMAID_VERSION, RENDERED_DIR, RENDERER } from './renderer';

const repoRoot = process.cwd();
const diagrams = collectDiagrams(repoRoot);
const RERENDER = 'run `npm run diagrams` and commit static/diagrams/';
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

test('the docs have diagrams to check', () => {
  assert.ok(diagrams.length >= 5, `found only ${diagrams.length} Mermaid fences`);
});

test('renderer.ts names the installed Mermaid, a devDependency that never ships', () => {
  const installed = JSON.parse(
    readFileSync(join(repoRoot, 'node_modules/mermaid/package.json'), 'utf8')
  ) as { version: string };
  assert.equal(
    installed.version,
    MERMAID_VERSION,
    `Mermaid changed: update renderer.ts, then ${RERENDER}`
  );
  assert.equal(packageJson.devDependencies.mermaid, MERMAID_VERSION);
  for (const name of ['mermaid', '@docusaurus/theme-mermaid', '@mermaid-js/layout-elk']) {
    assert.equal(packageJson.dependencies[name], undefined, `${name} must not be a dependency`);
  }
});

for (const diagram of diagrams) {
  test(`${diagram.where}: the SVG of this exact source is committed`, () => {
    let text: string;
    try {
      text = readFileSync(join(RENDERED_DIR, `${diagram.key}.svg`), 'utf8');
    } catch {
      assert.fail(`${diagram.where}: no ${diagram.key}.svg for the current source; ${RERENDER}`);
    }
    assert.ok(
      text.startsWith(`<!-- ${RENDERER}; key ${diagram.key};`),
      'header names the renderer'
    );
    const svg = text.slice(text.indexOf('<svg'));
    // Text stays text: SVG <text>, no HTML labels, a name and a description for screen readers.
    assert.match(svg, /<text[\s>]/);
    assert.doesNotMatch(svg, /<foreignObject/i);
    assert.match(svg, /aria-labelledby="[^"]+"/);
    assert.match(svg, /aria-describedby="[^"]+"/);
    assert.match(svg, /<title[^>]*>[^<]{10,}<\/title>/);
    assert.match(svg, /<desc[^>]*>[^<]{30,}<\/desc>/);
    // Both colour modes: the dark mode's colours are scoped to the site's switch.
    assert.match(svg, /\[data-theme=["']dark["']\] #diagram-/);
    assert.doesNotMatch(svg, /<script/i);
  });

  test(`${diagram.where}: the source has an accessible title and description`, () => {
    assert.match(diagram.source, /^\s*accTitle: .{10,}$/m, 'add `accTitle: …` to the diagram');
    assert.match(diagram.source, /^\s*accDescr: .{30,}$/m, 'add `accDescr: …` to the diagram');
  });
}

test('no rendered SVG is left without its diagram', () => {
  const used = new Set(diagrams.map((d) => `${d.key}.svg`));
  const unused = readdirSync(RENDERED_DIR).filter((n) => n.endsWith('.svg') && !used.has(n));
  assert.deepEqual(unused, [], `unused SVGs: ${RERENDER} (it removes them)`);
});

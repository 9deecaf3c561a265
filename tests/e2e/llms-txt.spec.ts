// The agent-readable output of the build (plugins/llms-txt): a Markdown twin beside every doc page,
// llms.txt listing them all, llms-full.txt holding them all, with no JSX, imports or MDX syntax left.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Doc pages: one per MDX file under docs/, at its path (routeBasePath is the site root). */
function docPaths(dir = 'docs'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return docPaths(path);
    return /\.mdx?$/.test(name) ? [`/${relative('docs', path).replace(/\.mdx?$/, '')}`] : [];
  });
}

const docs = docPaths().sort();
const llmsTxt = existsSync('build/llms.txt') ? readFileSync('build/llms.txt', 'utf8') : '';
const llmsFull = existsSync('build/llms-full.txt')
  ? readFileSync('build/llms-full.txt', 'utf8')
  : '';

/** The lines of a Markdown text that are outside fenced code blocks. */
function proseLines(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = line.match(/^\s*(`{3,}|~{3,})/)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (marker) {
      fence = marker;
    } else {
      out.push(line);
    }
  }
  return out;
}

test('llms.txt follows the convention: title, summary, sections of linked pages', () => {
  expect(llmsTxt.split('\n')[0]).toBe('# ToolHive AWS STS');
  expect(llmsTxt).toMatch(/\n> .+\n/);
  expect(llmsTxt).toMatch(/\n## Tutorials\n/);
  expect(llmsTxt).toContain('[llms-full.txt](');
});

for (const path of docs) {
  test(`${path}: has a Markdown twin, listed in llms.txt and in llms-full.txt`, () => {
    const file = `build${path}.md`;
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const twin = readFileSync(file, 'utf8');
    const h1 = readFileSync(`build${path}.html`, 'utf8').match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1];
    expect(twin.split('\n')[0]).toBe(`# ${h1}`);
    expect(llmsTxt).toMatch(new RegExp(`^- \\[[^\\]]+\\]\\(https?://[^)]+${path}\\.md\\)`, 'm'));
    expect(llmsFull).toContain(twin.trim());

    const prose = proseLines(twin);
    const leftovers = prose.filter(
      (line) =>
        /^\s*(import|export)\s/.test(line) || // ESM
        /<\/?[A-Z][A-Za-z]*[\s/>]/.test(line.replace(/`[^`]*`/g, '')) || // JSX components
        /^\s*:::/.test(line) || // admonition fences
        /\{\/\*|\*\/\}/.test(line) || // MDX comments
        /<\/?(details|summary)>/.test(line) ||
        /\]\((\.{1,2}\/|[^)]*\.mdx)/.test(line) // links to source files
    );
    expect(leftovers, `MDX left in ${file}`).toEqual([]);
  });
}

test('diagrams appear in llms-full.txt as their Mermaid source with a description', () => {
  const fences = llmsFull.match(/```mermaid\n[\s\S]*?```/g) ?? [];
  expect(fences.length).toBeGreaterThanOrEqual(5);
  for (const fence of fences) expect(fence).toMatch(/\n\s*accDescr: .{30,}\n/);
});

test('interactive components appear as their text equivalent', () => {
  const tutorial = readFileSync('build/toolhive/tutorials/aws-sts-integration.md', 'utf8');
  for (const name of ['Your values', 'Policy generator', 'Role-mapping playground']) {
    expect(tutorial).toContain(`> **${name} (interactive on the web page).**`);
  }
});

test('the site serves the twins and the index files', async ({ request }) => {
  for (const path of ['/llms.txt', '/llms-full.txt', `${docs[0]}.md`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text()).toMatch(/^# /);
  }
});

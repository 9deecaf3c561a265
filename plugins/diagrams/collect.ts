// Finds the Mermaid diagrams of the docs: every ```mermaid fence of every MDX page, with where it
// is and its key. Used by `npm run diagrams` and the freshness test; it renders nothing.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import type { Code, Root } from 'mdast';
import { diagramKey } from './renderer';

export interface DiagramSource {
  /** `docs/…/page.mdx:68`, for messages. */
  where: string;
  source: string;
  key: string;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter);

function mdxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return mdxFiles(path);
      return /\.mdx?$/.test(name) ? [path] : [];
    });
}

/** The Mermaid fences of one page, in order. */
export function diagramsInPage(text: string, where: string): DiagramSource[] {
  const found: DiagramSource[] = [];
  visit(parser.parse(text) as Root, 'code', (node: Code) => {
    if (node.lang !== 'mermaid') return;
    found.push({
      where: `${where}:${node.position?.start.line ?? '?'}`,
      source: node.value,
      key: diagramKey(node.value),
    });
  });
  return found;
}

/** Every Mermaid fence under `docsDir`, files in path order. */
export function collectDiagrams(
  repoRoot: string,
  docsDir = join(repoRoot, 'docs')
): DiagramSource[] {
  return mdxFiles(docsDir).flatMap((file) =>
    diagramsInPage(readFileSync(file, 'utf8'), relative(repoRoot, file))
  );
}

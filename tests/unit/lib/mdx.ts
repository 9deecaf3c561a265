// Reads the docs as data: front matter, headings and code fences of every MDX page, parsed with
// the same remark/MDX parser family Docusaurus uses. It does not render anything.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import type { Code, Heading, Root, Yaml } from 'mdast';

/** Tests run from the repository root (npm scripts set the working directory). */
export const repoRoot = process.cwd();
export const docsRoot = join(repoRoot, 'docs');

export interface CodeFence {
  lang: string | null;
  meta: string | null;
  value: string;
  line: number;
}

export interface DocPage {
  /** Path relative to the repository root, e.g. `docs/toolhive/tutorials/aws-sts-integration.mdx`. */
  file: string;
  frontMatter: Record<string, unknown>;
  headings: { depth: number; text: string }[];
  fences: CodeFence[];
  source: string;
}

function headingText(node: Heading): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}

export function readDocPage(path: string): DocPage {
  const source = readFileSync(path, 'utf8');
  const tree = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter)
    .parse(source) as Root;
  let frontMatter: Record<string, unknown> = {};
  const headings: DocPage['headings'] = [];
  const fences: CodeFence[] = [];
  visit(tree, (node) => {
    if (node.type === 'yaml')
      frontMatter = (parseYaml((node as Yaml).value) ?? {}) as typeof frontMatter;
    if (node.type === 'heading') headings.push({ depth: node.depth, text: headingText(node) });
    if (node.type === 'code') {
      const code = node as Code;
      fences.push({
        lang: code.lang ?? null,
        meta: code.meta ?? null,
        value: code.value,
        line: code.position?.start.line ?? 0,
      });
    }
  });
  return { file: relative(repoRoot, path), frontMatter, headings, fences, source };
}

function listMdx(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMdx(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

export function readAllDocPages(): DocPage[] {
  return listMdx(docsRoot).sort().map(readDocPage);
}

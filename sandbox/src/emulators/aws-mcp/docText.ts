// Turns one MDX docs page into what the documentation tools search and return: title, site URL
// path, headings, plain text and markdown. Pure: it does not read files or rank anything.
import { parse as parseYaml } from 'yaml';

export interface DocPage {
  title: string;
  /** The page's route on the site, e.g. `/toolhive/tutorials/aws-sts-integration`. */
  urlPath: string;
  headings: string[];
  /** Prose and code as plain text (front matter, imports, JSX tags and markup removed). */
  text: string;
  /** The page's MDX without front matter, for read_documentation. */
  markdown: string;
}

/**
 * Parses a page at `relativePath` (under the docs directory, `/`-separated) as Docusaurus routes
 * it with `routeBasePath: '/'`: number prefixes dropped, `index` maps to its folder, front matter
 * `slug` and `id` honoured.
 * @example parseDocPage('toolhive/tutorials/aws-sts-integration.mdx', '---\ntitle: T\n---\n# T').urlPath
 * // '/toolhive/tutorials/aws-sts-integration'
 */
export function parseDocPage(relativePath: string, source: string): DocPage {
  const { frontMatter, content } = splitFrontMatter(source);
  const headings: string[] = [];
  let inFence = false;
  for (const line of content.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) headings.push(plainText(heading[1]));
  }
  const fileName =
    relativePath
      .split('/')
      .pop()
      ?.replace(/\.mdx?$/, '') ?? '';
  const title = stringField(frontMatter.title) ?? headings[0] ?? fileName.replace(/[-_]/g, ' ');
  return {
    title,
    urlPath: routeFor(relativePath, frontMatter),
    headings,
    text: plainText(content),
    markdown: content.trim(),
  };
}

function routeFor(relativePath: string, frontMatter: Record<string, unknown>): string {
  const segments = relativePath
    .replace(/\.mdx?$/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/^\d+[-_.]/, ''));
  const id = stringField(frontMatter.id);
  if (id !== undefined && segments.length > 0) segments[segments.length - 1] = id;
  const last = segments.at(-1)?.toLowerCase();
  if (last === 'index' || last === 'readme') segments.pop();
  const slug = stringField(frontMatter.slug);
  if (slug?.startsWith('/')) return normalise(slug);
  if (slug !== undefined) {
    segments.pop();
    segments.push(...slug.split('/').filter(Boolean));
  }
  return normalise(`/${segments.join('/')}`);
}

function normalise(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function splitFrontMatter(source: string): {
  frontMatter: Record<string, unknown>;
  content: string;
} {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { frontMatter: {}, content: source };
  let frontMatter: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(match[1] ?? '');
    if (parsed && typeof parsed === 'object') frontMatter = parsed as Record<string, unknown>;
  } catch {
    frontMatter = {};
  }
  return { frontMatter, content: source.slice(match[0].length) };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * MDX to plain text: drops imports/exports, JSX tags, fence markers, admonition fences and link
 * targets; keeps words and code.
 * @example plainText(':::info[Note]\nSee [the tutorial](./x.mdx) for `awsSts`.\n:::') // 'Note\nSee the tutorial for awsSts.\n'
 */
export function plainText(mdx: string): string {
  return mdx
    .replace(/^\s*(import|export)\s.*$/gm, '')
    .replace(/^\s*(```|~~~).*$/gm, '')
    .replace(/^\s*:::\w*(\[(.*?)\])?.*$/gm, '$2')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*`]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n');
}

// MDX page → plain Markdown, for the page's Markdown twin and llms-full.txt. Text the author wrote
// is copied from the source as written; only what Markdown readers cannot show is rewritten:
// front matter (→ title and summary), imports (dropped), Tabs (→ a heading per tab), <details>
// (→ a heading), admonitions (→ block quotes), interactive components (→ components.ts's words),
// site links (→ absolute URLs). It does not read files or know the site's routes (index.ts does).

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import { parse as parseYaml } from 'yaml';
import { TEXT_EQUIVALENTS } from './components';

export interface TransformContext {
  /** The MDX file, for error messages, e.g. `docs/toolhive/tutorials/aws-sts-integration.mdx`. */
  file: string;
  /** Absolute URL of the page's HTML version. */
  pageUrl: string;
  /** The URL a link or image in the page should carry in Markdown (return `url` to keep it). */
  resolveLink(url: string): string;
}

export interface MarkdownPage {
  title: string;
  description: string;
  /** The page as Markdown: `# title`, the description as a block quote, then the body. */
  markdown: string;
}

/** A transform failure the author can act on: file, line and what to change. */
export class MarkdownTwinError extends Error {
  readonly code = 'MARKDOWN_TWIN';
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
/** The parts of mdast, MDX and directive nodes that this transform reads. */
interface MdNode {
  type: string;
  position?: { start: Point; end: Point };
  children?: MdNode[];
  value?: string;
  url?: string;
  depth?: number;
  name?: string | null;
  attributes?: JsxAttribute[] | Record<string, unknown>;
  data?: { directiveLabel?: boolean };
}

/** Docusaurus's admonition keywords and the label each gets in a block quote. */
const ADMONITIONS: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  warning: 'Warning',
  danger: 'Danger',
  caution: 'Caution',
  important: 'Important',
  success: 'Success',
  secondary: 'Note',
};

const parser = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkFrontmatter)
  .use(remarkGfm)
  .use(remarkDirective);

const isComment = (code: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(code);

class Renderer {
  private readonly changes = new WeakMap<MdNode, boolean>();

  constructor(
    private readonly source: string,
    private readonly context: TransformContext
  ) {}

  fail(node: MdNode, message: string): never {
    const where = `${this.context.file}:${node.position?.start.line ?? '?'}`;
    throw new MarkdownTwinError(`${where}: ${message}`);
  }

  private start(node: MdNode): number {
    const offset = node.position?.start.offset;
    if (offset === undefined) this.fail(node, `${node.type} node has no source position`);
    return offset;
  }

  private end(node: MdNode): number {
    const offset = node.position?.end.offset;
    if (offset === undefined) this.fail(node, `${node.type} node has no source position`);
    return offset;
  }

  /** Whether the node or anything in it is written differently in Markdown. */
  private changed(node: MdNode): boolean {
    const known = this.changes.get(node);
    if (known !== undefined) return known;
    let result: boolean;
    if (
      [
        'yaml',
        'mdxjsEsm',
        'mdxFlowExpression',
        'mdxTextExpression',
        'mdxJsxFlowElement',
        'mdxJsxTextElement',
      ].includes(node.type)
    ) {
      result = true;
    } else if (node.type === 'containerDirective' && node.name && node.name in ADMONITIONS) {
      result = true;
    } else if (
      (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
      node.url !== undefined &&
      this.context.resolveLink(node.url) !== node.url
    ) {
      result = true;
    } else {
      result = (node.children ?? []).some((child) => this.changed(child));
    }
    this.changes.set(node, result);
    return result;
  }

  /**
   * What stands before the node's continuation lines: the text before the node on its first line,
   * with list markers turned into spaces and block-quote markers kept.
   */
  private prefix(node: MdNode): string {
    const start = this.start(node);
    const lineStart = this.source.lastIndexOf('\n', start - 1) + 1;
    return this.source.slice(lineStart, start).replace(/[^>\s]/g, ' ');
  }

  /** The node as it sits in its context: its continuation lines carry the context's prefix. */
  inPlace(node: MdNode, depth: number): string {
    switch (node.type) {
      case 'yaml':
      case 'mdxjsEsm':
        return '';
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isComment(node.value ?? '')) return '';
        return this.fail(
          node,
          `the expression {${node.value}} has no Markdown form; write the text out in the page`
        );
      case 'mdxJsxFlowElement':
      case 'containerDirective':
        if (!this.changed(node)) break;
        return this.placed(node, this.replacement(node, depth));
      case 'mdxJsxTextElement':
        return this.inlineElement(node, depth);
      case 'image':
      case 'definition':
        return this.withUrl(node, this.source.slice(this.start(node), this.end(node)));
    }
    if (!this.changed(node)) return this.source.slice(this.start(node), this.end(node));
    return this.composed(node, depth);
  }

  /** The node's source with each child replaced by its own rendering, gaps kept as written. */
  private composed(node: MdNode, depth: number): string {
    let out = '';
    let cursor = this.start(node);
    let section = depth;
    for (const child of node.children ?? []) {
      out += this.source.slice(cursor, this.start(child));
      if (child.type === 'heading' && child.depth) section = child.depth;
      out += this.inPlace(child, section);
      cursor = this.end(child);
    }
    out += this.source.slice(cursor, this.end(node));
    return node.type === 'link' ? this.withUrl(node, out) : out;
  }

  /** Rewrites the URL in the closing `](url)` (or a definition's `: url`) of a link's text. */
  private withUrl(node: MdNode, text: string): string {
    const url = node.url ?? '';
    const target = this.context.resolveLink(url);
    if (target === url) return text;
    const at = text.lastIndexOf(url);
    if (at === -1) return this.fail(node, `cannot find the link target ${url} in its source`);
    return text.slice(0, at) + target + text.slice(at + url.length);
  }

  /** The node on its own, its continuation lines without the prefix of the context it came from. */
  private extracted(node: MdNode, depth: number): string {
    const prefix = this.prefix(node);
    const text = this.inPlace(node, depth);
    if (!prefix) return text;
    const bare = prefix.trimEnd();
    return text
      .split('\n')
      .map((line, i) => {
        if (i === 0) return line;
        if (line.startsWith(prefix)) return line.slice(prefix.length);
        if (line.trimEnd() === bare) return '';
        return line.replace(new RegExp(`^ {0,${prefix.length}}`), '');
      })
      .join('\n');
  }

  /** Context-free text put back into the node's context: continuation lines get the prefix. */
  private placed(node: MdNode, text: string): string {
    const prefix = this.prefix(node);
    if (!prefix) return text;
    return text
      .split('\n')
      .map((line, i) => (i === 0 ? line : line ? prefix + line : prefix.trimEnd()))
      .join('\n');
  }

  private blocks(nodes: MdNode[], depth: number): string {
    return nodes
      .map((node) => this.extracted(node, depth))
      .filter((text) => text.trim() !== '')
      .join('\n\n');
  }

  private heading(depth: number, text: string): string {
    return `${'#'.repeat(Math.min(depth, 6))} ${text.trim()}`;
  }

  private attribute(node: MdNode, name: string): string | undefined {
    const attributes = Array.isArray(node.attributes) ? node.attributes : [];
    const found = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    if (!found) return undefined;
    if (typeof found.value === 'string') return found.value;
    return this.fail(node, `<${node.name} ${name}> must be a plain string to appear in Markdown`);
  }

  /** Context-free Markdown for a JSX element or an admonition. */
  private replacement(node: MdNode, depth: number): string {
    const children = node.children ?? [];
    if (node.type === 'containerDirective') return this.admonition(node, depth);
    const name = node.name ?? '';
    if (name === 'Tabs') {
      return children
        .map((tab) => {
          if (tab.type !== 'mdxJsxFlowElement' || tab.name !== 'TabItem') {
            return this.fail(tab, '<Tabs> may hold only <TabItem> elements');
          }
          const label = this.attribute(tab, 'label') ?? this.attribute(tab, 'value');
          if (!label) return this.fail(tab, '<TabItem> needs a label or value');
          const body = this.blocks(tab.children ?? [], depth + 1);
          return `${this.heading(depth + 1, label)}\n\n${body}`;
        })
        .join('\n\n');
    }
    if (name === 'details') {
      const isSummary = (n: MdNode) =>
        n.name === 'summary' ||
        (n.type === 'paragraph' && n.children?.length === 1 && n.children[0]!.name === 'summary');
      const summary = children.find(isSummary);
      const title = summary
        ? this.inlineChildren(summary.name ? summary : summary.children![0]!, depth)
        : 'Details';
      const body = this.blocks(
        children.filter((n) => n !== summary),
        depth + 1
      );
      return `${this.heading(depth + 1, title)}\n\n${body}`;
    }
    const equivalent = TEXT_EQUIVALENTS[name];
    if (equivalent) return equivalent({ pageUrl: this.context.pageUrl });
    if (/^[a-z]/.test(name)) return this.blocks(children, depth);
    return this.fail(
      node,
      `<${name}> has no text equivalent; add one to plugins/llms-txt/components.ts`
    );
  }

  private admonition(node: MdNode, depth: number): string {
    const children = node.children ?? [];
    const label = children[0]?.data?.directiveLabel ? children[0] : undefined;
    const kind = ADMONITIONS[node.name ?? ''] ?? 'Note';
    const title = label ? `${kind}: ${this.inlineChildren(label, depth)}` : kind;
    const body = this.blocks(label ? children.slice(1) : children, depth);
    return [`**${title}**`, '', body]
      .join('\n')
      .split('\n')
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n');
  }

  /** A phrasing element's content, without its own tags. */
  private inlineChildren(node: MdNode, depth: number): string {
    const children = node.children ?? [];
    if (children.length === 0) return '';
    let out = '';
    let cursor = this.start(children[0]!);
    for (const child of children) {
      out += this.source.slice(cursor, this.start(child)) + this.inPlace(child, depth);
      cursor = this.end(child);
    }
    return out;
  }

  private inlineElement(node: MdNode, depth: number): string {
    const name = node.name ?? '';
    if (name === 'br') return ' ';
    if (/^[a-z]/.test(name)) return this.inlineChildren(node, depth);
    return this.fail(node, `<${name}> inside a paragraph has no text equivalent`);
  }
}

/**
 * Turns an MDX page into Markdown with the same words.
 * @example mdxToMarkdown(source, { file, pageUrl, resolveLink: (url) => url }).markdown
 */
export function mdxToMarkdown(source: string, context: TransformContext): MarkdownPage {
  const tree = parser.parse(source) as unknown as MdNode;
  const renderer = new Renderer(source, context);
  const children = tree.children ?? [];
  const frontMatter = children.find((n) => n.type === 'yaml');
  const data = (frontMatter ? parseYaml(frontMatter.value ?? '') : {}) as Record<string, unknown>;
  const title = typeof data.title === 'string' ? data.title.trim() : '';
  if (!title) renderer.fail(frontMatter ?? tree, 'front matter has no title');
  const description = typeof data.description === 'string' ? data.description.trim() : '';

  let depth = 1;
  const body = children
    .filter((n) => n.type !== 'yaml')
    .map((n) => {
      if (n.type === 'heading' && n.depth) depth = n.depth;
      return renderer.inPlace(n, depth);
    })
    .filter((text) => text.trim() !== '')
    .join('\n\n');
  const head = [
    /^# /.test(body) ? '' : `# ${title}`,
    description ? `> ${description.replace(/\s+/g, ' ')}` : '',
    `Web page: ${context.pageUrl}`,
  ].filter(Boolean);
  return { title, description, markdown: `${head.join('\n\n')}\n\n${body.trim()}\n` };
}

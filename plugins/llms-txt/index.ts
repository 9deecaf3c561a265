// Docusaurus plugin: after the build, writes a Markdown twin of every doc page beside its HTML
// (`/toolhive/tutorials/aws-sts-integration.md`), plus build/llms.txt and build/llms-full.txt,
// from the pages' MDX sources. The Markdown itself is transform.ts's; the index files llmsTxt.ts's.

import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { LoadedPlugin, Plugin } from '@docusaurus/types';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { mdxToMarkdown } from './transform';
import { llmsFullTxt, llmsTxt, type TwinPage } from './llmsTxt';

type Doc = LoadedContent['loadedVersions'][number]['docs'][number];

interface SidebarItem {
  type: string;
  id?: string;
  label?: string;
  items?: SidebarItem[];
}

/** The section each doc is listed under: the top-level sidebar category that holds it. */
function sectionsFromSidebars(sidebars: Record<string, SidebarItem[]>): Map<string, string> {
  const sections = new Map<string, string>();
  const walk = (items: SidebarItem[], section: string) => {
    for (const item of items) {
      if (item.type === 'doc' && item.id && !sections.has(item.id)) sections.set(item.id, section);
      if (item.items) walk(item.items, section);
    }
  };
  for (const items of Object.values(sidebars)) {
    for (const item of items)
      walk([item], item.type === 'category' ? (item.label ?? 'Docs') : 'Docs');
  }
  return sections;
}

/** Where a page's Markdown twin goes, as a URL path: the permalink plus `.md`. */
export function twinPath(permalink: string): string {
  return permalink.endsWith('/') ? `${permalink}index.md` : `${permalink}.md`;
}

/**
 * Link rewriting for one page: other docs → their Markdown twin, same-page anchors → the web
 * page, other site paths → absolute URLs; external links unchanged.
 */
export function linkResolver(options: {
  siteUrl: string;
  pageUrl: string;
  sourceFile: string;
  permalinkOfFile: (absoluteFile: string) => string | undefined;
  docPermalinks: Set<string>;
}): (url: string) => string {
  const { siteUrl, pageUrl, sourceFile, permalinkOfFile, docPermalinks } = options;
  return (url) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
    const hashAt = url.indexOf('#');
    const path = hashAt === -1 ? url : url.slice(0, hashAt);
    const hash = hashAt === -1 ? '' : url.slice(hashAt);
    if (path === '') return `${pageUrl}${hash}`;
    if (/\.mdx?$/.test(path) && !path.startsWith('/')) {
      const permalink = permalinkOfFile(resolve(dirname(sourceFile), decodeURI(path)));
      if (!permalink) throw new Error(`${sourceFile}: link to ${url} names no doc`);
      return `${siteUrl}${twinPath(permalink)}${hash}`;
    }
    if (path.startsWith('/')) {
      return docPermalinks.has(path) ? `${siteUrl}${twinPath(path)}${hash}` : `${siteUrl}${url}`;
    }
    return new URL(url, pageUrl).href;
  };
}

export default function llmsTxtPlugin(): Plugin {
  return {
    name: 'llms-txt',
    async postBuild({ siteConfig, siteDir, outDir, plugins }) {
      const docsPlugin = plugins.find(
        (p: LoadedPlugin) => p.name === 'docusaurus-plugin-content-docs'
      );
      const content = docsPlugin?.content as LoadedContent | undefined;
      const version = content?.loadedVersions[0];
      if (!version) throw new Error('llms-txt: the docs plugin loaded no docs');
      const siteUrl = siteConfig.url.replace(/\/$/, '');
      const docs = version.docs.filter((d: Doc) => !d.unlisted && !d.draft);
      const fileOf = (doc: Doc) => join(siteDir, doc.source.replace(/^@site\//, ''));
      const byFile = new Map(docs.map((d) => [fileOf(d), d.permalink]));
      const docPermalinks = new Set(docs.map((d) => d.permalink));
      const sections = sectionsFromSidebars(
        version.sidebars as unknown as Record<string, SidebarItem[]>
      );
      const order = [...sections.keys()];
      const rank = (doc: Doc) => {
        const at = order.indexOf(doc.id);
        return at === -1 ? order.length : at;
      };

      const pages: TwinPage[] = [];
      for (const doc of [...docs].sort((a, b) => rank(a) - rank(b))) {
        const sourceFile = fileOf(doc);
        const pageUrl = `${siteUrl}${doc.permalink}`;
        const page = mdxToMarkdown(await readFile(sourceFile, 'utf8'), {
          file: doc.source.replace(/^@site\//, ''),
          pageUrl,
          resolveLink: linkResolver({
            siteUrl,
            pageUrl,
            sourceFile,
            permalinkOfFile: (file) => byFile.get(file),
            docPermalinks,
          }),
        });
        const path = twinPath(doc.permalink);
        await writeFile(join(outDir, path), page.markdown);
        pages.push({
          title: page.title,
          description: page.description,
          markdownUrl: `${siteUrl}${path}`,
          section: sections.get(doc.id) ?? 'Other pages',
          markdown: page.markdown,
        });
      }
      const site = {
        title: siteConfig.title,
        tagline: siteConfig.tagline,
        fullUrl: `${siteUrl}${siteConfig.baseUrl}llms-full.txt`,
      };
      await writeFile(join(outDir, 'llms.txt'), llmsTxt(site, pages));
      await writeFile(join(outDir, 'llms-full.txt'), llmsFullTxt(site, pages));
    },
  };
}

// Answers `aws___read_documentation`: finds a docs page by its URL or route and returns its
// markdown in chunks. Pure; the pages come from docsLoader.ts.
import type { DocPage } from './docText';

export type DocRead =
  | { ok: true; title: string; url: string; content: string; nextStartIndex?: number }
  | { ok: false; message: string };

/**
 * The page whose route matches `url` (a route such as `/toolhive/concepts/backend-auth`, or a full
 * URL on any host; trailing slashes, `.mdx`/`.md` and fragments are ignored).
 * @example findDocPage(pages, 'https://example.com/toolhive/concepts/backend-auth#x')?.title
 */
export function findDocPage(pages: readonly DocPage[], url: string): DocPage | undefined {
  let path = url.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) path = new URL(path).pathname;
  } catch {
    return undefined;
  }
  path = path
    .replace(/[#?].*$/, '')
    .replace(/\.mdx?$/, '')
    .replace(/\/+$/, '');
  if (!path.startsWith('/')) path = `/${path}`;
  return pages.find((page) => page.urlPath === path || page.urlPath === (path || '/'));
}

/**
 * Up to `maxLength` characters of a page's markdown from `startIndex`, with the index to ask for
 * next when there is more.
 * @example readDocumentation(pages, '/toolhive/tutorials/aws-sts-integration', { maxLength: 2000 })
 */
export function readDocumentation(
  pages: readonly DocPage[],
  url: string,
  options: { maxLength?: number; startIndex?: number } = {}
): DocRead {
  const page = findDocPage(pages, url);
  if (!page) {
    return {
      ok: false,
      message: `No documentation page at "${url}". Use aws___search_documentation to find page URLs.`,
    };
  }
  const start = Math.max(0, options.startIndex ?? 0);
  const maxLength = Math.max(1, options.maxLength ?? 10_000);
  const content = page.markdown.slice(start, start + maxLength);
  const next = start + content.length;
  return {
    ok: true,
    title: page.title,
    url: page.urlPath,
    content,
    ...(next < page.markdown.length ? { nextStartIndex: next } : {}),
  };
}

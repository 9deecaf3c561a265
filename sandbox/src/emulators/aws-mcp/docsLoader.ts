// Reads the site's docs (`**/*.mdx` and `.md` under a directory) once at start, for the
// documentation tools. Node edge: it only lists and reads files; parsing lives in docText.ts.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocPage, type DocPage } from './docText';

/** The repository's `docs/` directory, found relative to this file. */
export const DEFAULT_DOCS_DIR = fileURLToPath(new URL('../../../../docs', import.meta.url));

/**
 * Every page under `docsDir`, sorted by route. A missing directory yields no pages.
 * @example const pages = await loadDocPages('docs');
 */
export async function loadDocPages(docsDir: string = DEFAULT_DOCS_DIR): Promise<DocPage[]> {
  let entries: string[];
  try {
    entries = await readdir(docsDir, { recursive: true });
  } catch {
    return [];
  }
  const files = entries
    .filter(
      (entry) => /\.mdx?$/.test(entry) && !entry.split(sep).some((part) => part.startsWith('_'))
    )
    .sort();
  const pages = await Promise.all(
    files.map(async (file) => {
      const path = join(docsDir, file);
      const source = await readFile(path, 'utf8');
      return parseDocPage(relative(docsDir, path).split(sep).join('/'), source);
    })
  );
  return pages.sort((a, b) => a.urlPath.localeCompare(b.urlPath));
}

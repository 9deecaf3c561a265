// The two index files of the llms.txt convention (llmstxt.org), from pages already turned into
// Markdown: llms.txt (title, summary, a linked list per sidebar section) and llms-full.txt (every
// page in one file). Pure: no files, no Docusaurus (index.ts feeds it).

export interface TwinPage {
  title: string;
  description: string;
  /** Absolute URL of the Markdown twin. */
  markdownUrl: string;
  /** The sidebar section the page is listed under. */
  section: string;
  markdown: string;
}

export interface SiteSummary {
  title: string;
  tagline: string;
  /** Absolute URL of llms-full.txt. */
  fullUrl: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Sections in the order of their first page; pages in the order given. */
function sections(pages: TwinPage[]): Map<string, TwinPage[]> {
  const out = new Map<string, TwinPage[]>();
  for (const page of pages) out.set(page.section, [...(out.get(page.section) ?? []), page]);
  return out;
}

function header(site: SiteSummary): string {
  return [
    `# ${site.title}`,
    '',
    `> ${oneLine(site.tagline)}`,
    '',
    'Each link below is the Markdown version of a page; its web version is the same URL without ' +
      '`.md`. Interactive parts of the web pages appear as a short description of what they do, ' +
      `and diagrams as their Mermaid source. Every page in one file: [llms-full.txt](${site.fullUrl}).`,
  ].join('\n');
}

/**
 * llms.txt: the site's title and summary, then one `## section` per sidebar category with a
 * `- [title](url.md): description` line per page.
 */
export function llmsTxt(site: SiteSummary, pages: TwinPage[]): string {
  const parts = [header(site)];
  for (const [section, list] of sections(pages)) {
    const lines = list.map(
      (p) => `- [${p.title}](${p.markdownUrl})${p.description ? `: ${oneLine(p.description)}` : ''}`
    );
    parts.push(`## ${section}\n\n${lines.join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** llms-full.txt: the header, then every page's Markdown, separated by rules. */
export function llmsFullTxt(site: SiteSummary, pages: TwinPage[]): string {
  return `${[header(site), ...pages.map((p) => p.markdown.trim())].join('\n\n---\n\n')}\n`;
}

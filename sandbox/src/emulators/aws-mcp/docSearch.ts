// Ranks docs pages for `aws___search_documentation` by term frequency in the title, headings and
// body, and cuts a snippet around the first hit. Pure; no stemming, synonyms or embeddings.
import type { DocPage } from './docText';

export interface DocSearchResult {
  rank_order: number;
  title: string;
  /** The page's route on the site, e.g. `/toolhive/tutorials/aws-sts-integration`. */
  url: string;
  snippet: string;
}

const WEIGHTS = { title: 5, headings: 3, text: 1 } as const;
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'do',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'what',
  'with',
]);
const SNIPPET_BEFORE = 80;
const SNIPPET_AFTER = 220;

/**
 * Lower-case search terms: split on anything but letters and digits (so `awsSts` stays one term
 * and `aws-sts` becomes two), stop words dropped.
 * @example searchTerms('How do I configure awsSts roles?') // ['configure', 'awssts', 'roles']
 */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((term) => term !== '' && !STOP_WORDS.has(term));
}

/**
 * The `limit` best pages for a phrase: each term scores `weight × (1 + ln tf)` per field (title 5,
 * headings 3, body 1), the sum scaled by the share of terms the page contains; ties by title.
 * @example searchDocuments(pages, 'awsSts role mappings', 3)[0]?.url
 */
export function searchDocuments(
  pages: readonly DocPage[],
  phrase: string,
  limit = 5
): DocSearchResult[] {
  const terms = [...new Set(searchTerms(phrase))];
  if (terms.length === 0) return [];
  const scored = pages
    .map((page) => ({ page, score: scorePage(page, terms) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.page.title.localeCompare(b.page.title));
  return scored.slice(0, Math.max(0, limit)).map(({ page }, i) => ({
    rank_order: i + 1,
    title: page.title,
    url: page.urlPath,
    snippet: snippetFor(page.text, terms),
  }));
}

function scorePage(page: DocPage, terms: readonly string[]): number {
  const fields = {
    title: countTerms(page.title),
    headings: countTerms(page.headings.join('\n')),
    text: countTerms(page.text),
  };
  let score = 0;
  let matched = 0;
  for (const term of terms) {
    let termScore = 0;
    for (const field of ['title', 'headings', 'text'] as const) {
      const tf = fields[field].get(term) ?? 0;
      if (tf > 0) termScore += WEIGHTS[field] * (1 + Math.log(tf));
    }
    if (termScore > 0) matched += 1;
    score += termScore;
  }
  return score * (matched / terms.length);
}

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of searchTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * About 300 characters of `text` around the first occurrence of any term, whitespace collapsed.
 * @example snippetFor('… set awsSts.region …', ['awssts'])
 */
export function snippetFor(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const positions = terms.map((t) => lower.indexOf(t)).filter((p) => p >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, at - SNIPPET_BEFORE);
  const end = Math.min(text.length, at + SNIPPET_AFTER);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

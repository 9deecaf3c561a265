// The site benchmark's arithmetic and text: medians over runs, the Lighthouse table, the goals
// against the stock page, and the section of bench/RESULTS.md it owns. Pure: no browser, no files.

import type { PageFigures } from './lighthouse';

export interface MeasuredPage {
  label: string;
  path: string;
  /** True for the stock Docusaurus page the others are held against. */
  stock: boolean;
  runs: PageFigures[];
}

export interface MedianFigures {
  performance: number;
  accessibility: number;
  totalBlockingTimeMs: number;
  bytes: number;
  largestContentfulPaintMs: number;
}

/** The goals of issue 16, relative to the stock page measured in the same run. */
export const GOALS = { tbtFactor: 1.5, bytesFactor: 1.5, accessibility: 100 } as const;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of each figure on its own, over the page's runs. */
export function medianFigures(runs: PageFigures[]): MedianFigures {
  const of = (pick: (run: PageFigures) => number) => Math.round(median(runs.map(pick)));
  return {
    performance: of((r) => r.performance),
    accessibility: of((r) => r.accessibility),
    totalBlockingTimeMs: of((r) => r.totalBlockingTimeMs),
    bytes: of((r) => r.bytes),
    largestContentfulPaintMs: of((r) => r.largestContentfulPaintMs),
  };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const kb = (bytes: number) => `${thousands(Math.round(bytes / 1024))} KB`;

/** The Markdown table: one row per page, medians, with each run's performance score. */
export function lighthouseTable(pages: MeasuredPage[]): string {
  const rows = pages.map((page) => {
    const m = medianFigures(page.runs);
    const runs = page.runs.map((r) => r.performance).join(', ');
    const name = page.stock ? `stock Docusaurus \`${page.path}\`` : `\`${page.path}\``;
    return `| ${name} | ${page.label} | ${m.performance} (${runs}) | ${thousands(m.totalBlockingTimeMs)} ms | ${kb(m.bytes)} | ${(m.largestContentfulPaintMs / 1000).toFixed(1)} s | ${m.accessibility} |`;
  });
  return [
    '| page | kind | performance (runs) | total blocking time | bytes transferred | LCP | accessibility |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export interface GoalCheck {
  page: string;
  goal: string;
  value: string;
  target: string;
  met: boolean;
}

/** Each project page against the stock page: performance, TBT, bytes, accessibility. */
export function checkSiteGoals(pages: MeasuredPage[]): GoalCheck[] {
  const stockPage = pages.find((p) => p.stock);
  if (!stockPage) throw new Error('no stock page among the measured pages');
  const stock = medianFigures(stockPage.runs);
  return pages
    .filter((p) => !p.stock)
    .flatMap((page) => {
      const m = medianFigures(page.runs);
      const ratio = (a: number, b: number) => (b === 0 ? Number.POSITIVE_INFINITY : a / b);
      const tbt = ratio(m.totalBlockingTimeMs, stock.totalBlockingTimeMs);
      const bytes = ratio(m.bytes, stock.bytes);
      return [
        {
          page: page.path,
          goal: 'performance',
          value: String(m.performance),
          target: `≥ ${stock.performance} (stock)`,
          met: m.performance >= stock.performance,
        },
        {
          page: page.path,
          goal: 'total blocking time / stock',
          value: `${tbt.toFixed(2)}× (${thousands(m.totalBlockingTimeMs)} ms)`,
          target: `≤ ${GOALS.tbtFactor}×`,
          // Within 1.5× of the stock page, or no blocking time at all.
          met: m.totalBlockingTimeMs === 0 || tbt <= GOALS.tbtFactor,
        },
        {
          page: page.path,
          goal: 'bytes / stock',
          value: `${bytes.toFixed(2)}× (${kb(m.bytes)})`,
          target: `≤ ${GOALS.bytesFactor}×`,
          met: bytes <= GOALS.bytesFactor,
        },
        {
          page: page.path,
          goal: 'accessibility',
          value: String(m.accessibility),
          target: String(GOALS.accessibility),
          met: m.accessibility >= GOALS.accessibility,
        },
      ];
    });
}

export function goalsTable(checks: GoalCheck[]): string {
  return [
    '| page | goal | value | target | verdict |',
    '| --- | --- | ---: | ---: | --- |',
    ...checks.map(
      (c) =>
        `| \`${c.page}\` | ${c.goal} | ${c.value} | ${c.target} | ${c.met ? 'met' : '**not met**'} |`
    ),
  ].join('\n');
}

export const SECTION_START = '<!-- bench:site:start (written by npm run bench:site) -->';
export const SECTION_END = '<!-- bench:site:end -->';

/** Puts `body` between the site benchmark's markers, appending the markers when absent. */
export function replaceSiteSection(results: string, body: string): string {
  const block = `${SECTION_START}\n\n${body.trim()}\n\n${SECTION_END}`;
  const start = results.indexOf(SECTION_START);
  const end = results.indexOf(SECTION_END);
  if (start === -1 || end === -1 || end < start) return `${results.trimEnd()}\n\n${block}\n`;
  return results.slice(0, start) + block + results.slice(end + SECTION_END.length);
}

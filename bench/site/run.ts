// `npm run bench:site`: Lighthouse (mobile, simulated throttling, system Chromium) on pages of the
// project's production build and on a stock Docusaurus page built and served the same way in the
// same run. Prints the table and the goals, and records them in bench/RESULTS.md. A benchmark: it
// judges nothing by wall-clock time and always exits 0 once it has measured.
//
//   npm run build && npm run bench:site [-- --runs 3 --no-record]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, measurePage } from './lighthouse';
import {
  checkSiteGoals,
  goalsTable,
  lighthouseTable,
  replaceSiteSection,
  type MeasuredPage,
} from './report';
import { serveSite, type ServedSite } from './serve';
import { buildSite, STOCK_PAGE, writeStockSite } from './stockSite';

const USAGE = `usage: npm run bench:site [-- --runs N] [-- --no-record]
  --runs N      Lighthouse runs per page (default 3; the table shows medians)
  --no-record   print only; leave bench/RESULTS.md alone
Needs a production build (npm run build) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).`;

/** The project's pages: the tutorial, a page with diagrams, a page without. */
const PROJECT_PAGES = [
  { label: 'tutorial', path: '/toolhive/tutorials/aws-sts-integration' },
  { label: 'diagram page (3 diagrams)', path: '/toolhive/concepts/backend-auth' },
  { label: 'plain page', path: '/toolhive/guides-k8s/token-exchange-k8s' },
];

function parseArgs(argv: string[]): { runs: number; record: boolean } {
  let runs = 3;
  let record = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--no-record') record = false;
    else if (arg === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return { runs, record };
}

const repoRoot = process.cwd();
const progress = (text: string) => process.stderr.write(`bench:site: ${text}\n`);
const version = (pkg: string) =>
  (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

let options: { runs: number; record: boolean };
try {
  options = parseArgs(process.argv.slice(2));
  chromiumPath();
  if (!existsSync(join(repoRoot, 'build/index.html'))) {
    throw new Error('no production build in build/. Run `npm run build` first.');
  }
} catch (error) {
  console.error(`bench:site: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const stockDir = writeStockSite(repoRoot);
const servers: ServedSite[] = [];
const pages: MeasuredPage[] = [
  ...PROJECT_PAGES.map((p) => ({ ...p, stock: false, runs: [] })),
  { label: 'stock classic site, docs page', path: STOCK_PAGE, stock: true, runs: [] },
];
try {
  progress(`building the stock Docusaurus ${version('@docusaurus/core')} site in ${stockDir}`);
  await buildSite(repoRoot, stockDir);
  const project = await serveSite(repoRoot, repoRoot);
  servers.push(project);
  const stock = await serveSite(repoRoot, stockDir);
  servers.push(stock);
  for (let round = 0; round < options.runs; round++) {
    // Rotate the order each round so no page always runs first or last on a busy machine.
    const order = pages.map((_, i) => pages[(i + round) % pages.length]!);
    for (const page of order) {
      const url = `${page.stock ? stock.origin : project.origin}${page.path}`;
      const figures = await measurePage(url);
      page.runs.push(figures);
      progress(
        `round ${round + 1}/${options.runs} ${page.path}: performance ${figures.performance}, ` +
          `TBT ${figures.totalBlockingTimeMs} ms, ${Math.round(figures.bytes / 1024)} KB, ` +
          `accessibility ${figures.accessibility}` +
          (figures.accessibilityFailures.length
            ? ` (${figures.accessibilityFailures.join(', ')})`
            : '')
      );
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(stockDir, { recursive: true, force: true });
}

const checks = checkSiteGoals(pages);
const chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
const settings =
  `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
  `${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}, Lighthouse ` +
  `${version('lighthouse')} (mobile, simulated throttling), ${chromium}, Docusaurus ` +
  `${version('@docusaurus/core')}; ${options.runs} runs per page, medians; both sites served by ` +
  '`docusaurus serve` (no compression) on loopback.';
const failures = pages
  .flatMap((p) => p.runs.flatMap((r) => r.accessibilityFailures.map((id) => `${p.path}: ${id}`)))
  .filter((line, i, all) => all.indexOf(line) === i);
const body = [
  '## Site: Lighthouse against a stock Docusaurus page (`npm run bench:site`)',
  '',
  `- ${settings}`,
  '',
  lighthouseTable(pages),
  '',
  goalsTable(checks),
  ...(failures.length ? ['', `Failed accessibility audits: ${failures.join('; ')}.`] : []),
].join('\n');

console.log(body);
if (options.record) {
  const path = join(repoRoot, 'bench/RESULTS.md');
  writeFileSync(path, replaceSiteSection(readFileSync(path, 'utf8'), body));
  progress('recorded in bench/RESULTS.md');
}

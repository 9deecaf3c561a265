// The site benchmark's arithmetic and text (bench/site/report.ts): medians, goals against the stock
// page, and the section of bench/RESULTS.md it rewrites without touching the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkSiteGoals,
  lighthouseTable,
  median,
  medianFigures,
  replaceSiteSection,
  SECTION_END,
  SECTION_START,
  type MeasuredPage,
} from '../../bench/site/report';
import type { PageFigures } from '../../bench/site/lighthouse';

const run = (performance: number, tbt: number, kb: number, accessibility = 100): PageFigures => ({
  performance,
  accessibility,
  totalBlockingTimeMs: tbt,
  bytes: kb * 1024,
  largestContentfulPaintMs: 2500,
  accessibilityFailures: [],
});

const stock: MeasuredPage = {
  label: 'stock',
  path: '/docs/intro',
  stock: true,
  runs: [run(70, 400, 640), run(66, 500, 640), run(75, 300, 640)],
};

test('median of odd and even counts; each figure on its own', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]));
  assert.deepEqual(medianFigures(stock.runs), {
    performance: 70,
    accessibility: 100,
    totalBlockingTimeMs: 400,
    bytes: 640 * 1024,
    largestContentfulPaintMs: 2500,
  });
});

test('goals: performance at least the stock page, TBT and bytes within 1.5×, accessibility 100', () => {
  const good: MeasuredPage = {
    label: 'tutorial',
    path: '/t',
    stock: false,
    runs: [run(72, 600, 900), run(71, 590, 960), run(70, 610, 950)],
  };
  const bad: MeasuredPage = {
    label: 'heavy',
    path: '/h',
    stock: false,
    runs: [run(50, 1700, 2500, 96)],
  };
  const checks = checkSiteGoals([good, bad, stock]);
  assert.deepEqual(
    checks.filter((c) => c.page === '/t').map((c) => [c.goal, c.met]),
    [
      ['performance', true],
      ['total blocking time / stock', true],
      ['bytes / stock', true],
      ['accessibility', true],
    ]
  );
  assert.ok(checks.filter((c) => c.page === '/h').every((c) => !c.met));
  assert.equal(
    checks.find((c) => c.page === '/t' && c.goal === 'bytes / stock')?.value,
    '1.48× (950 KB)'
  );
  assert.throws(() => checkSiteGoals([good]), /no stock page/);
});

test('the table shows medians and every run of the performance score', () => {
  const table = lighthouseTable([stock]);
  assert.match(
    table,
    /\| stock Docusaurus `\/docs\/intro` \| stock \| 70 \(70, 66, 75\) \| 400 ms \| 640 KB \| 2\.5 s \| 100 \|/
  );
});

test('the RESULTS.md section is appended once, then replaced in place', () => {
  const original = '# Benchmark results\n\n## Proxy\n\nfigures\n';
  const first = replaceSiteSection(original, '## Site\n\none');
  assert.ok(first.startsWith(original.trimEnd()));
  assert.ok(first.endsWith(`${SECTION_START}\n\n## Site\n\none\n\n${SECTION_END}\n`));
  const second = replaceSiteSection(`${first}\n## Later section\n`, '## Site\n\ntwo');
  assert.equal(second.split(SECTION_START).length, 2);
  assert.match(second, /## Site\n\ntwo\n/);
  assert.doesNotMatch(second, /one/);
  assert.match(second, /## Later section\n$/);
});

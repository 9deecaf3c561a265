// What ships: no copyleft code in the bundle, and the tutorial's initial JavaScript, measured
// against a plain page, with the interactive components' code loaded only on demand.
import { test, expect, type Page, type Response } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TUTORIAL } from './lib/site';

test('no lunr-languages stemmers or ELK layout code is bundled', () => {
  const dir = 'build/assets/js';
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text, `${file} bundles lunr-languages`).not.toContain('stemmerSupport');
    expect(text, `${file} bundles elkjs`).not.toContain('org.eclipse.elk');
  }
});

/** Budget of the tutorial's interactive components in the page's initial JavaScript. */
const INTERACTIVE_BUDGET_KB = 30;

/** Sum of the gzip sizes of the given script paths, as built. */
function gzipKb(paths: Iterable<string>): number {
  let gzip = 0;
  for (const src of paths) gzip += gzipSync(readFileSync(join('build', src))).length;
  return Math.round(gzip / 102.4) / 10;
}

/** Records the paths of the scripts a page requests while `run` runs. */
async function scriptsDuring(page: Page, run: () => Promise<void>): Promise<Set<string>> {
  const scripts = new Set<string>();
  const record = (res: Response) => {
    if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname);
  };
  page.on('response', record);
  await run();
  page.off('response', record);
  return scripts;
}

test("the tutorial's initial JavaScript stays within 30 KB gzip of a plain page", async ({
  browser,
}, info) => {
  // A fresh browser per page: what a first-time reader downloads before interacting.
  const measure = async (path: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = await scriptsDuring(page, async () => {
      await page.goto(path);
      // Mermaid loads its renderer after hydration; wait for the diagram so both pages count it.
      await page.locator('.docusaurus-mermaid-container svg').first().waitFor();
      await page.waitForLoadState('networkidle');
    });
    await context.close();
    return { path, scripts, gzipKb: gzipKb(scripts) };
  };
  // The tutorial has the four interactive components; the plain page, a guide with the same kind of
  // Mermaid flowchart, has none. The difference is the tutorial's own text plus the components' shells.
  const tutorial = await measure(TUTORIAL);
  const plain = await measure('/toolhive/guides-k8s/remote-mcp-proxy');
  const differenceKb = Math.round((tutorial.gzipKb - plain.gzipKb) * 10) / 10;
  const report = {
    tutorial: { path: tutorial.path, scripts: tutorial.scripts.size, gzipKb: tutorial.gzipKb },
    plain: { path: plain.path, scripts: plain.scripts.size, gzipKb: plain.gzipKb },
    differenceKb,
    budgetKb: INTERACTIVE_BUDGET_KB,
    // What the tutorial loaded that the plain page did not: the first place to look on failure.
    tutorialOnly: [...tutorial.scripts]
      .filter((src) => !plain.scripts.has(src))
      .map((src) => `${src} (${gzipKb([src])} KB)`),
  };
  info.annotations.push({ type: 'js-size', description: JSON.stringify(report) });
  console.log(`initial JS (gzip): ${JSON.stringify(report)}`);
  expect(tutorial.scripts.size).toBeGreaterThan(0);
  // Every page loads the same shared chunks; the sandbox core must not be in them. The markers are
  // code, not prose: the role mapper's error code and the STS emulator's session-token prefix.
  const leaked = [...plain.scripts].filter((src) =>
    /NO_ROLE_MAPPING|IQoJb3JpZ2luX2Vj/.test(readFileSync(join('build', src), 'utf8'))
  );
  expect(leaked, 'interactive code in the scripts every page loads').toEqual([]);
  expect(differenceKb).toBeLessThanOrEqual(INTERACTIVE_BUDGET_KB);
});

test('the interactive components load their code on demand', async ({ page }, info) => {
  const initial = await scriptsDuring(page, async () => {
    await page.goto(TUTORIAL);
    await page.waitForLoadState('networkidle');
  });
  const values = await scriptsDuring(page, async () => {
    await page.locator('summary', { hasText: 'Your values' }).click();
    await page.getByLabel('OIDC issuer').waitFor();
  });
  const playground = await scriptsDuring(page, async () => {
    await page.locator('#try-role-mapping').scrollIntoViewIfNeeded();
    await page.getByLabel('awsSts configuration').waitFor();
  });
  const onDemand = {
    yourValues: { scripts: [...values], gzipKb: gzipKb(values) },
    playground: { scripts: [...playground], gzipKb: gzipKb(playground) },
  };
  info.annotations.push({ type: 'js-on-demand', description: JSON.stringify(onDemand) });
  console.log(`on-demand JS (gzip): ${JSON.stringify(onDemand)}`);
  expect(values.size).toBeGreaterThan(0);
  expect(playground.size).toBeGreaterThan(0);
  for (const script of [...values, ...playground]) expect(initial).not.toContain(script);
});

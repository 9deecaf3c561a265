// What ships: no copyleft code and no diagram engine in the bundle, nothing that only some pages use
// in the scripts every page loads, the tutorial's initial JavaScript measured against a plain page,
// and the interactive components' code loaded only on demand.
import { test, expect, type Page, type Response } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TUTORIAL } from './lib/site';

/** Code of Mermaid and its layout engines: none of it may ship (diagrams are pre-rendered SVG). */
const DIAGRAM_ENGINE =
  /mermaidAPI|Syntax error in text|dagre|graphlib|cytoscape|org\.eclipse\.elk|khroma/;

test('no lunr-languages stemmers and no diagram engine are bundled', () => {
  const dir = 'build/assets/js';
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text, `${file} bundles lunr-languages`).not.toContain('stemmerSupport');
    expect(text.match(DIAGRAM_ENGINE)?.[0], `${file} bundles diagram engine code`).toBeUndefined();
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
      await page.waitForLoadState('networkidle');
    });
    await context.close();
    return { path, scripts, gzipKb: gzipKb(scripts) };
  };
  // The tutorial has the four interactive components; the plain page, a guide with the same kind of
  // flowchart, has none. The difference is the tutorial's own text plus the components' shells.
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

/** The inside of a pre-rendered diagram's SVG (its id and its scoped styles). */
const DIAGRAM_SVG = /id=\\?"diagram-[0-9a-f]{16}|#diagram-[0-9a-f]{16}/;

/** Markers of code or content that only some pages use. */
const ONLY_SOME_PAGES: [string, RegExp][] = [
  ['the diagram engine', DIAGRAM_ENGINE],
  // Pre-rendered diagrams: in their pages' HTML only, never in JavaScript.
  ['a pre-rendered diagram', DIAGRAM_SVG],
  // The sandbox core: the role mapper's error code and the STS emulator's session-token prefix.
  ['the sandbox core', /NO_ROLE_MAPPING|IQoJb3JpZ2luX2Vj/],
];

test('the scripts every page loads hold nothing that only some pages use', async ({ browser }) => {
  // What a first-time reader downloads on pages of each kind; the intersection is what every page
  // loads (runtime, main and common chunks).
  const pages = [
    '/',
    '/toolhive/tutorials/aws-sts-integration',
    '/toolhive/concepts/backend-auth',
    '/toolhive/guides-k8s/token-exchange-k8s',
  ];
  const loaded: Set<string>[] = [];
  for (const path of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    loaded.push(
      await scriptsDuring(page, async () => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
      })
    );
    await context.close();
  }
  const everywhere = [...loaded[0]!].filter((src) => loaded.every((set) => set.has(src)));
  expect(everywhere.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const src of everywhere) {
    const text = readFileSync(join('build', src), 'utf8');
    for (const [what, marker] of ONLY_SOME_PAGES) {
      const hit = text.match(marker)?.[0];
      if (hit) found.push(`${src}: ${what} (${hit})`);
    }
  }
  console.log(`scripts every page loads: ${everywhere.join(', ')} (${gzipKb(everywhere)} KB gzip)`);
  expect(found).toEqual([]);
});

test("diagrams are in their pages' HTML, never in JavaScript", () => {
  const dir = 'build/assets/js';
  for (const file of readdirSync(dir)) {
    const hit = readFileSync(join(dir, file), 'utf8').match(DIAGRAM_SVG)?.[0];
    expect(hit, `${file} holds a diagram`).toBeUndefined();
  }
  // Server-rendered: the diagrams are in the HTML, before any script runs.
  const html = readFileSync('build/toolhive/concepts/backend-auth.html', 'utf8');
  expect(html.match(/<svg[^>]* id="diagram-/g)?.length).toBe(3);
});

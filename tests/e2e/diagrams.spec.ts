// Pre-rendered diagrams (plugins/diagrams): every one shows, in light and dark mode switched with the
// site's own toggle, with text that is text (selectable, named, described) and legible: labels at
// 4.5:1 against what is drawn behind them, lines and borders at 3:1, never drawn below 11 px on a
// desktop or a phone.
import { test, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { seriousAxeViolations } from './lib/axe';
import { collectErrors, sitePaths } from './lib/site';

const DIAGRAM = 'figure > svg[id^="diagram-"]';

/** Pages of the build with at least one diagram, and how many, read from the built HTML. */
const diagramPages = sitePaths()
  .map((path) => {
    const file = `build${path === '/' ? '/index' : path}.html`;
    const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return { path, count: (html.match(/<svg[^>]* id="diagram-/g) ?? []).length };
  })
  .filter((p) => p.count > 0);

test('the build has pre-rendered diagrams and no Mermaid runtime', () => {
  expect(diagramPages.map((p) => p.path)).toEqual(
    expect.arrayContaining([
      '/toolhive/tutorials/aws-sts-integration',
      '/toolhive/concepts/backend-auth',
    ])
  );
  expect(diagramPages.reduce((n, p) => n + p.count, 0)).toBeGreaterThanOrEqual(5);
});

/** Switches the colour mode with the navbar toggle (not prefers-color-scheme). */
async function switchColourMode(page: Page, mode: 'light' | 'dark') {
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /dark and light mode/i });
  for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== mode; i++) {
    await toggle.click();
  }
  await expect(html).toHaveAttribute('data-theme', mode);
}

interface Legibility {
  labels: number;
  fontPx: number;
  worstText: { text: string; ratio: number; fg: string; bg: string };
  worstLine: { what: string; ratio: number; colour: string };
  fill: string;
}

/** Contrast of every label against the colours composited behind it, and of lines and borders. */
function measureLegibility(svg: SVGSVGElement): Legibility {
  type Rgba = [number, number, number, number];
  const parse = (colour: string): Rgba | null => {
    const m = colour.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r = 0, g = 0, b = 0, a = 1] = m[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const f = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const over = (top: Rgba, alpha: number, below: Rgba): Rgba => [
    top[0] * alpha + below[0] * (1 - alpha),
    top[1] * alpha + below[1] * (1 - alpha),
    top[2] * alpha + below[2] * (1 - alpha),
    1,
  ];
  const show = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  let page: Rgba = [255, 255, 255, 1];
  for (let e: Element | null = svg; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) {
      page = c;
      break;
    }
  }
  const opacity = (e: Element) => {
    let o = 1;
    for (let x: Element | null = e; x && x !== svg.parentElement; x = x.parentElement) {
      o *= Number(getComputedStyle(x).opacity);
    }
    return o;
  };
  const shapes = new Set(['rect', 'polygon', 'path', 'circle', 'ellipse']);

  let worstText = { text: '', ratio: Infinity, fg: '', bg: '' };
  // The element that paints each piece of text: a <text> or the innermost <tspan> holding it.
  const texts: SVGGraphicsElement[] = [];
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !(node.nodeValue ?? '').trim() || !parent.closest('text')) continue;
    if (!texts.includes(parent as unknown as SVGGraphicsElement)) {
      texts.push(parent as unknown as SVGGraphicsElement);
    }
  }
  for (const text of texts) {
    const fg = parse(getComputedStyle(text).fill);
    if (!fg) continue;
    const box = text.getBoundingClientRect();
    const stack = document
      .elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
      .filter((e) => svg.contains(e) && shapes.has(e.localName));
    let bg = page;
    for (const shape of stack.reverse()) {
      const style = getComputedStyle(shape);
      const fill = parse(style.fill);
      if (!fill) continue;
      bg = over(fill, fill[3] * Number(style.fillOpacity) * opacity(shape), bg);
    }
    const r = ratio(over(fg, opacity(text), bg), bg);
    if (r < worstText.ratio) {
      worstText = { text: text.textContent ?? '', ratio: r, fg: show(fg), bg: show(bg) };
    }
  }

  let worstLine = { what: '', ratio: Infinity, colour: '' };
  const lines = svg.querySelectorAll(
    '.flowchart-link, [class*="messageLine"], .node .label-container, .node rect, .node polygon, rect.actor, .cluster rect'
  );
  for (const line of lines) {
    const stroke = parse(getComputedStyle(line).stroke);
    if (!stroke || getComputedStyle(line).strokeWidth === '0px') continue;
    const r = ratio(stroke, page);
    if (r < worstLine.ratio) {
      worstLine = {
        what: `${line.localName}.${line.getAttribute('class')}`,
        ratio: r,
        colour: show(stroke),
      };
    }
  }
  const first = texts[0];
  return {
    labels: texts.length,
    // Mermaid draws labels at 16 px in viewBox units; the SVG is scaled to its column.
    fontPx: (16 * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width,
    worstText,
    worstLine,
    fill: first ? getComputedStyle(first).fill : '',
  };
}

for (const { path, count } of diagramPages) {
  test(`${path}: ${count} diagram(s) legible in light and dark mode`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    const diagrams = page.locator(DIAGRAM);
    await expect(diagrams).toHaveCount(count);
    const fills: Record<string, string[]> = { light: [], dark: [] };
    for (const mode of ['light', 'dark'] as const) {
      await switchColourMode(page, mode);
      for (let i = 0; i < count; i++) {
        const svg = diagrams.nth(i);
        await svg.scrollIntoViewIfNeeded();
        await expect(svg).toBeVisible();
        const box = await svg.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(200);
        const result = await svg.evaluate(measureLegibility);
        const where = `${path} diagram ${i + 1}, ${mode} mode`;
        console.log(
          `${where}: ${result.labels} labels at ${result.fontPx.toFixed(1)} px, text ≥ ` +
            `${result.worstText.ratio.toFixed(2)}:1, lines ≥ ${result.worstLine.ratio.toFixed(2)}:1`
        );
        expect(result.labels, where).toBeGreaterThan(2);
        expect(result.fontPx, `${where}: labels drawn too small`).toBeGreaterThanOrEqual(11);
        expect(
          result.worstText.ratio,
          `${where}: ${JSON.stringify(result.worstText)}`
        ).toBeGreaterThanOrEqual(4.5);
        expect(
          result.worstLine.ratio,
          `${where}: ${JSON.stringify(result.worstLine)}`
        ).toBeGreaterThanOrEqual(3);
        fills[mode]!.push(result.fill);
      }
    }
    // The dark mode's own colours apply, not the light ones on a dark page.
    for (let i = 0; i < count; i++) expect(fills.dark![i]).not.toEqual(fills.light![i]);
    expect(errors).toEqual([]);
  });
}

test('diagram text is text: selectable, with an accessible name and description', async ({
  page,
}) => {
  await page.goto('/toolhive/tutorials/aws-sts-integration');
  const svg = page.locator(DIAGRAM).first();
  await expect(svg).toHaveAccessibleName(/How a request reaches the AWS MCP Server/);
  await expect(svg).toHaveAccessibleDescription(/AssumeRoleWithWebIdentity/);
  const selected = await svg.evaluate((el) => {
    const selection = window.getSelection()!;
    selection.selectAllChildren(el);
    return selection.toString();
  });
  for (const label of ['MCP client', 'AWS STS', 'SigV4 signing', 'AssumeRoleWithWebIdentity']) {
    expect(selected).toContain(label);
  }
});

test('on a 390 px phone a wide diagram scrolls in its frame, its text no smaller than 11 px', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/toolhive/tutorials/aws-sts-integration');
  const figure = page.locator('figure:has(> svg[id^="diagram-"])').first();
  await figure.scrollIntoViewIfNeeded();
  const sizes = await figure.evaluate((el) => {
    const svg = el.querySelector('svg')!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return {
      scale,
      fontPx: 16 * scale,
      scrolls: el.scrollWidth > el.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(sizes.fontPx).toBeGreaterThanOrEqual(11);
  expect(sizes.pageOverflow).toBeLessThanOrEqual(0);
  if (sizes.scrolls) {
    // The frame is focusable, so keyboard users can scroll it.
    await figure.focus();
    await expect(figure).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figure.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  }
  await context.close();
});

test('dark mode: a diagram page passes axe', async ({ page }) => {
  test.slow();
  await page.goto('/toolhive/concepts/backend-auth');
  await switchColourMode(page, 'dark');
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test('a diagram page loaded directly fetches no diagram; reached by a link, it fetches its SVGs', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/diagrams/')) fetched.push(path);
  });
  await page.goto('/toolhive/concepts/backend-auth');
  await expect(page.locator(DIAGRAM)).toHaveCount(3);
  await page.waitForLoadState('networkidle');
  expect(fetched, 'the server-rendered SVGs stay after hydration').toEqual([]);

  await page.goto('/toolhive/guides-k8s/token-exchange-k8s');
  await page.waitForLoadState('networkidle');
  await page.locator('article a[href="/toolhive/concepts/backend-auth"]').first().click();
  await expect(page).toHaveURL(/\/toolhive\/concepts\/backend-auth$/);
  await expect(page.locator(DIAGRAM)).toHaveCount(3);
  await expect(page.locator(DIAGRAM).first()).toHaveAccessibleName(/Which credential/);
  expect(fetched).toHaveLength(3);
});

// `npm run diagrams`: renders every Mermaid diagram of the docs to SVG ahead of time, in Chromium
// (Mermaid needs a DOM), into static/diagrams/<key>.svg, and deletes SVGs no page uses.
// `npm run diagrams -- --check` only reports missing or unused SVGs (no browser). The site inlines
// the SVGs at build time (remark.ts); readers never download Mermaid.

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { collectDiagrams, type DiagramSource } from './collect';
import { BROWSER_SCRIPT, MERMAID_CONFIG, RENDERED_DIR, RENDERER } from './renderer';

const repoRoot = process.cwd();
const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const all = args.has('--all');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The first line of every rendered file: what made it, from which source. */
function svgHeader(diagram: DiagramSource): string {
  return `<!-- ${RENDERER}; key ${diagram.key}; from ${diagram.where}. Written by npm run diagrams: do not edit. -->`;
}

async function main(): Promise<number> {
  const diagrams = collectDiagrams(repoRoot);
  const byKey = new Map<string, DiagramSource>();
  for (const d of diagrams) if (!byKey.has(d.key)) byKey.set(d.key, d);
  mkdirSync(RENDERED_DIR, { recursive: true });
  const fileOf = (key: string) => join(RENDERED_DIR, `${key}.svg`);
  const missing = [...byKey.values()].filter((d) => all || !existsSync(fileOf(d.key)));
  const unused = readdirSync(RENDERED_DIR).filter(
    (name) => name.endsWith('.svg') && !byKey.has(name.slice(0, -4))
  );

  if (check) {
    for (const d of missing) console.error(`diagrams: ${d.where} has no rendered SVG (${d.key})`);
    for (const name of unused) console.error(`diagrams: ${name} is used by no page`);
    if (missing.length || unused.length) {
      console.error('Run `npm run diagrams` and commit static/diagrams/.');
      return 1;
    }
    console.log(`diagrams: all ${byKey.size} diagrams are rendered (${RENDERER})`);
    return 0;
  }

  if (missing.length > 0) {
    if (!existsSync(chromiumPath)) {
      console.error(
        `diagrams: no Chromium at ${chromiumPath}. Install it with\n` +
          '  sudo apt-get update && sudo apt-get install -y chromium\n' +
          'or point CHROMIUM_PATH at a Chromium binary.'
      );
      return 1;
    }
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      /** A page with Mermaid and the renderer freshly loaded: no state from an earlier render. */
      const freshPage = async () => {
        const page = await browser.newPage();
        await page.setContent('<!doctype html><html lang="en"><body></body></html>');
        await page.addScriptTag({
          path: join(repoRoot, 'node_modules/mermaid/dist/mermaid.min.js'),
        });
        await page.addScriptTag({ path: BROWSER_SCRIPT });
        return page;
      };
      type RendererWindow = {
        renderMermaid(input: { id: string; source: string; config: object }): Promise<string>;
        combineModes(input: { id: string; light: string; dark: string }): { svg: string };
      };
      for (const diagram of missing) {
        const id = `diagram-${diagram.key}`;
        const modes: Record<string, string> = {};
        for (const mode of ['light', 'dark'] as const) {
          const page = await freshPage();
          modes[mode] = await page.evaluate(
            (input) => (window as unknown as RendererWindow).renderMermaid(input),
            { id, source: diagram.source, config: MERMAID_CONFIG[mode] }
          );
          await page.close();
        }
        const page = await freshPage();
        const { svg } = await page.evaluate(
          (input) => (window as unknown as RendererWindow).combineModes(input),
          { id, light: modes.light!, dark: modes.dark! }
        );
        await page.close();
        writeFileSync(fileOf(diagram.key), `${svgHeader(diagram)}\n${svg}\n`);
        console.log(`diagrams: rendered ${diagram.where} → ${diagram.key}.svg`);
      }
    } finally {
      await browser.close();
    }
  }
  for (const name of unused) {
    rmSync(join(RENDERED_DIR, name));
    console.log(`diagrams: removed ${name} (no page uses it)`);
  }
  console.log(
    `diagrams: ${byKey.size} diagrams, ${missing.length} rendered, ${unused.length} removed (${RENDERER})`
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`diagrams: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
);

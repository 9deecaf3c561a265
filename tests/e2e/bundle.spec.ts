// What ships: no copyleft code in the bundle, and the tutorial's initial JavaScript, measured.
import { test, expect } from '@playwright/test';
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

test('measure the initial JavaScript of the tutorial and of a plain page', async ({
  page,
}, info) => {
  const measure = async (path: string) => {
    const scripts = new Set<string>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname);
    });
    await page.goto(path);
    await page.waitForLoadState('load');
    page.removeAllListeners('response');
    let gzip = 0;
    for (const src of scripts) gzip += gzipSync(readFileSync(join('build', src))).length;
    return { path, scripts: scripts.size, gzipKb: Math.round(gzip / 102.4) / 10 };
  };
  const tutorial = await measure(TUTORIAL);
  const plain = await measure('/toolhive/guides-k8s/token-exchange-k8s');
  info.annotations.push({ type: 'js-size', description: JSON.stringify({ tutorial, plain }) });
  console.log(`initial JS (gzip): ${JSON.stringify({ tutorial, plain })}`);
  expect(tutorial.scripts).toBeGreaterThan(0);
});

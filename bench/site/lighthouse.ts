// One Lighthouse run of one URL on the system Chromium: mobile form factor, simulated throttling,
// performance and accessibility only, in a fresh browser profile. It returns the figures the site
// benchmark reports; choosing pages, repeating runs and judging the goals are run.ts's and report.ts's.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { freePort } from './serve';

/** The figures of one run. Bytes are Lighthouse's total byte weight (transferred). */
export interface PageFigures {
  performance: number;
  accessibility: number;
  totalBlockingTimeMs: number;
  bytes: number;
  largestContentfulPaintMs: number;
  /** Accessibility audits that failed, by id: where to look when the score is below 100. */
  accessibilityFailures: string[];
}

/** Chromium flags: those of playwright.config.ts, plus headless and remote debugging. */
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `no Chromium at ${path}. Install Debian's browser with\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium binary.'
    );
  }
  return path;
}

/** Starts Chromium with a DevTools port and a throwaway profile; resolves once the port answers. */
async function launchChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'bench-site-chromium-'));
  const child = spawn(
    chromiumPath(),
    [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`],
    { stdio: 'ignore' }
  );
  const close = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(profile, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill();
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return { port, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await close();
  throw new Error(`Chromium did not open its DevTools port ${port} within 30 s`);
}

/** Runs Lighthouse once on `url` in a fresh Chromium and returns the page's figures. */
export async function measurePage(url: string): Promise<PageFigures> {
  const browser = await launchChromium();
  try {
    const result = await lighthouse(url, {
      port: browser.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => ref.id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      totalBlockingTimeMs: Math.round(numeric('total-blocking-time')),
      bytes: Math.round(numeric('total-byte-weight')),
      largestContentfulPaintMs: Math.round(numeric('largest-contentful-paint')),
      accessibilityFailures,
    };
  } finally {
    await browser.close();
  }
}

// Serves a built Docusaurus site with `docusaurus serve` on a free loopback port, the way the e2e
// tests serve the project's build, so the project and the stock site are served alike.
// It does not build anything (stockSite.ts and `npm run build` do).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ServedSite {
  origin: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
async function waitForOk(url: string, timeoutMs: number, exited: () => string | null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`docusaurus serve exited before it was ready: ${exit}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`docusaurus serve did not answer ${url} within ${timeoutMs} ms`);
}

/** Starts `docusaurus serve` for `siteDir`'s `build/`; resolves once the home page answers. */
export async function serveSite(repoRoot: string, siteDir: string): Promise<ServedSite> {
  const port = await freePort();
  const cli = join(repoRoot, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
  const args = ['serve', siteDir, '--dir', 'build', '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(process.execPath, [cli, ...args, '--no-open'], {
    cwd: siteDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exit: string | null = null;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', (code, signal) => (exit = `${code ?? signal} ${stderr.trim()}`));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${origin}/`, 60_000, () => exit);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exit !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

#!/usr/bin/env node
// Runs the Playwright suite against `docusaurus serve` of the production build, on a free
// loopback port, with the system Chromium. A missing browser or build is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `e2e: no Chromium at ${chromium}. Install Debian's browser with\n` +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium binary. (Playwright cannot download browsers here.)'
  );
  process.exit(1);
}
if (!existsSync('build/index.html')) {
  console.error('e2e: no production build in build/. Run `npm run build` first.');
  process.exit(1);
}

const port = await new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, E2E_PORT: String(port), CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);

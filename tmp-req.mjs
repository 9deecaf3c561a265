import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 5501;
const site = process.argv[2] ?? '.';
const server = spawn('node_modules/.bin/docusaurus', ['serve', site, '--dir', 'build', '--host', '127.0.0.1', '--port', String(port), '--no-open'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const path of process.argv.slice(3)) {
  const page = await browser.newPage();
  const rows = [];
  page.on('response', async (res) => { try { const b = await res.body(); rows.push([b.length, res.request().resourceType(), new URL(res.url()).pathname]); } catch {} });
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await page.waitForLoadState('networkidle');
  await new Promise((r) => setTimeout(r, 1500));
  rows.sort((a, b) => b[0] - a[0]);
  console.log(path, 'total', Math.round(rows.reduce((n, r) => n + r[0], 0) / 1024), 'KB');
  for (const r of rows) console.log('  ', Math.round(r[0] / 1024), r[1], r[2]);
  await page.close();
}
await browser.close();
server.kill(); await new Promise((r) => setTimeout(r, 500));

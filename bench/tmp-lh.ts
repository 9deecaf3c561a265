import lighthouse from 'lighthouse';
import { spawn } from 'node:child_process';
import { serveSite } from './site/serve';
const site = await serveSite(process.cwd(), process.argv[2] ?? process.cwd());
const port = 9333;
const chrome = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, '--user-data-dir=/tmp/wt16-lh-profile'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
for (const path of process.argv.slice(3)) {
  const r = await lighthouse(`${site.origin}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const items = (r!.lhr.audits['network-requests']!.details as unknown as { items: { url: string; resourceType: string; transferSize: number; priority: string }[] }).items;
  console.log(path, 'perf', r!.lhr.categories.performance!.score, 'TBT', r!.lhr.audits['total-blocking-time']!.numericValue, 'bytes', r!.lhr.audits['total-byte-weight']!.numericValue);
  for (const i of items.sort((a, b) => b.transferSize - a.transferSize)) console.log('  ', Math.round(i.transferSize / 1024), i.resourceType, i.priority, new URL(i.url).pathname);
  const bt = r!.lhr.audits['bootup-time']!.details as unknown as { items: { url: string; total: number; scripting: number }[] };
  for (const i of bt.items) console.log('   bootup', Math.round(i.total), Math.round(i.scripting), i.url.slice(-40));
}
chrome.kill();
await site.stop();

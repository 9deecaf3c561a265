// Summarises a V8 CPU profile (.cpuprofile from `npm run bench -- --cpu-prof`): where the self
// time went, by function and by package. It changes nothing; read it before guessing.
// Run: node --import tsx bench/profileSummary.ts FILE.cpuprofile… [--top 25] (files are summed)

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const files = args.filter((arg) => arg.endsWith('.cpuprofile'));
if (files.length === 0 || !Number.isInteger(top) || top < 1) {
  console.error('usage: node --import tsx bench/profileSummary.ts FILE.cpuprofile… [--top N]');
  process.exit(2);
}
const root = process.cwd();
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
/** Time with the function anywhere on the stack (each function counted once per sample). */
const inclusive = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (frame === undefined) return;
    total += ms;
    const { name, where } = describe(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPackage.set(packageOf(where), (byPackage.get(packageOf(where)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined) break;
      seen.add(describe(node.callFrame).name);
    }
    for (const fn of seen) inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
  });
}

function describe(frame: ProfileNode['callFrame']): { name: string; where: string } {
  const where = frame.url.replace(/^file:\/\//, '').replace(`${root}/`, '');
  return { name: `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`, where };
}

function packageOf(path: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules?.[1]) return modules[1];
  if (path.startsWith('node:') || path === '') return path === '' ? '(native/vm)' : 'node:core';
  return path.split('/').slice(0, 3).join('/');
}

function print(title: string, entries: Map<string, number>): void {
  console.log(`\n${title} (${Math.round(total)} ms sampled)`);
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`
    );
  }
}

print('Self time by package or folder', byPackage);
print('Self time by function', byFunction);
print(
  'Inclusive, this project and its direct dependencies',
  new Map(
    [...inclusive].filter(
      ([name]) =>
        / (sandbox|bench)\//.test(name) ||
        /node_modules\/(jose|pino|@smithy|@aws-sdk|@aws-crypto|@bufbuild)/.test(name)
    )
  )
);

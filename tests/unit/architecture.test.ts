// The architecture's one rule, enforced: the core modules the site imports are browser-safe
// (no node: imports, no Buffer or process), and the package exports keep Node edges out of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CORE = [
  'config',
  'roles',
  'session',
  'iam',
  'policy',
  'sts',
  'signing',
  'tutorial',
  'doctor',
  'emulators/state',
  'emulators/sts-core',
];
const NODE_ONLY = ['auth', 'proxy', 'cli'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('msw-')
      ? [path]
      : [];
  });
}

for (const folder of CORE) {
  test(`sandbox/src/${folder} is browser-safe`, () => {
    const files = sourceFiles(join('sandbox/src', folder));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from ['"]node:/, `${file} imports a node: module`);
      assert.doesNotMatch(text, /\bBuffer\./, `${file} uses Buffer`);
      assert.doesNotMatch(text, /\bprocess\.(env|argv|exit|cwd)/, `${file} uses process`);
      for (const edge of NODE_ONLY) {
        assert.doesNotMatch(
          text,
          new RegExp(`from ['"](\\.\\./)+${edge}(/|['"])`),
          `${file} imports the Node-only ${edge} module`
        );
      }
    }
  });
}

test('package exports resolve Node-only modules to nothing in the browser', () => {
  const pkg = JSON.parse(readFileSync('sandbox/package.json', 'utf8')) as {
    exports: Record<string, string | { browser: null; default: string }>;
  };
  for (const edge of NODE_ONLY) {
    const entry = pkg.exports[`./${edge}`];
    assert.ok(entry && typeof entry === 'object', `./${edge} must be a conditional export`);
    assert.equal(entry.browser, null);
  }
  for (const folder of ['config', 'roles', 'session', 'iam', 'sts', 'signing', 'doctor']) {
    assert.equal(typeof pkg.exports[`./${folder}`], 'string', `./${folder} is exported`);
  }
});

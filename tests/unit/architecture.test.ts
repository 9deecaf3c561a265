// The architecture's rules, enforced: the core modules the site imports are browser-safe (no
// node: imports, no Buffer or process), the package exports keep Node edges out of it, and
// sandbox/src holds no test support (it lives under sandbox/test/support).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

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
  'emulators/token-issuer',
  'account',
];
const NODE_ONLY = ['auth', 'proxy', 'cli'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
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

/** The module a relative import names: `x.ts`, or `x/index.ts`. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(from), specifier));
  return [base, `${base}.ts`, join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile()
  );
}

test('sandbox/src holds no test support by name (test*, *Fixtures, *Harness, msw-*)', () => {
  const named = sourceFiles('sandbox/src').filter((file) =>
    /^(test|msw-)|fixtures?\.ts$|harness\.ts$/i.test(file.split('/').pop() ?? '')
  );
  assert.deepEqual(named, [], 'test support lives under sandbox/test/support');
});

test('every module of sandbox/src serves the package, not only its tests', () => {
  const pkg = JSON.parse(readFileSync('sandbox/package.json', 'utf8')) as {
    exports: Record<string, string | { default: string }>;
  };
  const entries = Object.values(pkg.exports).map((entry) =>
    normalize(join('sandbox', typeof entry === 'string' ? entry : entry.default))
  );
  // Reachable from the package's exports and the CLI through imports of non-test modules.
  const reached = new Set<string>();
  const pending = [...entries, 'sandbox/src/cli/main.ts'];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      const target = resolveImport(file, match[1] ?? '');
      if (target !== undefined && !target.endsWith('.test.ts')) pending.push(target);
    }
  }
  const unreached = sourceFiles('sandbox/src').filter(
    (file) => !file.endsWith('.d.ts') && !reached.has(file)
  );
  assert.deepEqual(
    unreached,
    [],
    'only tests use these: move them to sandbox/test/support, or delete them'
  );
});

// The architecture, enforced: the core modules the site imports are browser-safe (no node:
// imports, no Buffer or process), the package exports keep Node edges out of the browser, and
// every folder of sandbox/src imports only the folders its layer allows (so no folder cycle), and
// sandbox/src holds no test support (it lives under sandbox/test/support).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = 'sandbox/src';

const CORE = [
  'cel',
  'config',
  'roles',
  'session',
  'iam',
  'policy',
  'sts',
  'signing',
  'shared',
  'tutorial',
  'doctor',
  'emulators/state',
  'emulators/sts-core',
  'emulators/token-issuer',
  'account',
];
const NODE_ONLY = ['auth', 'proxy', 'cli'];

/**
 * Which folders each folder of sandbox/src may import ('' is the root, errors.ts), lowest layer
 * first. A folder's files may import their own folder freely; tests (*.test.ts) may import anything.
 */
const LAYERS: Record<string, readonly string[]> = {
  // Leaves: no AWS or ToolHive knowledge of their own folders' neighbours.
  '': [],
  shared: [],
  tutorial: [],
  cel: [''],
  iam: [''],
  // The awsSts core (browser-safe).
  config: ['', 'cel'],
  roles: ['', 'cel', 'config'],
  session: ['', 'cel', 'config'],
  signing: ['', 'config', 'shared'],
  sts: ['', 'config', 'session', 'shared'],
  policy: ['', 'config', 'iam', 'roles', 'tutorial'],
  // The emulated AWS side: a browser-safe core, Node servers beside it.
  'emulators/state': [''],
  'emulators/aws-query': ['', 'http-server', 'shared'],
  'emulators/sts-core': [
    '',
    'emulators/aws-query',
    'emulators/state',
    'iam',
    'session',
    'signing',
    'sts',
  ],
  'emulators/token-issuer': [],
  'emulators/iam': ['', 'emulators/aws-query', 'emulators/state', 'iam', 'shared'],
  account: ['', 'config', 'emulators/iam', 'emulators/state', 'policy'],
  doctor: [
    '',
    'config',
    'emulators/sts-core',
    'iam',
    'policy',
    'roles',
    'session',
    'shared',
    'sts',
  ],
  // Node edges.
  'http-server': [],
  auth: ['', 'shared'],
  proxy: ['', 'auth', 'config', 'http-server', 'roles', 'session', 'shared', 'signing', 'sts'],
  'emulators/oidc': ['', 'http-server', 'shared'],
  'emulators/sts': ['', 'auth', 'emulators/aws-query', 'emulators/state', 'emulators/sts-core'],
  'emulators/aws-mcp': [
    '',
    'config',
    'emulators/state',
    'http-server',
    'iam',
    'policy',
    'shared',
    'signing',
  ],
  replica: [
    '',
    'account',
    'config',
    'emulators/aws-mcp',
    'emulators/iam',
    'emulators/oidc',
    'emulators/state',
    'emulators/sts',
    'emulators/sts-core',
    'policy',
    'proxy',
    'roles',
    'session',
    'tutorial',
  ],
  cli: [
    '',
    'config',
    'doctor',
    'emulators/oidc',
    'policy',
    'proxy',
    'replica',
    'roles',
    'session',
    'sts',
  ],
};

/** Every .ts file under a folder, tests and msw-* included. */
function typeScriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The modules of a folder: its .ts files without tests and msw-* handlers. */
function sourceFiles(dir: string): string[] {
  return typeScriptFiles(dir).filter((path) => {
    const name = path.split('/').pop() ?? '';
    return !name.endsWith('.test.ts') && !name.startsWith('msw-');
  });
}

/** The declared folder a path under sandbox/src belongs to: its longest declared prefix. */
function folderOf(path: string): string | undefined {
  const rel = relative(SRC, path).split('/').slice(0, -1).join('/');
  const candidates = Object.keys(LAYERS).filter(
    (folder) => folder === '' || rel === folder || rel.startsWith(`${folder}/`)
  );
  const best = candidates.sort((a, b) => b.length - a.length)[0];
  return best === '' && rel !== '' ? undefined : best;
}

/** The relative imports and re-exports of a file that load code (type-only ones are erased). */
function codeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(
    /^(?:import|export)\s+(type\s+)?[^;]*?from\s+['"](\.[^'"]+)['"]/gm
  )) {
    if (match[1] === undefined && match[2] !== undefined) specifiers.push(match[2]);
  }
  return specifiers;
}

/** The file a relative specifier resolves to (`x.ts` or `x/index.ts`). */
function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
  const found = candidates.find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile()
  );
  assert.ok(found, `${from} imports ${specifier}, which does not resolve`);
  return relative(process.cwd(), found);
}

function assertBrowserSafe(file: string, why: string): void {
  const text = readFileSync(file, 'utf8');
  assert.doesNotMatch(text, /from ['"]node:/, `${file} imports a node: module${why}`);
  assert.doesNotMatch(text, /\bBuffer\./, `${file} uses Buffer${why}`);
  assert.doesNotMatch(text, /\bprocess\.(env|argv|exit|cwd)/, `${file} uses process${why}`);
}

for (const folder of CORE) {
  test(`sandbox/src/${folder} is browser-safe`, () => {
    const files = sourceFiles(join(SRC, folder));
    for (const file of files) {
      assertBrowserSafe(file, '');
      const text = readFileSync(file, 'utf8');
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

const pkg = JSON.parse(readFileSync('sandbox/package.json', 'utf8')) as {
  exports: Record<string, string | { browser: null; default: string }>;
};

test('package exports resolve Node-only modules to nothing in the browser', () => {
  for (const edge of NODE_ONLY) {
    const entry = pkg.exports[`./${edge}`];
    assert.ok(entry && typeof entry === 'object', `./${edge} must be a conditional export`);
    assert.equal(entry.browser, null);
  }
  for (const folder of [
    'cel',
    'config',
    'roles',
    'session',
    'iam',
    'sts',
    'signing',
    'shared',
    'doctor',
  ]) {
    assert.equal(typeof pkg.exports[`./${folder}`], 'string', `./${folder} is exported`);
  }
});

test('every export the browser can resolve loads only browser-safe files', () => {
  for (const [name, entry] of Object.entries(pkg.exports)) {
    if (typeof entry !== 'string') continue;
    const seen = new Set<string>();
    const pending = [join('sandbox', entry)];
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      assertBrowserSafe(file, `, and the browser export ${name} loads it`);
      for (const specifier of codeImports(file)) pending.push(resolveImport(file, specifier));
    }
    assert.ok(seen.size > 0);
  }
});

test('every folder of sandbox/src has a declared layer', () => {
  const folders = new Set(sourceFiles(SRC).map((file) => relative(SRC, dirname(file))));
  for (const folder of folders) {
    assert.ok(
      folderOf(join(SRC, folder, 'x.ts')) !== undefined,
      `sandbox/src/${folder} is not in LAYERS`
    );
  }
  for (const folder of Object.keys(LAYERS)) {
    assert.ok(
      existsSync(join(SRC, folder)),
      `LAYERS names sandbox/src/${folder}, which does not exist`
    );
  }
});

test('every import between folders goes where the layering allows', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (from === undefined) continue; // reported by the test above
    for (const specifier of codeImports(file)) {
      const to = folderOf(resolveImport(file, specifier));
      if (to === undefined || to === from) continue;
      if (!LAYERS[from]?.includes(to))
        violations.push(`${file} (${from || 'root'}) imports ${to || 'root'}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the layering has no cycle', () => {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (folder: string, path: string[]): void => {
    if (state.get(folder) === 'done') return;
    assert.notEqual(
      state.get(folder),
      'visiting',
      `folder cycle: ${[...path, folder].join(' → ')}`
    );
    state.set(folder, 'visiting');
    for (const next of LAYERS[folder] ?? []) visit(next, [...path, folder]);
    state.set(folder, 'done');
  };
  for (const folder of Object.keys(LAYERS)) visit(folder, []);
});

test('sandbox/src holds no test support by name (test*, *Fixtures, *Harness, msw-*)', () => {
  const named = typeScriptFiles(SRC).filter((file) =>
    /^(test|msw-)|fixtures?\.ts$|harness\.ts$/i.test(file.split('/').pop() ?? '')
  );
  assert.deepEqual(named, [], 'test support lives under sandbox/test/support');
});

test('every module of sandbox/src serves the package, not only its tests', () => {
  const entries = Object.values(pkg.exports).map((entry) =>
    join('sandbox', typeof entry === 'string' ? entry : entry.default)
  );
  // Reachable from the package's exports and the CLI through the imports of non-test modules.
  const reached = new Set<string>();
  const pending = [...entries, join(SRC, 'cli/main.ts')];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      pending.push(resolveImport(file, match[1] ?? ''));
    }
  }
  const unreached = sourceFiles(SRC).filter(
    (file) => !file.endsWith('.d.ts') && !reached.has(file)
  );
  assert.deepEqual(
    unreached,
    [],
    'only tests use these: move them to sandbox/test/support, or delete them'
  );
});

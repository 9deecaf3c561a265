#!/usr/bin/env node
// Fails when any production dependency (site or sandbox) is not permissively licensed, naming it.
// Reads the installed tree recorded in package-lock.json and each installed package.json.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Permissive SPDX identifiers we accept for code that ships. */
const PERMISSIVE = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
  'Zlib',
]);

/**
 * Permissive but not code licenses, accepted only for these packages and why. Build-time data or
 * tooling of the Docusaurus toolchain; nothing copyleft.
 */
const EXCEPTIONS = new Map([
  ['caniuse-lite', ['CC-BY-4.0', 'browser-support data read at build time (attribution only)']],
  ['argparse', ['Python-2.0', 'permissive PSF licence; YAML front-matter tooling at build time']],
  [
    'lunr-languages',
    [
      'MPL-1.1',
      'stemmers of the search plugin for non-English indexes; the site indexes English only, so no file of it is bundled (tests/e2e/bundle.spec.ts checks)',
    ],
  ],
]);

/** Licence texts recognised when a package.json has no licence field. */
const LICENSE_TEXTS = [
  ['MIT', /Permission is hereby granted, free of charge, to any person obtaining a\s+copy/],
  ['ISC', /Permission to use, copy, modify, and\/or distribute this software for any/],
];

function licenseFromFile(dir) {
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  if (!file) return undefined;
  const text = readFileSync(join(dir, file), 'utf8');
  return LICENSE_TEXTS.find(([, pattern]) => pattern.test(text))?.[0];
}

const root = process.cwd();
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

function licenseOf(path, entry) {
  if (typeof entry.license === 'string') return entry.license;
  const manifestPath = join(root, path, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) {
    return manifest.licenses.map((l) => l.type ?? l).join(' OR ');
  }
  return licenseFromFile(join(root, path));
}

/** True when an SPDX expression (with AND / OR / parentheses) is satisfied by permissive terms. */
function isPermissive(expression) {
  const tokens = expression
    .replace(/[()]/g, (p) => ` ${p} `)
    .trim()
    .split(/\s+/);
  let i = 0;
  const primary = () => {
    const token = tokens[i++];
    if (token === '(') {
      const value = or();
      i++; // ')'
      return value;
    }
    return PERMISSIVE.has(token?.replace(/\+$/, ''));
  };
  const and = () => {
    let value = primary();
    while (tokens[i] === 'AND') {
      i++;
      value = primary() && value;
    }
    return value;
  };
  const or = () => {
    let value = and();
    while (tokens[i] === 'OR') {
      i++;
      value = and() || value;
    }
    return value;
  };
  return or();
}

function packageName(path) {
  const at = path.lastIndexOf('node_modules/');
  return at === -1 ? path : path.slice(at + 'node_modules/'.length);
}

const problems = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (path === '' || entry.dev || entry.link) continue;
  const name = packageName(path);
  const license = licenseOf(path, entry);
  checked += 1;
  if (license && isPermissive(license)) continue;
  const exception = EXCEPTIONS.get(name);
  if (license && exception && exception[0] === license) continue;
  problems.push(`${name}@${entry.version ?? '?'}: ${license ?? 'UNKNOWN (no license field)'}`);
}

if (problems.length > 0) {
  console.error(
    `Licence check failed: ${problems.length} production dependencies are not permissive:`
  );
  for (const p of problems) console.error(`  - ${p}`);
  console.error(
    'Replace them, or if the licence is permissive, add it to scripts/check-licenses.mjs.'
  );
  process.exit(1);
}
console.log(`Licence check passed: ${checked} production packages, all permissive.`);

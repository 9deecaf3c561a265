// The `policy` CLI command (sandbox/src/cli/commands/policy.ts), run through the CLI dispatcher
// with fake I/O: --json output, --out writing, and bad values reported all at once.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createPolicyCommand, policyCommand, writeArtifactFiles } from '../cli/commands/policy';
import { runCli } from '../cli/runCli';
import type { CliIo } from '../cli/types';
import { AwsStsError } from '../errors';
import { generateArtifacts } from './generateArtifacts';
import { TUTORIAL_VALUES } from './input/tutorialValues';
import type { ArtifactFiles } from './types';

const dir = mkdtempSync(join(tmpdir(), 'policy-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(files: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined)
        throw new AwsStsError('INVALID_INPUT', `cannot read ${path}: no such file`);
      return text;
    },
    readStdin: async () => stdin,
  };
  return { io, out, err };
}

const VALUES = JSON.stringify(TUTORIAL_VALUES);
const BAD = JSON.stringify({
  ...TUTORIAL_VALUES,
  issuer: 'http://x.example.com',
  accountId: '12',
  partition: 'aws-iso',
});

describe('policy command', () => {
  it('--json prints {files, notes} with the same files as the library', async () => {
    const { io, out, err } = fakeIo({ 'values.json': VALUES });
    const code = await runCli(['policy', '--input', 'values.json', '--json'], io, [policyCommand]);
    assert.equal(code, 0, err.join('\n'));
    const printed = JSON.parse(out.join('\n')) as { files: ArtifactFiles; notes: string[] };
    assert.deepEqual(Object.keys(printed), ['files', 'notes']);
    const expected = generateArtifacts(TUTORIAL_VALUES);
    assert.ok(expected.ok);
    assert.deepEqual(printed.files, expected.files);
  });

  it('reads YAML values from standard input', async () => {
    const { io, out } = fakeIo(
      {},
      'issuer: dev-123456.okta.com/oauth2/default\naudience: a\naccountId: "123456789012"\nregion: us-east-1\nnamespace: ns\ndomain: mcp.example.com\nfallbackRole: {name: D, permissions: default}\n'
    );
    assert.equal(await runCli(['policy', '--input', '-', '--json'], io, [policyCommand]), 0);
    const printed = JSON.parse(out.join('\n')) as { notes: string[] };
    assert.match(printed.notes.join(), /added https:\/\//);
  });

  it('bad values: exit 2, every issue with its path; JSON error shape with --json', async () => {
    const { io, out } = fakeIo({ 'bad.json': BAD });
    assert.equal(await runCli(['policy', '--input', 'bad.json', '--json'], io, [policyCommand]), 2);
    const printed = JSON.parse(out.join('\n')) as {
      error: { code: string; message: string; issues: { path: string; message: string }[] };
    };
    assert.equal(printed.error.code, 'INVALID_INPUT');
    assert.deepEqual(printed.error.issues.map((i) => i.path).sort(), [
      'accountId',
      'issuer',
      'partition',
    ]);
    for (const found of printed.error.issues)
      assert.deepEqual(Object.keys(found), ['path', 'message']);

    const text = fakeIo({ 'bad.json': BAD });
    assert.equal(
      await runCli(['policy', '--input', 'bad.json', '--out', 'x'], text.io, [
        createPolicyCommand(async () => assert.fail('must not write')),
      ]),
      2
    );
    const stderr = text.err.join('\n');
    assert.match(stderr, /^error: bad.json: 3 problem\(s\) with the values:/);
    assert.match(stderr, /\n {2}issuer "http:\/\/x.example.com" uses http:\/\//);
    assert.match(stderr, /\n {2}accountId must be exactly 12 digits/);
  });

  const usage: { name: string; argv: string[]; says: RegExp }[] = [
    {
      name: 'neither --out nor --json',
      argv: ['policy', '--input', 'values.json'],
      says: /exactly one of --out DIR or --json/,
    },
    {
      name: 'both --out and --json',
      argv: ['policy', '--input', 'values.json', '--out', 'x', '--json'],
      says: /exactly one of --out DIR or --json/,
    },
    { name: 'no --input', argv: ['policy', '--json'], says: /--input is required/ },
    {
      name: 'an unreadable file',
      argv: ['policy', '--input', 'missing.json', '--json'],
      says: /cannot read missing.json/,
    },
    {
      name: 'an unknown flag',
      argv: ['policy', '--input', 'values.json', '--json', '--force'],
      says: /unknown flag --force/,
    },
  ];
  for (const c of usage) {
    it(`usage error: ${c.name} (exit 2)`, async () => {
      const { io, out, err } = fakeIo({ 'values.json': VALUES });
      assert.equal(await runCli(c.argv, io, [policyCommand]), 2);
      assert.match(out.join('\n') + err.join('\n'), c.says);
    });
  }

  it('--help documents the values and the output shape', async () => {
    const { io, out } = fakeIo({});
    assert.equal(await runCli(['policy', '--help'], io, [policyCommand]), 0);
    const help = out.join('\n');
    for (const field of [
      'issuer',
      'restrictSubjects',
      'fallbackRole',
      'sessionDuration',
      '"files"',
      'aws/trust-policy-<RoleName>.json',
      'k8s/gateway.yaml',
      'k8s/ingress.yaml',
      'INVALID_INPUT',
    ]) {
      assert.ok(help.includes(field), field);
    }
  });

  it('--out writes every file under the directory; scripts are executable', async () => {
    const written: { dir: string; files: ArtifactFiles }[] = [];
    const { io, out } = fakeIo({ 'values.json': VALUES });
    const command = createPolicyCommand(async (target, files) => {
      written.push({ dir: target, files });
      return writeArtifactFiles(join(dir, target), files);
    });
    assert.equal(
      await runCli(['policy', '--input', 'values.json', '--out', 'generated'], io, [command]),
      0
    );
    assert.equal(written[0]?.dir, 'generated');
    const files = written[0]?.files ?? {};
    for (const [path, text] of Object.entries(files)) {
      assert.equal(readFileSync(join(dir, 'generated', path), 'utf8'), text, path);
    }
    assert.ok(
      statSync(join(dir, 'generated', 'aws', 'setup.sh')).mode & 0o100,
      'setup.sh is executable'
    );
    assert.ok(
      statSync(join(dir, 'generated', 'aws', 'cleanup.sh')).mode & 0o100,
      'cleanup.sh is executable'
    );
    assert.match(out.join('\n'), /^wrote 12 files to .*generated:\n {2}README.md\n/);
    assert.match(out.join('\n'), /next: follow generated\/README.md/);
  });
});

// Bad input to the real CLI (spawned, as a user runs it): unknown flags for every command the
// CLI lists, missing flags, missing files, malformed YAML and JSON. Each ends with a non-zero
// exit and a short "error: …" line on stderr, never a stack trace.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TEST_CONFIG } from '../support/proxyHarness';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** A command that has not exited by then is killed and reported (it ignored its input). */
const SPAWN_TIMEOUT_MS = 30_000;
/** Spawns at once: each costs a Node start and a TypeScript load, so not all of them. */
const PARALLEL = 4;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

let running = 0;
const queue: (() => void)[] = [];

/** Runs the CLI with `args` (at most PARALLEL at a time). */
async function cli(args: string[]): Promise<Run> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await new Promise<Run>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', import.meta.resolve('tsx'), MAIN, ...args],
        {
          cwd: dir,
          stdio: ['ignore', 'pipe', 'pipe'],
        }
      );
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, SPAWN_TIMEOUT_MS);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, killed });
      });
    });
  } finally {
    running--;
    queue.shift()?.();
  }
}

/**
 * Non-zero exit and a short message: `error: …` on stderr, or (`validate` judging a file) its
 * report on stdout; no stack frame anywhere.
 */
function assertRefused(run: Run, exit: number, message: RegExp, where: 'stderr' | 'stdout'): void {
  assert.equal(run.killed, false, 'the command did not stop on bad input');
  assert.equal(run.code, exit, `exit ${run.code}; stderr: ${run.stderr}`);
  const text = where === 'stderr' ? run.stderr : run.stdout;
  if (where === 'stderr') assert.match(text, /^error: /);
  assert.match(text, message);
  assert.ok(text.trim().split('\n').length <= 3, `long output: ${text}`);
  for (const text of [run.stdout, run.stderr]) {
    assert.doesNotMatch(text, /^\s+at .+[:(]\d+:\d+\)?$/m, 'a stack trace');
    assert.doesNotMatch(text, /\b(TypeError|ReferenceError|SyntaxError|RangeError)\b/);
  }
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-hardening-'));
  writeFileSync(join(dir, 'config.yaml'), TEST_CONFIG);
  writeFileSync(join(dir, 'broken.yaml'), 'spec:\n  awsSts:\n    region: [us-east-1\n');
  writeFileSync(join(dir, 'not-aws-sts.yaml'), 'kind: ConfigMap\ndata: { a: b }\n');
  writeFileSync(join(dir, 'broken.json'), '{"sub": "alice", "groups": [');
  writeFileSync(join(dir, 'list.json'), '["alice"]');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI: bad input → a clear message and a non-zero exit, never a stack trace', () => {
  it('every listed command refuses an unknown flag', { timeout: 180_000 }, async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    const names = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1] ?? '');
    for (const known of ['role', 'serve', 'validate']) assert.ok(names.includes(known), known);
    const runs = await Promise.all(names.map((name) => cli([name, '--definitely-not-a-flag'])));
    runs.forEach((run, i) =>
      assertRefused(
        run,
        2,
        new RegExp(`unknown flag --definitely-not-a-flag; run "${names[i]} --help"`),
        'stderr'
      )
    );
  });

  const cases: {
    name: string;
    args: string[];
    exit: number;
    message: RegExp;
    where?: 'stdout';
  }[] = [
    {
      name: 'an unknown command',
      args: ['frobnicate'],
      exit: 2,
      message: /unknown command "frobnicate"/,
    },
    {
      name: 'validate without --config',
      args: ['validate'],
      exit: 2,
      message: /--config is required/,
    },
    {
      name: 'validate with a missing file',
      args: ['validate', '--config', 'missing.yaml'],
      exit: 2,
      message: /cannot read missing\.yaml: no such file/,
    },
    {
      name: 'validate with malformed YAML',
      args: ['validate', '--config', 'broken.yaml'],
      exit: 1,
      message: /^invalid: broken\.yaml[\s\S]*YAML syntax error at line 4/,
      where: 'stdout',
    },
    {
      name: 'role with malformed claims JSON',
      args: ['role', '--config', 'config.yaml', '--claims', 'broken.json'],
      exit: 2,
      message: /--claims broken\.json is not valid JSON/,
    },
    {
      name: 'role with claims that are not an object',
      args: ['role', '--config', 'config.yaml', '--claims', 'list.json'],
      exit: 2,
      message: /must be a JSON object of claims/,
    },
    {
      name: 'role without claims or token',
      args: ['role', '--config', 'config.yaml'],
      exit: 2,
      message: /give exactly one of --claims/,
    },
    {
      name: 'role with a token that is not a JWT',
      args: ['role', '--config', 'config.yaml', '--token', 'not-a-jwt'],
      exit: 2,
      message: /--token is not a decodable JWT/,
    },
    {
      name: 'serve without --upstream',
      args: [
        'serve',
        '--config',
        'config.yaml',
        '--issuer',
        'https://idp.example.com',
        '--audience',
        'a',
      ],
      exit: 2,
      message: /--upstream is required/,
    },
    {
      name: 'serve with a port that is not a number',
      args: serveArgs('config.yaml', ['--port', 'eighty']),
      exit: 2,
      message: /--port/,
    },
    {
      name: 'serve with a configuration that is not awsSts',
      args: serveArgs('not-aws-sts.yaml'),
      exit: 1,
      message: /not-aws-sts\.yaml/,
    },
    {
      name: 'serve sending tokens to a plain-http upstream',
      args: serveArgs('config.yaml', ['--upstream', 'http://mcp.example.com/mcp']),
      exit: 1,
      message: /upstream.*https/,
    },
  ];
  for (const c of cases) {
    it(c.name, { timeout: 60_000 }, async () =>
      assertRefused(await cli(c.args), c.exit, c.message, c.where ?? 'stderr')
    );
  }
});

function serveArgs(config: string, extra: string[] = []): string[] {
  const flags = new Map([
    ['--upstream', 'https://aws-mcp.us-east-1.api.aws/mcp'],
    ['--issuer', 'https://idp.example.com/oauth2/default'],
    ['--audience', 'toolhive-aws'],
    ['--port', '0'],
  ]);
  for (let i = 0; i < extra.length; i += 2) flags.set(extra[i] ?? '', extra[i + 1] ?? '');
  return ['serve', '--config', config, ...[...flags].flat()];
}

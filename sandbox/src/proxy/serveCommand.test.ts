// The `serve` CLI command (sandbox/src/cli/commands/serve.ts): in process with injected I/O and
// stop, and as a real child process stopped with SIGTERM. Kept here: the CLI folder is not ours.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServeCommand } from '../cli/commands/serve';
import { nodeIo } from '../cli/nodeIo';
import type { CliIo } from '../cli/types';
import { TEST_AUDIENCE, TEST_CONFIG, startHarness } from '../../test/support/proxyHarness';
import type { Harness } from '../../test/support/proxyHarness';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'awssts-serve-'));
const configFile = join(dir, 'config.yaml');
writeFileSync(configFile, TEST_CONFIG);
const badConfigFile = join(dir, 'bad.yaml');
writeFileSync(badConfigFile, 'region: us-east-1\nroleMappings:\n  - { claim: x, roleArn: nope }\n');

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: nodeIo.readFile,
    readStdin: async () => '',
  };
}

const required = () => [
  '--config',
  configFile,
  '--upstream',
  `${h.upstream.origin}/mcp`,
  '--issuer',
  h.issuer.issuer,
  '--audience',
  TEST_AUDIENCE,
  '--sts-endpoint',
  h.sts.endpoint,
];

describe('serve (in process)', () => {
  it('prints one JSON ready line, proxies in the enhanced mode (cache on), logs to stderr, stops cleanly', async () => {
    let stop!: (signal: string) => void;
    let listening!: (url: string) => void;
    const ready = new Promise<string>((resolve) => (listening = resolve));
    const command = createServeCommand({
      waitForStop: () => new Promise((resolve) => (stop = resolve)),
      onListening: (address) => listening(address.url),
    });
    const io = fakeIo();
    const exit = command.run([...required(), '--port', '0', '--json'], io);
    const url = await ready;
    try {
      assert.deepEqual(
        io.out.map((line) => JSON.parse(line) as unknown),
        [{ ready: true, url, resourceUrl: url, proxyMode: 'enhanced', credentialCache: true }]
      );
    } catch (error) {
      stop('test failed');
      throw error;
    }
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);

    const token = await h.token({ sub: 'serve-user' });
    const calls = h.sts.calls.length;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: '{}',
      });
      assert.equal(res.status, 200);
      await res.body?.cancel();
    }
    assert.equal(h.sts.calls.length, calls + 1, 'credential cache on by default');

    stop('SIGTERM');
    assert.equal(await exit, 0);
    const logs = io.err.join('');
    assert.match(logs, /"msg":"request"/);
    assert.ok(!logs.includes(token));
    await assert.rejects(fetch(url), 'the port is closed after stop');
  });

  it('--no-cache calls STS on every request; text mode prints the URL', async () => {
    let stop!: (signal: string) => void;
    let listening!: (url: string) => void;
    const ready = new Promise<string>((resolve) => (listening = resolve));
    const command = createServeCommand({
      waitForStop: () => new Promise((resolve) => (stop = resolve)),
      onListening: (address) => listening(address.url),
    });
    const io = fakeIo();
    const exit = command.run(
      [...required(), '--port', '0', '--no-cache', '--log-level', 'silent'],
      io
    );
    const url = await ready;
    assert.match(
      io.out[0] ?? '',
      new RegExp(`^awsSts proxy listening on ${url.replace(/[.]/g, '\\.')} -> `)
    );
    const token = await h.token({ sub: 'serve-nocache' });
    const calls = h.sts.calls.length;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: '{}',
      });
      await res.body?.cancel();
    }
    assert.equal(h.sts.calls.length, calls + 2);
    stop('SIGINT');
    assert.equal(await exit, 0);
    assert.deepEqual(io.err, ['stopped (SIGINT)']);
    assert.match(io.out[1] ?? '', /^enhanced mode: .*credential cache off/);
  });

  it('--toolhive answers as ToolHive does and calls STS on every request', async () => {
    let stop!: (signal: string) => void;
    let listening!: (url: string) => void;
    const ready = new Promise<string>((resolve) => (listening = resolve));
    const command = createServeCommand({
      waitForStop: () => new Promise((resolve) => (stop = resolve)),
      onListening: (address) => listening(address.url),
    });
    const io = fakeIo();
    const exit = command.run(
      [...required(), '--port', '0', '--toolhive', '--log-level', 'silent'],
      io
    );
    const url = await ready;
    try {
      assert.match(io.out[1] ?? '', /^ToolHive mode: .*credential cache off/);
      const denied = await fetch(url, { method: 'POST', body: '{}' });
      assert.equal(denied.status, 401);
      assert.equal(
        await denied.text(),
        '{"error":"invalid_request","error_description":"authorization header required"}'
      );
      const token = await h.token({ sub: 'serve-toolhive' });
      const calls = h.sts.calls.length;
      for (let i = 0; i < 2; i++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: '{}',
        });
        assert.equal(res.status, 200);
        await res.body?.cancel();
      }
      assert.equal(h.sts.calls.length, calls + 2);
    } finally {
      stop('SIGINT');
    }
    assert.equal(await exit, 0);
  });

  it('--help says the enhanced mode is the default and how to get ToolHive’s', () => {
    const usage = createServeCommand().usage;
    assert.match(usage, /By default it runs this project's enhanced mode/);
    assert.match(usage, /--toolhive +behave as ToolHive does/);
  });

  const failures: { name: string; args: () => string[]; exit: number; message: RegExp }[] = [
    {
      name: 'missing --upstream',
      args: () => ['--config', configFile, '--issuer', 'https://x', '--audience', 'a'],
      exit: 2,
      message: /--upstream is required/,
    },
    {
      name: 'bad --port',
      args: () => [...required(), '--port', '70000'],
      exit: 2,
      message: /--port must be an integer between 0 and 65535/,
    },
    {
      name: 'unknown flag',
      args: () => [...required(), '--cache-size', '3'],
      exit: 2,
      message: /unknown flag --cache-size/,
    },
    {
      name: 'invalid config',
      args: () => [...required().slice(2), '--config', badConfigFile],
      exit: 1,
      message:
        /^error: .*bad\.yaml:3: awsSts\.roleMappings\[0\]\.roleArn: .*invalid IAM role ARN format: nope/,
    },
    {
      name: 'missing config file',
      args: () => [...required().slice(2), '--config', join(dir, 'none.yaml')],
      exit: 2,
      message: /cannot read .*none\.yaml: no such file/,
    },
    {
      name: '--toolhive with --sanitize-session-name',
      args: () => [...required(), '--toolhive', '--sanitize-session-name'],
      exit: 2,
      message: /--sanitize-session-name is an enhancement: ToolHive rejects invalid session names/,
    },
    {
      name: 'plain http upstream',
      args: () => [...required(), '--upstream', 'http://mcp.example.com/mcp'],
      exit: 1,
      message: /^error: --upstream: upstreamUrl must use https/,
    },
    {
      name: 'public host without --resource-url',
      args: () => [...required(), '--host', '0.0.0.0', '--port', '0'],
      exit: 1,
      message: /^error: --resource-url: listening on 0\.0\.0\.0 needs resourceUrl/,
    },
  ];
  for (const c of failures) {
    it(`${c.name} → exit ${c.exit}, one line, no stack`, async () => {
      const { runCli } = await import('../cli/runCli');
      const io = fakeIo();
      const command = createServeCommand({ waitForStop: () => Promise.resolve('test') });
      const status = await runCli(['serve', ...c.args()], io, [command]);
      assert.equal(status, c.exit);
      assert.equal(io.err.length, 1, io.err.join('\n'));
      assert.match(io.err[0] ?? '', c.message);
      assert.ok(!/\n\s+at /.test(io.err[0] ?? ''), 'no stack trace');
    });
  }

  it('a port in use → exit 1 with a clear message', async () => {
    const busy = h.upstream.origin.split(':').pop() ?? '';
    const { runCli } = await import('../cli/runCli');
    const io = fakeIo();
    const command = createServeCommand({ waitForStop: () => Promise.resolve('test') });
    const status = await runCli(['serve', ...required(), '--port', busy], io, [command]);
    assert.equal(status, 1);
    assert.match(io.err[0] ?? '', /cannot listen on 127\.0\.0\.1:\d+: the port is in use/);
  });
});

describe('serve (child process)', () => {
  it('answers /health, then exits 0 on SIGTERM', async () => {
    const script = [
      "import { serveCommand } from './sandbox/src/cli/commands/serve.ts';",
      "import { nodeIo } from './sandbox/src/cli/nodeIo.ts';",
      'process.exitCode = await serveCommand.run(process.argv.slice(1), nodeIo);',
    ].join('\n');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
        '--',
        ...required(),
        '--port',
        '0',
        '--json',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code))
    );
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let buffered = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          buffered += chunk;
          const end = buffered.indexOf('\n');
          if (end >= 0) resolve(buffered.slice(0, end));
        });
        child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      });
      const ready = JSON.parse(firstLine) as { ready: boolean; url: string };
      assert.equal(ready.ready, true);
      const health = await fetch(new URL('/health', ready.url));
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

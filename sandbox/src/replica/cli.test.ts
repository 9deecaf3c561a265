// The CLI as a user runs it, in child processes: `sandbox --port 0 --json` (one ready line, its
// URLs answer, CORS for the site, SIGINT exits 0), `token` against it, and a port in use.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import type { ReadyMessage } from './readyMessage';
import { postInitialize } from '../../test/support/mcpClient';

const MAIN = 'sandbox/src/cli/main.ts';
/** Generous bound for a child to stop after SIGINT (the requirement: within a few seconds). */
const STOP_BOUND_MS = 10_000;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** The first line the child prints on stdout. */
async function firstLine(child: ChildProcess): Promise<string> {
  let buffered = '';
  for await (const chunk of child.stdout ?? []) {
    buffered += (chunk as Buffer).toString();
    const end = buffered.indexOf('\n');
    if (end >= 0) return buffered.slice(0, end);
  }
  throw new Error(`no line on stdout (exit ${child.exitCode})`);
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('npm run sandbox -- --port 0 --json', () => {
  let child: ChildProcess;
  let ready: ReadyMessage;
  let rest = '';
  let stderr = '';

  before(async () => {
    child = cli([
      'sandbox',
      '--port',
      '0',
      '--json',
      '--allowed-origin',
      'https://docs.example.com',
    ]);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const line = await firstLine(child);
    child.stdout?.on('data', (chunk: Buffer) => (rest += chunk.toString()));
    ready = JSON.parse(line) as ReadyMessage;
  });

  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints one ready line with every URL and the demo users', () => {
    assert.equal(ready.ready, true);
    assert.equal(ready.proxyMode, 'toolhive', 'the sandbox runs the ToolHive mode by default');
    assert.equal(ready.credentialCache, false);
    assert.equal(ready.throttle, false);
    assert.match(ready.proxyUrl, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    for (const url of [ready.issuerUrl, ready.stsUrl, ready.iamUrl, ready.upstreamUrl]) {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+/);
    }
    assert.deepEqual(ready.users, [
      { name: 'alice', groups: ['s3-readers'] },
      { name: 'bob', groups: [] },
      { name: 'carol', groups: ['s3-readers'] },
    ]);
  });

  it('answers on its URLs: 401 without a token, the IdP discovery document', async () => {
    const denied = await fetch(ready.proxyUrl, { method: 'POST', body: '{}' });
    assert.equal(denied.status, 401);
    assert.match(denied.headers.get('www-authenticate') ?? '', /^Bearer realm="http:/);
    assert.equal(
      await denied.text(),
      '{"error":"invalid_request","error_description":"authorization header required"}'
    );
    const discovery = await fetch(`${ready.issuerUrl}/.well-known/openid-configuration`);
    assert.equal(((await discovery.json()) as { issuer: string }).issuer, ready.issuerUrl);
  });

  it('token prints a token for alice that the proxy accepts', async () => {
    const result = await finished(cli(['token', '--issuer', ready.issuerUrl, '--user', 'alice']));
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trimEnd().split('\n').at(-1) ?? '';
    const claims = decodeJwt(token);
    assert.equal(claims.iss, ready.issuerUrl);
    assert.equal(claims.aud, 'toolhive-aws');
    assert.deepEqual(claims.groups, ['s3-readers']);
    const response = await postInitialize(ready.proxyUrl, token);
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('mcp-session-id'));
    await response.body?.cancel();
    assert.doesNotMatch(stderr, new RegExp(token.slice(-20)), 'the sandbox logged the token');
  });

  it('token refuses an unknown user, naming the demo users', async () => {
    const result = await finished(cli(['token', '--issuer', ready.issuerUrl, '--user', 'mallory']));
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /refused the login for user "mallory".*alice, bob, carol/);
  });

  it('lets the site and --allowed-origin call the proxy and STS (CORS preflight)', async () => {
    for (const origin of [
      'http://127.0.0.1:3000',
      'http://localhost:3000',
      'https://docs.example.com',
    ]) {
      for (const url of [ready.proxyUrl, ready.stsUrl]) {
        const response = await fetch(url, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type',
          },
        });
        assert.equal(response.status, 204, `${url} from ${origin}`);
        assert.equal(response.headers.get('access-control-allow-origin'), origin);
        await response.body?.cancel();
      }
    }
    const stranger = await fetch(ready.proxyUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(stranger.status, 403);
    await stranger.body?.cancel();
  });

  it('stops on SIGINT with exit status 0, and printed nothing else on stdout', async () => {
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('still running after SIGINT')), STOP_BOUND_MS);
    });
    try {
      const [code] = await Promise.race([exited, bound]);
      assert.equal(code, 0);
    } finally {
      clearTimeout(timer);
    }
    assert.equal(rest, '', 'stdout carries only the ready line in --json mode');
    const refused = await fetch(ready.proxyUrl).catch((error: Error) => error);
    assert.ok(refused instanceof Error, 'the proxy still answers after the stop');
  });
});

describe('npm run sandbox -- --enhanced --no-cache --throttle', () => {
  it('runs the enhanced mode without its cache, and the emulator throttles', async () => {
    const child = cli([
      'sandbox',
      '--port',
      '0',
      '--json',
      '--enhanced',
      '--no-cache',
      '--throttle',
    ]);
    try {
      const ready = JSON.parse(await firstLine(child)) as ReadyMessage;
      assert.deepEqual(
        [ready.proxyMode, ready.credentialCache, ready.throttle],
        ['enhanced', false, true]
      );
      const denied = await fetch(ready.proxyUrl, { method: 'POST', body: '{}' });
      assert.equal(denied.status, 401);
      assert.equal(await denied.text(), 'Authentication required\n');
    } finally {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
  });
});

describe('sandbox and token errors', () => {
  it('a port in use: exit 1 and an error naming the service, the port and the fix', async () => {
    const blocker = await listenOn(0);
    const taken = (blocker.address() as { port: number }).port;
    try {
      const result = await finished(cli(['sandbox', '--port', String(taken - 3), '--json']));
      assert.equal(result.code, 1);
      const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string } };
      assert.equal(error.code, 'INVALID_CONFIG');
      assert.match(
        error.message,
        new RegExp(`IAM emulator cannot listen on 127\\.0\\.0\\.1:${taken}: the port is in use`)
      );
      assert.match(error.message, /--port 0/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('token against an issuer where nothing listens: exit 2 and what to do', async () => {
    const probe = await listenOn(0);
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const result = await finished(
      cli(['token', '--issuer', `http://127.0.0.1:${port}`, '--user', 'alice'])
    );
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /cannot reach the OIDC provider.*npm run sandbox/);
  });

  it('sandbox rejects flag combinations it cannot honour', async () => {
    const result = await finished(cli(['sandbox', '--aws', '--issuer', 'https://idp.example.com']));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--aws needs --config, --audience/);
    const throttle = await finished(
      cli([
        'sandbox',
        '--aws',
        '--throttle',
        '--config',
        'x.yaml',
        '--issuer',
        'https://idp.example.com',
        '--audience',
        'a',
      ])
    );
    assert.equal(throttle.code, 2);
    assert.match(throttle.stderr, /--throttle applies to the AWS MCP Server emulator, not --aws/);
  });
});

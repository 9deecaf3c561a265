// Runs a docs page's shell commands as a reader would, in one terminal session: bash, variables
// exported by one command seen by the next, files saved in one working directory; and sandboxes
// started on free ports, with the page's fixed ports (4100-4104) mapped onto them.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './mdx';

/** The page's ports, base first: proxy, OIDC provider, STS, IAM, AWS MCP Server emulator. */
export const PAGE_PORTS = [4100, 4101, 4102, 4103, 4104] as const;
/** Generous bound per command on a machine at half speed (a token costs an npm start). */
const COMMAND_TIMEOUT_MS = 90_000;
const ENV_FILE = '.page-env';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What `sandbox --json` prints once ready (the fields the runner uses). */
export interface SandboxReady {
  proxyUrl: string;
  issuerUrl: string;
  stsUrl: string;
  iamUrl: string;
  upstreamUrl: string;
  proxyMode: 'toolhive' | 'enhanced';
  [key: string]: unknown;
}

export interface RunningSandbox {
  ready: SandboxReady;
  /** The ready line as printed. */
  line: string;
  /** Page port → the port this sandbox really uses. */
  ports: Map<number, number>;
  stop(): Promise<void>;
}

export interface PageShell {
  dir: string;
  sandbox: RunningSandbox | undefined;
  /** Saves a file the page asks the reader to save, with the page's ports mapped. */
  save(name: string, content: string): void;
  /** Runs one fence's commands in the session. */
  run(commands: string): Promise<Ran>;
  /** Stops the running sandbox, if any, and starts one with these `npm run sandbox --` args. */
  startSandbox(args: string[]): Promise<RunningSandbox>;
  /** The page's ports in place of the sandbox's, so that output compares with the page. */
  toPagePorts(text: string): string;
  close(): Promise<void>;
}

/**
 * A session in a fresh directory. `npm` runs this repository's scripts (`npm --prefix`); `aws`
 * is the given AWS CLI executable.
 * @example const shell = createPageShell({ awsCli: '/usr/bin/aws' }); await shell.run('echo hi');
 */
export function createPageShell(options: { awsCli: string }): PageShell {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-page-'));
  writeFileSync(join(dir, ENV_FILE), '');
  let current: RunningSandbox | undefined;

  const toSandboxPorts = (text: string): string =>
    current === undefined
      ? text
      : text.replace(
          /\b(127\.0\.0\.1|localhost):(410[0-4])\b/g,
          (_, host: string, port: string) => `${host}:${current?.ports.get(Number(port)) ?? port}`
        );

  const shell: PageShell = {
    dir,
    get sandbox() {
      return current;
    },
    save(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, toSandboxPorts(content));
    },
    async run(commands) {
      // Variables are kept with the page's ports, as a reader's would be with 4100-4104, and
      // handed to each command with the running sandbox's.
      const saved = readFileSync(join(dir, ENV_FILE), 'utf8');
      writeFileSync(join(dir, `${ENV_FILE}.now`), toSandboxPorts(saved));
      const script = [
        'set -eo pipefail',
        `cd ${quote(dir)}`,
        `npm() { command npm --prefix ${quote(repoRoot)} "$@"; }`,
        `aws() { ${quote(options.awsCli)} "$@"; }`,
        `source ${ENV_FILE}.now`,
        toSandboxPorts(commands),
        `export -p | grep -vE '^declare -x (PWD|OLDPWD|SHLVL|_)=' > ${ENV_FILE}.now`,
      ].join('\n');
      const ran = await runProcess('bash', ['-c', script], { cwd: dir });
      if (ran.code === 0) {
        const exported = readFileSync(join(dir, `${ENV_FILE}.now`), 'utf8');
        writeFileSync(join(dir, ENV_FILE), shell.toPagePorts(exported));
      }
      return ran;
    },
    async startSandbox(args) {
      await current?.stop();
      current = undefined;
      current = await startSandbox(args, dir);
      return current;
    },
    toPagePorts(text) {
      if (current === undefined) return text;
      let out = text;
      for (const [page, real] of current.ports) {
        out = out.replace(new RegExp(`(127\\.0\\.0\\.1|localhost):${real}\\b`, 'g'), `$1:${page}`);
      }
      return out;
    },
    async close() {
      await current?.stop();
      current = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return shell;
}

/**
 * `npm run sandbox -- <args>` as the page says, from the session's directory (relative paths such
 * as `--config my-sts-config.yaml` resolve there), on free ports with the JSON ready line.
 */
async function startSandbox(args: string[], cwd: string): Promise<RunningSandbox> {
  const withoutPort = args.filter((arg, i) => arg !== '--port' && args[i - 1] !== '--port');
  const flags = [...withoutPort.filter((arg) => arg !== '--json'), '--port', '0', '--json'];
  // Its own process group, so that stopping it reaches npm and the node process it runs.
  const child = spawn('npm', ['--prefix', repoRoot, 'run', '--silent', 'sandbox', '--', ...flags], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await firstLine(child).catch((error: Error) => {
    throw new Error(`sandbox ${flags.join(' ')} did not start: ${error.message}\n${stderr}`);
  });
  const ready = JSON.parse(line) as SandboxReady;
  const port = (url: string): number => Number(new URL(url).port);
  const real = [ready.proxyUrl, ready.issuerUrl, ready.stsUrl, ready.iamUrl, ready.upstreamUrl];
  const ports = new Map<number, number>(PAGE_PORTS.map((page, i) => [page, port(real[i] ?? '')]));
  return {
    ready,
    line,
    ports,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid, 'SIGINT');
      await exited;
    },
  };
}

async function firstLine(child: ChildProcess): Promise<string> {
  let buffered = '';
  for await (const chunk of child.stdout ?? []) {
    buffered += (chunk as Buffer).toString();
    const end = buffered.indexOf('\n');
    if (end >= 0) return buffered.slice(0, end);
  }
  throw new Error(`no ready line (exit ${child.exitCode})`);
}

function runProcess(command: string, args: string[], options: { cwd: string }): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

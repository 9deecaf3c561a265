#!/usr/bin/env node
// `npm start`: the docs site (docusaurus start on 127.0.0.1:3000) and the sandbox (npm run sandbox)
// side by side, each line prefixed. Ctrl-C stops both; if one exits, the other is stopped too.
// Arguments after `npm start --` go to the sandbox, e.g. `npm start -- --config my-config.yaml`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCUSAURUS = join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
/** How long a child may take to stop before it is killed. */
const STOP_TIMEOUT_MS = 5000;

/** The Node.js majors the project supports (package.json engines). */
const SUPPORTED_NODE_MAJORS = [22, 24];
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (!SUPPORTED_NODE_MAJORS.includes(nodeMajor)) {
  console.error(
    `start: Node.js ${process.version} is not supported; use Node.js 22 or 24 LTS ` +
      '(or run `scripts/with-node24.sh npm start`). Starting anyway.'
  );
}

if (!existsSync(DOCUSAURUS)) {
  console.error('start: @docusaurus/core is not installed; run `npm install` first.');
  process.exit(1);
}

const color = process.stdout.isTTY ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_, t) => t;
const SERVICES = [
  {
    name: 'site',
    tag: color(36, '[site]   '),
    args: [DOCUSAURUS, 'start', '--host', '127.0.0.1', '--port', '3000'],
  },
  {
    name: 'sandbox',
    tag: color(35, '[sandbox]'),
    args: ['--import', 'tsx', 'sandbox/src/cli/main.ts', 'sandbox', ...process.argv.slice(2)],
  },
];
const say = (text) => console.error(`${color(33, '[start]  ')} ${text}`);

let stopping = false;
let exitCode = 0;
const running = new Map();

for (const service of SERVICES) {
  // Own process group: the child gets exactly one stop signal (ours), and its helpers with it.
  const child = spawn(process.execPath, service.args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.set(service.name, child);
  prefix(child.stdout, process.stdout, service.tag);
  prefix(child.stderr, process.stderr, service.tag);
  child.on('error', (error) => {
    say(`cannot start the ${service.name}: ${error.message}`);
    running.delete(service.name);
    stopAll(1);
  });
  child.on('exit', (code, signal) => {
    running.delete(service.name);
    if (!stopping) {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const others = [...running.keys()].map((name) => `the ${name}`).join(' and ') || 'nothing';
      say(
        `the ${service.name} ${how}; stopping ${others}. Fix the error above and run npm start again.`
      );
      stopAll(code || 1);
    }
    if (running.size === 0) process.exit(exitCode);
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      say('stopping now');
      killAll('SIGKILL');
      process.exit(exitCode || 1);
    }
    say(`stopping the site and the sandbox (${signal})`);
    stopAll(0);
  });
}

// If this process ends for any other reason, take the children with it.
process.on('exit', () => killAll('SIGKILL'));

/** Sends SIGINT to every running child, and SIGKILL to any still running after the timeout. */
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  killAll('SIGINT');
  setTimeout(() => {
    if (running.size > 0) {
      say(`${[...running.keys()].join(' and ')} did not stop in time; killing`);
      killAll('SIGKILL');
    }
  }, STOP_TIMEOUT_MS).unref();
  if (running.size === 0) process.exit(exitCode);
}

function killAll(signal) {
  for (const child of running.values()) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function prefix(from, to, tag) {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    to.write(`${tag} ${line}\n`);
  });
}

// Child process of the load test: the AWS side (STS emulator and AWS MCP Server emulator on one
// account trusting the test's issuer), so its work runs beside the proxy's rather than in turn.
// Started by startAwsSide(); answers `stats` and `close` over IPC. Not a test file.

import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createAwsMcpServer } from '../../src/emulators/aws-mcp';
import type { AwsMcpServerStats } from '../../src/emulators/aws-mcp';
import { createStsServer } from '../../src/emulators/sts';
import type { StsServerStats } from '../../src/emulators/sts';
import { accountTrusting } from '../support/accounts';

export interface AwsSide {
  stsEndpoint: string;
  mcpUrl: string;
  stats(): Promise<{ sts: StsServerStats; mcp: AwsMcpServerStats }>;
  close(): Promise<void>;
}

type Message =
  | { type: 'ready'; stsEndpoint: string; mcpUrl: string }
  | { type: 'stats'; sts: StsServerStats; mcp: AwsMcpServerStats };

/**
 * Forks this file with tsx; resolves once both emulators listen on 127.0.0.1.
 * @example const aws = await startAwsSide(issuer.issuer);
 */
export async function startAwsSide(issuer: string): Promise<AwsSide> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [issuer], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: Message['type']): Promise<Message> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: Message): void => {
        if (message.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message);
      };
      const onExit = (code: number | null): void => {
        child.off('message', onMessage);
        reject(new Error(`the AWS side exited (${code}) before "${type}"`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = (await next('ready')) as Extract<Message, { type: 'ready' }>;
  return {
    stsEndpoint: ready.stsEndpoint,
    mcpUrl: ready.mcpUrl,
    async stats() {
      const reply = next('stats');
      child.send('stats');
      const { sts, mcp } = (await reply) as Extract<Message, { type: 'stats' }>;
      return { sts, mcp };
    },
    close() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('close');
      });
    },
  };
}

async function main(issuer: string): Promise<void> {
  const state = accountTrusting(issuer);
  const sts = createStsServer({ state });
  const mcp = createAwsMcpServer({ state, throttle: false });
  const [{ url: stsEndpoint }, { url: mcpUrl }] = await Promise.all([
    sts.listen(0, '127.0.0.1'),
    mcp.listen(0, '127.0.0.1'),
  ]);
  process.on('message', (message: string) => {
    if (message === 'stats') {
      process.send?.({ type: 'stats', sts: sts.stats(), mcp: mcp.stats() } satisfies Message);
    } else if (message === 'close') {
      void Promise.all([sts.close(), mcp.close()]).then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0)); // the test process went away
  process.send?.({ type: 'ready', stsEndpoint, mcpUrl } satisfies Message);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send !== undefined) {
  await main(process.argv[2] ?? '');
}

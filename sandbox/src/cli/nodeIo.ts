// The CLI's real I/O on Node: process streams and files, with file errors turned into
// one-line INVALID_INPUT messages. It does not format output.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AwsStsError } from '../errors';
import type { CliIo } from './types';

/** Node implementation of `CliIo`. */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: readTextFile,
  readStdin,
};

/**
 * Relative paths are relative to where the user typed the command: `npm run cli` runs in the
 * workspace folder, so it uses npm's INIT_CWD then.
 */
function resolveUserPath(path: string): string {
  const viaNpm = process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD;
  return resolve(viaNpm ? (process.env.INIT_CWD ?? '.') : process.cwd(), path);
}

async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(resolveUserPath(path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
    throw new AwsStsError('INVALID_INPUT', `cannot read ${path}: ${reason}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Test support: finds the real AWS CLI that tests run the project's scripts and the pages'
// commands with (Debian's `awscli`, installed by .ci/run), links it onto a PATH, and gives it an
// environment isolated from the machine's AWS setup. It never skips: a missing CLI throws with
// the command that installs it.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's package puts the CLI; `AWS_CLI_PATH` overrides it. */
export const DEBIAN_AWS_CLI = '/usr/bin/aws';

export interface RealAwsCli {
  /** Absolute path of the `aws` executable. */
  path: string;
  /** What `aws --version` printed, e.g. `aws-cli/2.9.19 Python/3.11.2 …`. */
  version: string;
}

/**
 * The real AWS CLI, or an Error naming the install command. Not the first `aws` on PATH: machines
 * may carry another one (pyenv's v1), and the tests pin the one CI installs.
 * @example const cli = findRealAwsCli(); spawnSync(cli.path, ['iam', 'list-roles', ...])
 */
export function findRealAwsCli(): RealAwsCli {
  const path = process.env.AWS_CLI_PATH ?? DEBIAN_AWS_CLI;
  if (!existsSync(path)) {
    throw new Error(
      `The AWS CLI is not installed at ${path}. These tests run the project's scripts with the ` +
        "real AWS CLI. Install Debian's package with\n  sudo apt-get update && sudo apt-get " +
        'install -y awscli\nor set AWS_CLI_PATH to an aws executable.'
    );
  }
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`${path} --version failed (${run.status}): ${run.stderr.trim()}`);
  }
  return { path, version: `${run.stdout}${run.stderr}`.trim() };
}

/**
 * Makes `<dir>/bin/aws` a link to the real CLI and returns `<dir>/bin`, to put first on PATH for
 * scripts that run plain `aws`.
 * @example const bin = linkRealAwsCli(tmp); env.PATH = `${bin}:${process.env.PATH}`
 */
export function linkRealAwsCli(dir: string, cli: RealAwsCli = findRealAwsCli()): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  rmSync(join(bin, 'aws'), { force: true });
  symlinkSync(cli.path, join(bin, 'aws'));
  return bin;
}

/**
 * An environment for the CLI that reads nothing of the machine's AWS setup: no AWS_* variables,
 * no ~/.aws files, no instance metadata; Region us-east-1, one attempt per call.
 * @example execFile(cli.path, args, { env: isolatedAwsEnv(tmp, { AWS_ACCESS_KEY_ID: 'x' }) })
 */
export function isolatedAwsEnv(
  dir: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    (entry): entry is [string, string] => !entry[0].startsWith('AWS_') && entry[1] !== undefined
  );
  return {
    ...Object.fromEntries(kept),
    AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
    ...extra,
  };
}

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end and resolves with its exit status and output (it never rejects for a
 * non-zero status).
 * @example const run = await runCommand(cli.path, ['sts', 'get-caller-identity'], { env })
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {}
): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

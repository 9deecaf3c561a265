// Test support: finds the real AWS CLI that tests run the project's scripts and the pages'
// commands with (Debian's `awscli`, installed by .ci/run). It never skips: a missing CLI throws
// with the command that installs it. It does not run the CLI.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

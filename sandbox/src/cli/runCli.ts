// The CLI dispatcher: picks the command, handles --help, turns every error into a one-line
// message (or JSON with --json) and an exit status. It does not implement any command.

import { AwsStsError } from '../errors';
import { reportError } from './output';
import { COMMANDS } from './registry';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './types';

const PROGRAM = 'npm run cli --';

/**
 * The top-level `--help` text, listing every command.
 * @example io.stdout(cliUsage())
 */
export function cliUsage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} <command> [flags]`,
    '       node --import tsx sandbox/src/cli/main.ts <command> [flags]',
    '',
    "ToolHive's awsSts rules (role mapping, session names, configuration) on your machine.",
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run "<command> --help" for its flags. Every command accepts --json.',
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without node and script); resolves to the exit status.
 * @example process.exitCode = await runCli(process.argv.slice(2), nodeIo)
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS
): Promise<number> {
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(cliUsage(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const known = commands.map((candidate) => candidate.name).join(', ');
    const error = new AwsStsError(
      'INVALID_INPUT',
      `unknown command "${name}": use one of ${known}, or --help`
    );
    return reportError(io, error, json);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(io, error, json);
  }
}

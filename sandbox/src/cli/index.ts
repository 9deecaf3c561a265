// Public API of the CLI (a Node edge): the dispatcher, the command contract and the registry,
// so tests and later commands can reuse them. It re-exports only.

export { cliUsage, runCli } from './runCli';
export { COMMANDS } from './registry';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './types';
export { parseFlags, requireFlag } from './parseFlags';
export { printJson, reportError } from './output';
export { readClaims, readConfig } from './readInputs';
export { nodeIo } from './nodeIo';

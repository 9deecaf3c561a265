// Every CLI command, in the order `--help` lists them. Adding a command is one file in
// commands/ plus one line here; this file does nothing else.

import { doctorCommand } from './commands/doctor';
import { policyCommand } from './commands/policy';
import { roleCommand } from './commands/role';
import { sandboxCommand } from './commands/sandbox';
import { serveCommand } from './commands/serve';
import { tokenCommand } from './commands/token';
import { validateCommand } from './commands/validate';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [
  doctorCommand,
  policyCommand,
  roleCommand,
  sandboxCommand,
  serveCommand,
  tokenCommand,
  validateCommand,
];

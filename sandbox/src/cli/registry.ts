// Every CLI command, in the order `--help` lists them. Adding a command is one file in
// commands/ plus one line here; this file does nothing else.

import { roleCommand } from './commands/role';
import { serveCommand } from './commands/serve';
import { validateCommand } from './commands/validate';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [roleCommand, serveCommand, validateCommand];

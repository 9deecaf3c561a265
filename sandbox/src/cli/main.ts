// Entry point of the sandbox CLI (`npm run cli -- <command>`): wires Node's I/O to the
// dispatcher and sets the exit status. Everything else lives in runCli and commands/.

import { nodeIo } from './nodeIo';
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), nodeIo);

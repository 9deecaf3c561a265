// The contract every CLI command implements, and the I/O it may use (injected, so commands
// stay testable). It does not parse arguments or print; parseFlags and output do.

/** What a command may do to the outside world. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a text file; throws `INVALID_INPUT` with a one-line reason. */
  readFile(path: string): Promise<string>;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
}

/** One command: `registry.ts` lists them. */
export interface Command {
  name: string;
  /** One line for `--help` of the CLI. */
  summary: string;
  /** The full `--help` text of the command. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Exit statuses. */
export const EXIT_OK = 0;
/** The input was understood but the answer is "no" (invalid config, no role). */
export const EXIT_FAILURE = 1;
/** Bad usage or unreadable input. */
export const EXIT_USAGE = 2;

import { keepNewFilesPrivate } from '../config/private-files';
import { asksForHelp, CliUsageError } from './cli-arguments';

export interface CliCommand<T> {
  /** Printed for `--help` (to stdout, exit 0) and after a usage error (to stderr, exit 2). */
  readonly usage: string;
  /** Turns the arguments into what `run` takes; throws CliUsageError for a command line it does not accept. */
  readonly parse: (argv: readonly string[]) => T;
  /** The start of the message when the run fails, e.g. `backup failed`. */
  readonly failure: string;
  /** The exit code: 0 done, anything else for a scheduler to act on. */
  readonly run: (args: T) => Promise<number>;
}

/**
 * Runs a command-line tool: usage first, then the arguments, and only then configuration and data, so that
 * `--help` or a mistyped option never reaches the vault's files.
 */
export function runCli<T>(command: CliCommand<T>): void {
  keepNewFilesPrivate();
  const argv = process.argv.slice(2);
  if (asksForHelp(argv)) {
    process.stdout.write(`${command.usage}\n`);
    return;
  }
  let args: T;
  try {
    args = command.parse(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n${command.usage}\n`);
    process.exitCode = 2;
    return;
  }
  command.run(args).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${command.failure}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

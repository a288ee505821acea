/** A command line a person got wrong: the command prints why and its usage, and exits 2 having done nothing. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface CliArguments {
  readonly flags: ReadonlySet<string>;
  readonly operands: readonly string[];
}

export interface CliGrammar {
  /** The flags the command knows, such as `--dry-run`; none takes a value. */
  readonly flags?: readonly string[];
  /** How many operands it takes, and what one is, for the message when one is missing. */
  readonly operands: { readonly min: number; readonly max: number; readonly name?: string };
}

export const HELP_FLAGS: readonly string[] = ['--help', '-h'];

/**
 * Splits a command line into known flags and operands. Anything else starting with `-` is refused rather than taken
 * for a folder or a name, so a mistyped option never becomes a folder the command writes into; `--` ends the options
 * for the rare operand that must start with `-`.
 */
export function parseCliArguments(argv: readonly string[], grammar: CliGrammar): CliArguments {
  const known = new Set(grammar.flags ?? []);
  const flags = new Set<string>();
  const operands: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      operands.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (known.has(arg)) {
      flags.add(arg);
    } else {
      throw new CliUsageError(`unknown option ${arg}`);
    }
  }
  const { min, max, name = 'argument' } = grammar.operands;
  if (operands.length < min) throw new CliUsageError(`the ${name} is missing`);
  if (operands.length > max) throw new CliUsageError(`unexpected argument ${operands[max]}`);
  return { flags, operands };
}

/** Whether the command line asks for the usage, before anything else is read from it. */
export const asksForHelp = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => HELP_FLAGS.includes(arg));
};

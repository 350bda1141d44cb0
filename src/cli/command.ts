import { parseArgs } from 'node:util';

/** Where a command writes its output and, for a password, reads its input. */
export type Io = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Standard input; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
};

/** One `lead` command: its usage line, what it does, its options, and how it runs. */
export type Command = {
  usage: string;
  summary: string;
  /** Option and description pairs for --help. */
  options?: readonly (readonly [string, string])[];
  /** Answers the exit status. */
  run(args: string[], io: Io): Promise<number>;
};

/** A mistake in how the command was called: one line on stderr, exit status 2. */
export class UsageError extends Error {}

/** The command could not do its work (not a calling mistake): one line on stderr, exit status 1. */
export class CommandFailure extends Error {}

type StringOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * Parses a command's arguments strictly: unknown options, options without a value and more
 * positional arguments than `maxPositionals` are usage errors.
 */
export function parseCommandArgs(
  command: string,
  args: string[],
  options: StringOptions,
  maxPositionals = 0,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (positionals.length > maxPositionals) {
    const extra = positionals.slice(maxPositionals).join(' ');
    throw new UsageError(
      maxPositionals === 0
        ? `${command} takes no arguments (got "${extra}")`
        : `unexpected argument "${extra}"`,
    );
  }
  return { values: values as Record<string, string | boolean | undefined>, positionals };
}

/** The value of a required string option, or a usage error naming it. */
export function requiredOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

/** The text `lead <command> --help` prints. */
export function commandHelp(command: Command): string {
  const options = [...(command.options ?? []), ['-h, --help', 'Print this help.'] as const];
  const width = Math.max(...options.map(([flag]) => flag.length));
  const lines = [`Usage: ${command.usage}`, '', command.summary, '', 'Options:'];
  for (const [flag, description] of options) lines.push(`  ${flag.padEnd(width)}  ${description}`);
  return lines.join('\n');
}

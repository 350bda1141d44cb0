import { ConfigError } from '../config.ts';
import { DataDirectoryLockedError } from '../db/data-directory-lock.ts';
import { PrivilegedRoleError } from '../db/database.ts';
import { MigrationError } from '../db/migrate.ts';
import { DomainError } from '../domain/errors.ts';
import { type Command, CommandFailure, commandHelp, type Io, UsageError } from './command.ts';
import { auditVerifyCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { directoryExportCommand, directoryImportCommand } from './commands/directory.ts';
import { screenCommand } from './commands/screen.ts';
import { seedCommand } from './commands/seed.ts';
import { migrateCommand, serveCommand } from './commands/server.ts';
import { siteCreateCommand } from './commands/sites.ts';
import { userCreateCommand, userUnlockCommand } from './commands/users.ts';

export { type Io, UsageError };

/** Every command, by the words that name it ("user create" is the group "user", subcommand "create"). */
export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  screen: screenCommand,
  'site create': siteCreateCommand,
  'user create': userCreateCommand,
  'user unlock': userUnlockCommand,
  'audit verify': auditVerifyCommand,
  'directory import': directoryImportCommand,
  'directory export': directoryExportCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

function listing(names: string[]): string[] {
  const commands = names.map((name) => COMMANDS[name] as Command);
  const width = Math.max(...commands.map((command) => command.usage.length));
  return commands.map(
    (command) => `  ${command.usage.padEnd(width)}  ${command.summary.split('. ')[0]?.replace(/\.$/, '')}.`,
  );
}

function helpText(): string {
  return [
    'Usage: lead <command> [options]',
    '',
    'Commands:',
    ...listing(Object.keys(COMMANDS)),
    '',
    'Run "lead <command> --help" for one command. Settings come from environment variables (see README).',
  ].join('\n');
}

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';

/** Finds the command `argv` names: two words for a group's subcommand, else one. */
function lookUp(argv: string[]): { name: string; command?: Command; rest: string[]; group?: string[] } {
  const [first = '', second = '', ...after] = argv;
  const pair = `${first} ${second}`;
  if (COMMANDS[pair]) return { name: pair, command: COMMANDS[pair], rest: after };
  if (COMMANDS[first]) return { name: first, command: COMMANDS[first], rest: argv.slice(1) };
  const group = Object.keys(COMMANDS).filter((name) => name.startsWith(`${first} `));
  return { name: first, rest: argv.slice(1), ...(group.length ? { group } : {}) };
}

/** The first line of an error's message: every failure is reported on one line. */
const firstLine = (error: unknown) =>
  String((error as Error).message ?? error)
    .split('\n')[0]
    ?.replace(/\. To specify a positional argument .*$/, '');

/** Runs the CLI; answers the exit status (0 done, 1 failed, 2 called wrongly). */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv.length === 0 || isHelp(argv[0])) {
    io.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const { name, command, rest, group } = lookUp(argv);
  if (!command && group) {
    if (isHelp(rest[0])) {
      io.out(
        [`Usage: lead ${name} <subcommand> [options]`, '', 'Subcommands:', ...listing(group)].join('\n'),
      );
      return 0;
    }
    const sub = rest[0];
    io.err(
      sub
        ? `lead ${name}: unknown subcommand "${sub}" (try lead ${name} --help)`
        : `lead ${name}: say which: ${group.join(', ')}`,
    );
    return 2;
  }
  if (!command) {
    io.err(`lead: unknown command "${name}" (try lead --help)`);
    return 2;
  }
  if (rest.some(isHelp)) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`lead ${name}: ${firstLine(error)}`);
      return 2;
    }
    if (
      error instanceof CommandFailure ||
      error instanceof DomainError ||
      error instanceof DataDirectoryLockedError ||
      error instanceof PrivilegedRoleError ||
      error instanceof MigrationError
    ) {
      io.err(`lead ${name}: ${firstLine(error)}`);
      return 1;
    }
    throw error;
  }
}

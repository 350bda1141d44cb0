import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirectoryLockedError } from '../db/data-directory-lock.ts';
import { PrivilegedRoleError } from '../db/database.ts';
import { MigrationError } from '../db/migrate.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { DomainError } from '../domain/errors.ts';
import { serve } from './serve.ts';

/** A mistake in how the command was called: one line on stderr, exit status 2. */
export class UsageError extends Error {}

export type Io = { out: (line: string) => void; err: (line: string) => void };

type Command = { usage: string; summary: string; run(args: string[], io: Io): Promise<number> };

function noArguments(name: string, args: string[]) {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`${name} takes no arguments`);
}

export const COMMANDS: Record<string, Command> = {
  serve: {
    usage: 'lead serve',
    summary:
      'Migrate, load the demo site into an empty database, and serve the app and API (PORT, default 3000).',
    async run(args, io) {
      noArguments('serve', args);
      await serve(loadConfig(), io.out);
      return await new Promise<number>(() => {}); // runs until a signal stops the process
    },
  },
  migrate: {
    usage: 'lead migrate',
    summary: 'Apply the database migrations that have not been applied yet.',
    async run(args, io) {
      noArguments('migrate', args);
      const database = await openConfiguredDatabase(loadConfig(), { migrate: false });
      try {
        const { migrate } = await import('../db/migrate.ts');
        const applied = await migrate(database.db);
        io.out(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
        return 0;
      } finally {
        await database.close();
      }
    },
  },
};

function helpText(): string {
  const lines = ['Usage: lead <command> [options]', '', 'Commands:'];
  for (const command of Object.values(COMMANDS))
    lines.push(`  ${command.usage.padEnd(44)} ${command.summary}`);
  lines.push(
    '',
    'Run "lead <command> --help" for one command. Settings come from environment variables (see README).',
  );
  return lines.join('\n');
}

/** Runs the CLI; answers the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`lead: unknown command "${name}" (try lead --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`lead ${name}: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DomainError) {
      io.err(`lead ${name}: ${error.message}`);
      return 2;
    }
    if (
      error instanceof DataDirectoryLockedError ||
      error instanceof PrivilegedRoleError ||
      error instanceof MigrationError
    ) {
      io.err(`lead ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

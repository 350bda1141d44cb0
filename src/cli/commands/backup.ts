import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { type Command, CommandFailure, parseCommandArgs, UsageError } from '../command.ts';
import { backupPglite, restorePglite } from './pglite-backup.ts';
import { runPostgresTool } from './postgres-backup.ts';

function oneFile(command: string, positionals: string[]): string {
  const [file] = positionals;
  if (!file) throw new UsageError(`${command} needs a FILE`);
  return resolve(file);
}

export const backupCommand: Command = {
  usage: 'lead backup FILE [--force]',
  summary:
    'Save the database to FILE. PGlite: a tarball of the data folder (stop the server first). ' +
    'PostgreSQL (DATABASE_URL): pg_dump --format=custom.',
  options: [['--force', 'Overwrite FILE if it exists.']],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('backup', args, { force: { type: 'boolean' } }, 1);
    const file = oneFile('backup', positionals);
    if (existsSync(file) && !values.force)
      throw new CommandFailure(`${file} exists; add --force to overwrite it`);
    const config = loadConfig();
    if (config.databaseUrl)
      return runPostgresTool(
        'pg_dump',
        (url) => ['--format=custom', '--file', file, url],
        config.databaseUrl,
        io,
      );
    return backupPglite(config, file, io);
  },
};

export const restoreCommand: Command = {
  usage: 'lead restore FILE [--force]',
  summary:
    'Recreate the database from a backup made by "lead backup". PGlite: refuses if the data folder ' +
    'holds a database, unless --force, which moves the old one aside (kept, not deleted). ' +
    'PostgreSQL: pg_restore --clean, which replaces what is there, so it always needs --force.',
  options: [
    ['--force', 'Restore over an existing database (PGlite: moved aside to pgdata.before-restore-*).'],
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('restore', args, { force: { type: 'boolean' } }, 1);
    const file = oneFile('restore', positionals);
    if (!existsSync(file)) throw new CommandFailure(`${file} does not exist`);
    const config = loadConfig();
    const force = values.force === true;
    if (config.databaseUrl) {
      if (!force)
        throw new CommandFailure(
          'restoring into PostgreSQL replaces the tables in DATABASE_URL (pg_restore --clean); add --force to do it',
        );
      return runPostgresTool(
        'pg_restore',
        (url) => ['--clean', '--if-exists', '--no-owner', '--dbname', url, file],
        config.databaseUrl,
        io,
      );
    }
    return restorePglite(config, file, force, io);
  },
};

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { CommandFailure } from './command.ts';

/** The PGlite cluster folder inside LEAD_DATA_DIR (see src/db/database.ts). */
export function pgliteDataFolder(config: Config): string {
  return join(resolve(config.dataDirectory), 'pgdata');
}

/** Whether the PGlite data folder already holds a database cluster. */
export function holdsPgliteDatabase(config: Config): boolean {
  return existsSync(join(pgliteDataFolder(config), 'PG_VERSION'));
}

/**
 * Opens the configured database, runs `work`, and closes it (releasing PGlite's folder lock) on
 * every path. With `existing`, refuses rather than create a new PGlite database in an empty folder.
 */
export async function withDatabase<T>(
  options: { migrate: boolean; existing?: boolean },
  work: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  if (options.existing && !config.databaseUrl && !holdsPgliteDatabase(config)) {
    throw new CommandFailure(
      `there is no database in ${resolve(config.dataDirectory)} yet (run "lead migrate" or "lead serve" first)`,
    );
  }
  const handle = await openConfiguredDatabase(config, { migrate: options.migrate });
  try {
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}

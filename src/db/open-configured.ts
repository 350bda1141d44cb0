import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

/** Opens the database the configuration names (a server via DATABASE_URL, else PGlite) and migrates it. */
export async function openConfiguredDatabase(
  config: Config,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const handle = config.databaseUrl
    ? await openDatabase({
        kind: 'postgres',
        url: config.databaseUrl,
        allowSuperuser: config.allowSuperuser,
        onIdleError: (error) =>
          process.stderr.write(`database connection closed by the server: ${error.message}\n`),
      })
    : await openDatabase({ kind: 'pglite', dataDirectory: resolve(config.dataDirectory) });
  if (options.migrate !== false) {
    try {
      await migrate(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

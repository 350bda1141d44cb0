import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK = 7_263_000;

export class MigrationError extends Error {}

type Migration = { version: string; text: string; checksum: string };

function readMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIRECTORY)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(MIGRATIONS_DIRECTORY + name, 'utf8');
      return {
        version: name.replace(/\.sql$/, ''),
        text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies the numbered SQL migrations not yet applied, each in its own transaction, under an
 * advisory lock so two starting servers do not race. Refuses if an applied file was edited.
 */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = readMigrations();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      await sql`create table if not exists schema_migrations (
        version text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(
        connection,
      );
      const applied = new Map(
        (await connection.selectFrom('schema_migrations').selectAll().execute()).map((row) => [
          row.version,
          row,
        ]),
      );
      const newlyApplied: string[] = [];
      for (const migration of migrations) {
        const previous = applied.get(migration.version);
        if (previous) {
          if (previous.checksum !== migration.checksum) {
            throw new MigrationError(
              `migration ${migration.version} was edited after it was applied; add a new one instead`,
            );
          }
          continue;
        }
        await connection.transaction().execute(async (trx) => {
          await sql.raw(migration.text).execute(trx);
          await trx
            .insertInto('schema_migrations')
            .values({ version: migration.version, checksum: migration.checksum })
            .execute();
        });
        newlyApplied.push(migration.version);
      }
      return newlyApplied;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}

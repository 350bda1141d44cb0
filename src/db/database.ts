import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DataDirectoryLock, holdDataDirectoryLock } from './data-directory-lock.ts';
import { pglitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** The application's database: PGlite in a folder (or in memory), or a PostgreSQL server. */
export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Writes dirty pages to the data folder (PGlite); a no-op on a server, which checkpoints itself. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
};

/** The role the application runs as inside PGlite, so row-level security applies there too. */
export const PGLITE_APPLICATION_ROLE = 'lead_app';

const DATE_OID = 1082;
const INT8_OID = 20;

export type OpenOptions =
  | {
      kind: 'postgres';
      url: string;
      allowSuperuser: boolean;
      poolSize?: number;
      onIdleError?: (error: Error) => void;
    }
  | { kind: 'pglite'; dataDirectory?: string; loadDataDir?: Blob | File };

/** Opens the database. PGlite takes a lock on its folder; PostgreSQL refuses privileged roles. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: {
  url: string;
  allowSuperuser: boolean;
  poolSize?: number;
  onIdleError?: (error: Error) => void;
}) {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (value: string) => value;
        if (oid === INT8_OID) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closes (a restart, an administrator) must not crash the process:
  // the pool drops it and opens another on the next query.
  pool.on('error', (error) => options.onIdleError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await refusePrivilegedRole(db, options.allowSuperuser);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind: 'postgres' as const, checkpoint: async () => {}, close: () => db.destroy() };
}

export class PrivilegedRoleError extends Error {}

async function refusePrivilegedRole(db: Db, allowSuperuser: boolean): Promise<void> {
  const { rows } = await sql<{ name: string; superuser: boolean; bypassrls: boolean }>`
    select rolname as name, rolsuper as superuser, rolbypassrls as bypassrls
    from pg_roles where rolname = current_user`.execute(db);
  const role = rows[0];
  if (!role || allowSuperuser) return;
  if (role.superuser || role.bypassrls) {
    throw new PrivilegedRoleError(
      `refusing to run as database role "${role.name}": it is a ${role.superuser ? 'superuser' : 'BYPASSRLS role'}, ` +
        'which would skip row-level security. Connect as an ordinary role, or set LEAD_ALLOW_SUPERUSER=1 for development.',
    );
  }
}

async function openPglite(options: { dataDirectory?: string; loadDataDir?: Blob | File }) {
  let lock: DataDirectoryLock | undefined;
  if (options.dataDirectory) {
    mkdirSync(options.dataDirectory, { recursive: true });
    lock = holdDataDirectoryLock(options.dataDirectory);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDirectory ? { dataDir: join(options.dataDirectory, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) },
    });
    await pglite.exec(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${PGLITE_APPLICATION_ROLE}') then
          create role ${PGLITE_APPLICATION_ROLE} nologin;
        end if;
      end $$;
      grant all on schema public to ${PGLITE_APPLICATION_ROLE};
      grant pg_checkpoint to ${PGLITE_APPLICATION_ROLE};
      set role ${PGLITE_APPLICATION_ROLE};`);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return {
    db,
    kind: 'pglite' as const,
    pglite,
    checkpoint: async () => {
      // lead_app holds pg_checkpoint (granted above), which CHECKPOINT needs since PostgreSQL 15.
      await sql`checkpoint`.execute(db);
      await pglite.syncToFs();
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}

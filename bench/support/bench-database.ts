// The database a benchmark runs on: PostgreSQL in a throwaway database beside DATABASE_URL's (or
// that one, if the role may not create databases), else PGlite in a temporary folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';

export type BenchDatabase = { handle: DatabaseHandle; where: string; cleanUp(): Promise<void> };

export type BenchDatabaseOptions = {
  /** Names the PGlite folder, e.g. "referral". */
  label: string;
  poolSize?: number | undefined;
  /** Tidies what the bench left in DATABASE_URL's own database when it could not make its own. */
  tidySharedDatabase?: (handle: DatabaseHandle) => Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function openPostgresForBench(url: string, options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const allowSuperuser = loadConfig().allowSuperuser;
  const name = `lead_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let created = false;
  try {
    await admin.query(`create database ${name}`);
    created = true;
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    console.log(`note: the role may not create a database; using DATABASE_URL's own database instead`);
  } finally {
    await admin.end();
  }
  const dropDatabase = async () => {
    if (!created) return;
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    try {
      // pg's pool.end() resolves before its connections have closed: wait for them (bounded), rather
      // than terminate them with FORCE, which the closed pool would raise as an unhandled error.
      for (let attempt = 1; ; attempt++) {
        try {
          await cleanup.query(`drop database if exists ${name}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } finally {
      await cleanup.end();
    }
  };
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({
      kind: 'postgres',
      url: created ? withDatabase(url, name) : url,
      allowSuperuser,
      ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    handle,
    where: created ? `PostgreSQL, throwaway database ${name}` : 'PostgreSQL, the DATABASE_URL database',
    async cleanUp() {
      if (!created) await options.tidySharedDatabase?.(handle);
      await handle.close();
      await dropDatabase();
    },
  };
}

async function openPgliteForBench(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), `lead-bench-${options.label}-`));
  try {
    const handle = await openDatabase({ kind: 'pglite', dataDirectory: folder });
    return {
      handle,
      where: `PGlite in ${folder}`,
      async cleanUp() {
        await handle.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** PostgreSQL when `url` (DATABASE_URL) is set, else PGlite. */
export function openBenchDatabase(
  url: string | undefined,
  options: BenchDatabaseOptions,
): Promise<BenchDatabase> {
  return url ? openPostgresForBench(url, options) : openPgliteForBench(options);
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { TEMPLATE_DATABASE, withDatabase } from './global-setup.ts';

/** Which database the API suite runs on: PGlite by default, PostgreSQL in the "postgres" project. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.LEAD_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: PGlite restored from the migrated snapshot, or a
 * new PostgreSQL database copied from the migrated template (dropped again on close).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDatabaseKind() === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    return openDatabase({ kind: 'pglite', loadDataDir: snapshot });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('LEAD_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `lead_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  const handle = await openDatabase({
    kind: 'postgres',
    url: withDatabase(url, name),
    allowSuperuser: false,
    poolSize: 5,
  });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`);
      await cleanup.end();
    },
  };
}

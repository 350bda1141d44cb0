import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

export const OUTPUT_DIRECTORY = join(process.cwd(), '.test-output');
export const TEMPLATE_DATABASE = 'lead_test_template';

/**
 * Migrates once per run: a PGlite data folder saved as a tarball that each test file restores,
 * and, when TEST_DATABASE_URL is set, a PostgreSQL template database each test file copies.
 */
export default async function setup(project: TestProject) {
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  const snapshotPath = join(OUTPUT_DIRECTORY, `pglite-migrated-${project.name}.tar.gz`);
  const handle = await openDatabase({ kind: 'pglite' });
  await migrate(handle.db);
  const pglite = (handle as unknown as { pglite: PGlite }).pglite;
  const dump = await pglite.dumpDataDir('gzip');
  writeFileSync(snapshotPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', snapshotPath);

  const url = process.env.TEST_DATABASE_URL;
  // Only the project that runs on PostgreSQL owns the template (projects run at the same time).
  if (url && project.config.env?.LEAD_TEST_DB === 'postgres') {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
    await admin.end();
    const template = await openDatabase({
      kind: 'postgres',
      url: withDatabase(url, TEMPLATE_DATABASE),
      allowSuperuser: false,
    });
    await migrate(template.db);
    await template.close();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

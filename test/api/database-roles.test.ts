import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, PrivilegedRoleError } from '../../src/db/database.ts';
import { testDatabaseKind } from '../support/test-database.ts';

/** The superuser of the CI server (trust authentication on loopback), derived from the app's URL. */
function superuserUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.username = 'postgres';
  url.password = '';
  return url.toString();
}

// Only a PostgreSQL server has roles to refuse; PGlite always runs as its own unprivileged role.
describe.skipIf(testDatabaseKind() !== 'postgres')('connecting to PostgreSQL', () => {
  it('refuses to run as a superuser, naming the role and the way out', async () => {
    const attempt = openDatabase({ kind: 'postgres', url: superuserUrl(), allowSuperuser: false });
    await expect(attempt).rejects.toBeInstanceOf(PrivilegedRoleError);
    await expect(
      openDatabase({ kind: 'postgres', url: superuserUrl(), allowSuperuser: false }),
    ).rejects.toThrow(/"postgres".*superuser.*LEAD_ALLOW_SUPERUSER=1/);
  });

  it('runs as a superuser only when LEAD_ALLOW_SUPERUSER is set', async () => {
    const handle = await openDatabase({ kind: 'postgres', url: superuserUrl(), allowSuperuser: true });
    const { rows } = await sql<{ name: string }>`select current_user as name`.execute(handle.db);
    expect(rows).toEqual([{ name: 'postgres' }]);
    await handle.close();
  });

  it('accepts the ordinary application role', async () => {
    const handle = await openDatabase({
      kind: 'postgres',
      url: process.env.TEST_DATABASE_URL ?? '',
      allowSuperuser: false,
    });
    const { rows } = await sql<{ name: string }>`select current_user as name`.execute(handle.db);
    expect(rows).toEqual([{ name: new URL(process.env.TEST_DATABASE_URL ?? '').username }]);
    await handle.close();
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('a PostgreSQL connection the server closes', () => {
  it('does not crash the process; the next query opens a new one', async () => {
    const errors: Error[] = [];
    const handle = await openDatabase({
      kind: 'postgres',
      url: process.env.TEST_DATABASE_URL ?? '',
      allowSuperuser: false,
      onIdleError: (error) => errors.push(error),
    });
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
    const admin = await openDatabase({
      kind: 'postgres',
      url: superuserUrl(),
      allowSuperuser: true,
      poolSize: 1,
    });
    await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(admin.db);
    await admin.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(again.rows[0]?.one).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
    await handle.close();
  });
});

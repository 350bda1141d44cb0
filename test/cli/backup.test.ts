import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../src/app/auth/log-in.ts';
import { testConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { lead, leadProcess, removeFolder, startServer, temporaryFolder } from './support.ts';

const workspace = temporaryFolder();
const original = join(workspace, 'original');
const backupFile = join(workspace, 'lead-backup.tgz');
const PASSWORD = 'backup-test-password';

async function canLogIn(dataDirectory: string, email: string): Promise<boolean> {
  const handle = await openDatabase({ kind: 'pglite', dataDirectory });
  try {
    await logIn(
      { db: handle.db, clock: () => new Date(), config: testConfig() },
      { email, password: PASSWORD, requestId: 'cli-test' },
    );
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  const env = { LEAD_DATA_DIR: original };
  expect((await lead(['seed', '--demo'], { env })).status).toBe(0);
  const created = await lead(
    [
      'user',
      'create',
      '--email',
      'kept@example.test',
      '--name',
      'Kept',
      '--site',
      'demo-city',
      '--role',
      'analyst',
    ],
    { env, stdin: `${PASSWORD}\n` },
  );
  expect(created.status).toBe(0);
});
afterAll(() => removeFolder(workspace));

describe('lead backup and lead restore on PGlite', () => {
  it('backs up, refusing to overwrite a file unless --force', async () => {
    const env = { LEAD_DATA_DIR: original };
    const first = await lead(['backup', backupFile], { env });
    expect(first.err).toEqual([]);
    expect(first.status).toBe(0);
    expect(first.out[0]).toMatch(/^backed up .* to .*lead-backup\.tgz \(\d+ bytes\)$/);
    expect(existsSync(backupFile)).toBe(true);

    const again = await lead(['backup', backupFile], { env });
    expect(again).toMatchObject({ status: 1, err: [expect.stringMatching(/exists; add --force/)] });
    expect((await lead(['backup', backupFile, '--force'], { env })).status).toBe(0);
    expect(readdirSync(workspace).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('refuses to back up a folder that holds no database', async () => {
    const empty = join(workspace, 'empty');
    const result = await lead(['backup', join(workspace, 'nothing.tgz')], { env: { LEAD_DATA_DIR: empty } });
    expect(result).toMatchObject({ status: 1, err: [expect.stringMatching(/no database in/)] });
  });

  it('restores into an empty folder, keeping the data (round trip)', async () => {
    const copy = join(workspace, 'copy');
    const result = await lead(['restore', backupFile], { env: { LEAD_DATA_DIR: copy } });
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    // The demo seed audits its synthetic contact requests, so the copy starts with some rows.
    const restored = result.out
      .map((line) => /^audit log intact: (\d+) rows?$/.exec(line)?.[1])
      .find(Boolean);
    expect(restored).toBeDefined();
    expect(await canLogIn(copy, 'kept@example.test')).toBe(true);
    // The copy is an ordinary data folder: its audit log, with that login's row, verifies.
    const rows = Number(restored) + 1;
    expect((await lead(['audit', 'verify'], { env: { LEAD_DATA_DIR: copy } })).out).toEqual([
      `audit log intact: ${rows} row${rows === 1 ? '' : 's'}`,
    ]);
  });

  it('refuses to restore over a database unless --force, and then keeps the old one aside', async () => {
    const target = join(workspace, 'target');
    const env = { LEAD_DATA_DIR: target };
    await lead(['site', 'create', '--slug', 'doomed', '--name', 'Doomed', '--timezone', 'UTC'], { env });

    const refused = await lead(['restore', backupFile], { env });
    expect(refused).toMatchObject({
      status: 1,
      err: [expect.stringMatching(/already holds a database; add --force/)],
    });

    const forced = await lead(['restore', backupFile, '--force'], { env });
    expect(forced.status).toBe(0);
    const aside = readdirSync(target).filter((name) => name.startsWith('pgdata.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(forced.out.at(-1)).toContain(aside[0]);
    expect(await canLogIn(target, 'kept@example.test')).toBe(true);
    // The database that was there is intact in its new place.
    const previous = await PGlite.create({ dataDir: join(target, aside[0] as string) });
    try {
      const { rows } = await previous.query<{ slug: string }>('select slug from sites');
      expect(rows).toEqual([{ slug: 'doomed' }]);
    } finally {
      await previous.close();
    }
    const site = await lead(['site', 'create', '--slug', 'doomed', '--name', 'Again', '--timezone', 'UTC'], {
      env,
    });
    expect(site.status).toBe(0); // the restored database has no "doomed" site
  });

  it('refuses a FILE that does not exist or is not a backup, touching nothing', async () => {
    const env = { LEAD_DATA_DIR: original };
    const missing = await lead(['restore', join(workspace, 'missing.tgz'), '--force'], { env });
    expect(missing).toMatchObject({ status: 1, err: [expect.stringMatching(/does not exist/)] });
    const junk = join(workspace, 'junk.tgz');
    writeFileSync(junk, 'not a tarball at all');
    const notBackup = await lead(['restore', junk, '--force'], { env });
    expect(notBackup).toMatchObject({ status: 1, err: [expect.stringMatching(/is not a lead backup/)] });
    expect(readdirSync(original).filter((name) => name.startsWith('pgdata.before-restore-'))).toEqual([]);
    expect(await canLogIn(original, 'kept@example.test')).toBe(true);
  });

  it('refuses to back up or restore while a server has the folder, naming its pid', async () => {
    const server = await startServer(original);
    try {
      const backup = await leadProcess(['backup', join(workspace, 'during.tgz')], {
        env: { LEAD_DATA_DIR: original },
      });
      expect(backup.status).toBe(1);
      expect(backup.stderr.trim().split('\n')).toHaveLength(1);
      expect(backup.stderr).toContain(`pid ${server.pid}`);
      expect(backup.stderr).toMatch(/Stop the server first/);
      expect(existsSync(join(workspace, 'during.tgz'))).toBe(false);

      const restore = await lead(['restore', backupFile, '--force'], { env: { LEAD_DATA_DIR: original } });
      expect(restore.status).toBe(1);
      expect(restore.err[0]).toContain(`pid ${server.pid}`);
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(await canLogIn(original, 'kept@example.test')).toBe(true);
  });
});

describe('lead backup and lead restore on PostgreSQL', () => {
  const env = { DATABASE_URL: 'postgres://lead:secret-word@127.0.0.1:9/lead', PATH: '' };

  it('without pg_dump on PATH, prints the command to run (without the password) and exits 1', async () => {
    const file = join(workspace, 'pg.dump');
    const result = await lead(['backup', file], { env });
    expect(result.status).toBe(1);
    expect(result.err).toContain(`  pg_dump --format=custom --file ${file} postgres://lead@127.0.0.1:9/lead`);
    expect(result.err.join('\n')).not.toContain('secret-word');
  });

  it('restore needs --force, then without pg_restore prints the command', async () => {
    const refused = await lead(['restore', backupFile], { env });
    expect(refused).toMatchObject({ status: 1, err: [expect.stringMatching(/add --force/)] });
    const result = await lead(['restore', backupFile, '--force'], { env });
    expect(result.status).toBe(1);
    expect(result.err).toContain(
      `  pg_restore --clean --if-exists --no-owner --dbname postgres://lead@127.0.0.1:9/lead ${backupFile}`,
    );
  });
});

import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead, leadProcess, removeFolder, temporaryFolder } from './support.ts';

const dataDirectory = temporaryFolder();
const env = { LEAD_DATA_DIR: dataDirectory };

beforeAll(async () => {
  await lead(['site', 'create', '--slug', 'audit-site', '--name', 'Audit Site', '--timezone', 'UTC'], {
    env,
  });
  await lead(
    [
      'user',
      'create',
      '--email',
      'audited@example.test',
      '--name',
      'A',
      '--site',
      'audit-site',
      '--role',
      'admin',
    ],
    { env, stdin: 'a-long-enough-password\n' },
  );
  // Each unlock appends one row to the audit log.
  for (let i = 0; i < 3; i++) await lead(['user', 'unlock', '--email', 'audited@example.test'], { env });
});
afterAll(() => removeFolder(dataDirectory));

describe('lead audit verify', () => {
  it('refuses (exit 1) when there is no database yet, without creating one', async () => {
    const empty = temporaryFolder();
    try {
      const result = await lead(['audit', 'verify'], { env: { LEAD_DATA_DIR: empty } });
      expect(result).toMatchObject({ status: 1, err: [expect.stringMatching(/there is no database in/)] });
    } finally {
      removeFolder(empty);
    }
  });

  it('reports an intact chain with its length', async () => {
    expect(await lead(['audit', 'verify'], { env })).toEqual({
      status: 0,
      out: ['audit log intact: 3 rows'],
      err: [],
    });
  });

  it('names the row an intruder altered, with exit status 1', async () => {
    // As the PGlite superuser, straight on the folder: what someone with the files could do.
    const pglite = await PGlite.create({ dataDir: join(dataDirectory, 'pgdata') });
    try {
      await pglite.exec(`
        alter table audit_log disable trigger user;
        update audit_log set outcome = 'failure' where seq = 2;
        alter table audit_log enable trigger user;`);
    } finally {
      await pglite.close();
    }
    const result = await leadProcess(['audit', 'verify'], { env });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('audit log broken at row 2: contents do not match its hash');
  });
});

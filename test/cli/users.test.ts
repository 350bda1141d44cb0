import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../src/app/auth/log-in.ts';
import { testConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { lead, leadProcess, removeFolder, temporaryFolder } from './support.ts';

const dataDirectory = temporaryFolder();
const env = { LEAD_DATA_DIR: dataDirectory, LEAD_NEW_PASSWORD: undefined };
const PASSWORD = 'correct-horse-battery';

async function withFolder<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ kind: 'pglite', dataDirectory });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function tryLogIn(handle: DatabaseHandle, email: string, password: string) {
  return logIn(
    { db: handle.db, clock: () => new Date(), config: testConfig() },
    { email, password, requestId: 'cli-test' },
  ).then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );
}

const createArgs = (email: string, role = 'officer', site = 'river-city') => [
  'user',
  'create',
  '--email',
  email,
  '--name',
  'Test Person',
  '--site',
  site,
  '--role',
  role,
];

beforeAll(async () => {
  const site = await lead(
    ['site', 'create', '--slug', 'river-city', '--name', 'River City LEAD', '--timezone', 'America/Chicago'],
    { env },
  );
  expect(site.err).toEqual([]);
  expect(site.status).toBe(0);
  expect(site.out[0]).toMatch(/^created site river-city \(River City LEAD, America\/Chicago\)/);
});
afterAll(() => removeFolder(dataDirectory));

describe('lead site create', () => {
  it('refuses a slug that exists, and an unknown time zone (exit 1)', async () => {
    const again = await lead(['site', 'create', '--slug', 'river-city', '--name', 'X', '--timezone', 'UTC'], {
      env,
    });
    expect(again).toMatchObject({ status: 1, err: [expect.stringMatching(/slug "river-city" exists/)] });
    const zone = await lead(
      ['site', 'create', '--slug', 'other', '--name', 'X', '--timezone', 'Mars/Olympus'],
      {
        env,
      },
    );
    expect(zone).toMatchObject({ status: 1, err: [expect.stringMatching(/Unknown time zone/)] });
  });
});

describe('lead user create', () => {
  it('takes the password from the first line of stdin, and the account can log in with it', async () => {
    const result = await lead(createArgs('Stdin.Person@Example.test'), {
      env,
      stdin: `${PASSWORD}\nignored\n`,
    });
    expect(result).toEqual({
      status: 0,
      out: ['created stdin.person@example.test with the role officer at river-city'],
      err: [],
    });
    await withFolder(async (handle) => {
      expect(await tryLogIn(handle, 'stdin.person@example.test', PASSWORD)).toBe('ok');
      expect(await tryLogIn(handle, 'stdin.person@example.test', 'ignored-but-long')).toBe(
        'INVALID_CREDENTIALS',
      );
    });
  });

  it('takes the password from LEAD_NEW_PASSWORD before stdin', async () => {
    const result = await lead(createArgs('env.person@example.test', 'case_manager'), {
      env: { ...env, LEAD_NEW_PASSWORD: 'from-the-environment' },
      stdin: 'from-standard-input\n',
    });
    expect(result.status).toBe(0);
    await withFolder(async (handle) => {
      expect(await tryLogIn(handle, 'env.person@example.test', 'from-the-environment')).toBe('ok');
    });
  });

  it('gives an existing account another role without changing its password', async () => {
    const result = await lead(createArgs('env.person@example.test', 'analyst'), {
      env,
      stdin: 'some-other-password\n',
    });
    expect(result.status).toBe(0);
    expect(result.out[0]).toMatch(/already had an account .* now has the role analyst/);
  });

  it('fails (exit 1, one line) for an unknown site or a short password', async () => {
    const site = await lead(createArgs('nosite@example.test', 'officer', 'atlantis'), {
      env,
      stdin: `${PASSWORD}\n`,
    });
    expect(site).toMatchObject({
      status: 1,
      err: [expect.stringMatching(/No site has the slug "atlantis"/)],
    });
    const short = await lead(createArgs('short@example.test'), { env, stdin: 'short\n' });
    expect(short).toMatchObject({ status: 1, err: [expect.stringMatching(/at least 12 characters/)] });
  });

  it('works through a real process with the password piped in, and never on the command line', async () => {
    const result = await leadProcess(createArgs('piped@example.test', 'outreach'), {
      env: { LEAD_DATA_DIR: dataDirectory },
      stdin: `${PASSWORD}\n`,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    await withFolder(async (handle) => {
      expect(await tryLogIn(handle, 'piped@example.test', PASSWORD)).toBe('ok');
    });
  });
});

describe('lead user unlock', () => {
  it('unlocks an account locked by failed logins, and says whether it was locked', async () => {
    await lead(createArgs('locked@example.test'), { env, stdin: `${PASSWORD}\n` });
    await withFolder(async (handle) => {
      for (let attempt = 0; attempt < 5; attempt++)
        await tryLogIn(handle, 'locked@example.test', 'wrong-password!');
      expect(await tryLogIn(handle, 'locked@example.test', PASSWORD)).toBe('ACCOUNT_LOCKED');
    });

    expect(await lead(['user', 'unlock', '--email', 'locked@example.test'], { env })).toEqual({
      status: 0,
      out: ['unlocked locked@example.test'],
      err: [],
    });
    await withFolder(async (handle) => {
      expect(await tryLogIn(handle, 'locked@example.test', PASSWORD)).toBe('ok');
    });
    const again = await lead(['user', 'unlock', '--email', 'locked@example.test'], { env });
    expect(again.status).toBe(0);
    expect(again.out[0]).toMatch(/was not locked/);
  });

  it('fails (exit 1) for an unknown account', async () => {
    const result = await lead(['user', 'unlock', '--email', 'nobody@example.test'], { env });
    expect(result).toMatchObject({ status: 1, err: [expect.stringMatching(/No account has the e-mail/)] });
  });

  it('releases the data folder on every path, so the next command can open it', async () => {
    const lockFile = join(dataDirectory, 'lead.lock');
    expect((await lead(['user', 'unlock', '--email', 'nobody@example.test'], { env })).status).toBe(1);
    expect(existsSync(lockFile)).toBe(false);
    const failed = await lead(createArgs('x@example.test', 'officer', 'atlantis'), {
      env,
      stdin: `${PASSWORD}\n`,
    });
    expect(failed.status).toBe(1);
    expect(existsSync(lockFile)).toBe(false);
    const result = await lead(['audit', 'verify'], { env });
    expect(result.status).toBe(0);
  });
});

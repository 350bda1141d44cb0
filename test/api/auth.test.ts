import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockUser } from '../../src/app/users/unlock-user.ts';
import { countAuditRows } from '../../src/db/repositories/audit-log.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { HOUR, MINUTE } from '../support/clock.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
});
afterAll(() => t.close());

describe('signing in', () => {
  it('opens a session with an httpOnly cookie and lists the sites and roles', async () => {
    const user = await makeUser(t.database.db, site, 'case_manager');
    const client = t.client();
    const response = await client.post('/api/v1/auth/login', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/lead_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(response.body.sites).toEqual([
      expect.objectContaining({
        id: site.id,
        roles: ['case_manager'],
        actions: expect.arrayContaining(['site:view', 'screening:submit']),
      }),
    ]);
    expect(response.body.mfaState).toBe('not_required');
    const session = await client.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown account alike, and audits both', async () => {
    const user = await makeUser(t.database.db, site, 'officer');
    const wrong = await t
      .client()
      .post('/api/v1/auth/login', { email: user.email, password: 'not-the-password' });
    const unknown = await t
      .client()
      .post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(
      await countAuditRows(t.database.db, { userId: user.userId, action: 'auth.login', outcome: 'failure' }),
    ).toBe(1);
  });

  it('locks the account after 5 failures in 15 minutes, even against the right password, until unlocked', async () => {
    const user = await makeUser(t.database.db, site, 'officer');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await t
        .client()
        .post('/api/v1/auth/login', { email: user.email, password: `wrong-${attempt}` });
      expect(response.status).toBe(401);
      t.clock.advance(2 * MINUTE);
    }
    const locked = await t
      .client()
      .post('/api/v1/auth/login', { email: user.email, password: user.password });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(2 * HOUR);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(423);
    expect(await countAuditRows(t.database.db, { userId: user.userId, action: 'auth.lockout' })).toBe(1);

    await unlockUser(t.database.db, t.clock.now, user.email);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
  });

  it('does not lock when the failures are spread over more than 15 minutes', async () => {
    const user = await makeUser(t.database.db, site, 'officer');
    for (let attempt = 1; attempt <= 6; attempt++) {
      await t.client().post('/api/v1/auth/login', { email: user.email, password: `wrong-${attempt}` });
      t.clock.advance(4 * MINUTE);
    }
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes', async () => {
    const user = await makeUser(t.database.db, site, 'analyst');
    const client = t.client();
    await client.logIn(user.email, user.password);
    t.clock.advance(29 * MINUTE);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    const expired = await client.get('/api/v1/auth/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('SESSION_EXPIRED');
    t.clock.advance(MINUTE);
    expect((await client.get('/api/v1/auth/session')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('end 12 hours after sign-in however active', async () => {
    const user = await makeUser(t.database.db, site, 'analyst');
    const client = t.client();
    await client.logIn(user.email, user.password);
    for (let elapsed = 0; elapsed < 11 * 60; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    }
    t.clock.advance(HOUR);
    expect((await client.get('/api/v1/auth/session')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('end at sign-out, and the old cookie no longer works', async () => {
    const user = await makeUser(t.database.db, site, 'analyst');
    const client = t.client();
    await client.logIn(user.email, user.password);
    const oldCookie = { cookie: client.cookieHeader() };
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    expect(client.hasSessionCookie()).toBe(false);
    const replayed = await t.client().get('/api/v1/auth/session', oldCookie);
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('reject a forged cookie and a missing one', async () => {
    const forged = await t
      .client()
      .get('/api/v1/auth/session', { cookie: 'lead_session=forged-token-value' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('UNAUTHENTICATED');
    expect((await t.client().get('/api/v1/auth/session')).body.error.code).toBe('UNAUTHENTICATED');
  });
});

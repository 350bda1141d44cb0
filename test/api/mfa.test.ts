import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditRows } from '../../src/db/repositories/audit-log.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;

const codeAt = (secret: string, time: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: time.getTime() });

beforeAll(async () => {
  t = await startTestApp({ requireMfa: true });
  site = await makeSite(t.database.db);
});
afterAll(() => t.close());

async function enrol(client: HttpClient) {
  const start = await client.post('/api/v1/auth/mfa/enrolment');
  expect(start.status).toBe(200);
  expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(start.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  const confirm = await client.post('/api/v1/auth/mfa/enrolment/confirm', {
    code: codeAt(start.body.secret, t.clock.now()),
  });
  expect(confirm.status).toBe(200);
  return { secret: start.body.secret as string, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

describe('the second factor, when required', () => {
  it('makes a case manager enrol before reaching any site data, then lets them in', async () => {
    const user = await makeUser(t.database.db, site, 'case_manager');
    const client = t.client();
    const login = await client.logIn(user.email, user.password);
    expect(login.body.mfaState).toBe('enrolment_required');
    const blocked = await client.get(`/api/v1/sites/${site.id}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('MFA_ENROLMENT_REQUIRED');

    const { recoveryCodes } = await enrol(client);
    expect(recoveryCodes).toHaveLength(10);
    expect((await client.get(`/api/v1/sites/${site.id}`)).status).toBe(200);
    expect(
      await countAuditRows(t.database.db, {
        userId: user.userId,
        action: 'auth.mfa.enrol',
        outcome: 'success',
      }),
    ).toBe(1);
  });

  it('asks for a code at every later sign-in; a wrong code is refused, the right one admits', async () => {
    const user = await makeUser(t.database.db, site, 'program_manager');
    const first = t.client();
    await first.logIn(user.email, user.password);
    const { secret } = await enrol(first);

    const client = t.client();
    const login = await client.logIn(user.email, user.password);
    expect(login.body.mfaState).toBe('pending');
    expect((await client.get(`/api/v1/sites/${site.id}`)).body.error.code).toBe('MFA_REQUIRED');
    const wrong = await client.post('/api/v1/auth/mfa/verify', {
      code: '000000' === codeAt(secret, t.clock.now()) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('MFA_CODE_INVALID');
    const right = await client.post('/api/v1/auth/mfa/verify', { code: codeAt(secret, t.clock.now()) });
    expect(right.status).toBe(200);
    expect(right.body.mfaState).toBe('verified');
    expect((await client.get(`/api/v1/sites/${site.id}`)).status).toBe(200);
    expect(
      await countAuditRows(t.database.db, {
        userId: user.userId,
        action: 'auth.mfa.verify',
        outcome: 'failure',
      }),
    ).toBe(1);
  });

  it('accepts a recovery code once only', async () => {
    const user = await makeUser(t.database.db, site, 'officer');
    const first = t.client();
    await first.logIn(user.email, user.password);
    const { recoveryCodes } = await enrol(first);
    const code = recoveryCodes[0] as string;

    const client = t.client();
    await client.logIn(user.email, user.password);
    expect((await client.post('/api/v1/auth/mfa/verify', { recoveryCode: code })).status).toBe(200);
    const again = t.client();
    await again.logIn(user.email, user.password);
    expect((await again.post('/api/v1/auth/mfa/verify', { recoveryCode: code })).status).toBe(401);
  });

  it('locks the account after five wrong codes', async () => {
    const user = await makeUser(t.database.db, site, 'prosecutor');
    const first = t.client();
    await first.logIn(user.email, user.password);
    await enrol(first);
    const client = t.client();
    await client.logIn(user.email, user.password);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push(
        (await client.post('/api/v1/auth/mfa/verify', { recoveryCode: `not-a-code-${attempt}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(423);
  });

  it('does not ask a community referrer, who sees no participant records', async () => {
    const user = await makeUser(t.database.db, site, 'community_referrer');
    const login = await t.client().logIn(user.email, user.password);
    expect(login.body.mfaState).toBe('not_required');
  });
});

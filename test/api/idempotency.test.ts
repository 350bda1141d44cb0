import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimIdempotencyKey } from '../../src/db/repositories/idempotency-keys.ts';
import { findStaffOfSite } from '../../src/db/repositories/memberships.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { MINUTE } from '../support/clock.ts';
import { makeSite, makeUser, type TestUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let admin: TestUser;
let client: HttpClient;

const unique = () => randomBytes(5).toString('hex');
const newStaff = () => ({
  email: `staff.${unique()}@example.test`,
  displayName: 'Synthetic Staff',
  role: 'outreach',
  initialPassword: `pw-${unique()}-long`,
});

async function staffWithEmail(email: string) {
  const staff = await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
    findStaffOfSite(tx, site.id),
  );
  return staff.filter((member) => member.email === email);
}

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  admin = await makeUser(t.database.db, site, 'admin');
  client = t.client();
  await client.logIn(admin.email, admin.password);
});
afterAll(() => t.close());

describe('Idempotency-Key on POST', () => {
  it('replays the stored response for a retry and writes once', async () => {
    const body = newStaff();
    const key = `key-${unique()}`;
    const first = await client.post(`/api/v1/sites/${site.id}/staff`, body, { 'idempotency-key': key });
    const retry = await client.post(`/api/v1/sites/${site.id}/staff`, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await staffWithEmail(body.email)).toHaveLength(1);
  });

  it('answers 422 when the same key comes with another body, and writes nothing', async () => {
    const key = `key-${unique()}`;
    await client.post(`/api/v1/sites/${site.id}/staff`, newStaff(), { 'idempotency-key': key });
    const other = newStaff();
    const reused = await client.post(`/api/v1/sites/${site.id}/staff`, other, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await staffWithEmail(other.email)).toHaveLength(0);
  });

  it('answers 409 while the first request with the key is still running, and runs a retry once it is abandoned', async () => {
    const key = `key-${unique()}`;
    const body = newStaff();
    const { requestFingerprint } = await import('../../src/http/idempotency.ts');
    const url = `/api/v1/sites/${site.id}/staff`;
    // The first request has claimed the key and not finished (as if it were still running).
    await claimIdempotencyKey(t.database.db, {
      userId: admin.userId,
      key,
      requestHash: requestFingerprint('POST', url, body),
      at: t.clock.now(),
    });
    const during = await client.post(url, body, { 'idempotency-key': key });
    expect(during.status).toBe(409);
    expect(during.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(await staffWithEmail(body.email)).toHaveLength(0);

    t.clock.advance(2 * MINUTE); // its process died: the claim is abandoned
    const retry = await client.post(url, body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(await staffWithEmail(body.email)).toHaveLength(1);
  });

  it('writes once when two identical requests race', async () => {
    const body = newStaff();
    const key = `key-${unique()}`;
    const url = `/api/v1/sites/${site.id}/staff`;
    const responses = await Promise.all([
      client.post(url, body, { 'idempotency-key': key }),
      client.post(url, body, { 'idempotency-key': key }),
      client.post(url, body, { 'idempotency-key': key }),
    ]);
    for (const response of responses) expect([201, 409]).toContain(response.status);
    expect(responses.some((response) => response.status === 201)).toBe(true);
    expect(await staffWithEmail(body.email)).toHaveLength(1);
  });

  it('frees the key when the request fails, so a corrected retry can use it', async () => {
    const key = `key-${unique()}`;
    const body = { ...newStaff(), initialPassword: 'short' };
    const failed = await client.post(`/api/v1/sites/${site.id}/staff`, body, { 'idempotency-key': key });
    expect(failed.status).toBe(400);
    expect(failed.body.error.code).toBe('PASSWORD_TOO_SHORT');
    expect(await staffWithEmail(body.email)).toHaveLength(0);
    const fixed = await client.post(
      `/api/v1/sites/${site.id}/staff`,
      { ...body, initialPassword: 'long-enough-password' },
      { 'idempotency-key': key },
    );
    expect(fixed.status).toBe(201);
  });

  it('rejects a malformed key', async () => {
    const response = await client.post(`/api/v1/sites/${site.id}/staff`, newStaff(), {
      'idempotency-key': 'x',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it("keeps one user's keys apart from another's", async () => {
    const otherAdmin = await makeUser(t.database.db, site, 'admin');
    const otherClient = t.client();
    await otherClient.logIn(otherAdmin.email, otherAdmin.password);
    const key = `shared-${unique()}`;
    const mine = newStaff();
    const theirs = newStaff();
    expect(
      (await client.post(`/api/v1/sites/${site.id}/staff`, mine, { 'idempotency-key': key })).status,
    ).toBe(201);
    const response = await otherClient.post(`/api/v1/sites/${site.id}/staff`, theirs, {
      'idempotency-key': key,
    });
    expect(response.status).toBe(201);
    expect(response.body.email).toBe(theirs.email);
  });
});

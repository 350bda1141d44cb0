import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;

type Item = { kind: string; id: string; at: string; what: string; detail: string | null; by: string | null };

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId };
}

const auditCount = async (participantId: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('resource_id', '=', participantId)
      .where('action', '=', 'participant.viewed')
      .execute()
  ).length;

/** Every page of the timeline from `cursor` on, `limit` at a time. */
async function pagesFrom(client: HttpClient, url: string, cursor: string | null, limit?: number) {
  const items: Item[] = [];
  let pages = 0;
  while (cursor) {
    const query = new URLSearchParams({ before: cursor, ...(limit ? { limit: String(limit) } : {}) });
    const page = await client.get(`${url}/timeline?${query}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    if (limit) expect(page.body.timeline.length).toBeLessThanOrEqual(limit);
    items.push(...page.body.timeline);
    cursor = page.body.timelineCursor;
    pages += 1;
    if (pages > 100) throw new Error('the cursor never ends');
  }
  return { items, pages };
}

const key = (item: Item) => `${item.kind}:${item.id}`;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("a participant's timeline, a page at a time", () => {
  let url: string;
  let caseManager: HttpClient;
  let officer: HttpClient;
  let participantId: string;
  const tied = '2026-06-01T12:00:00.000Z';

  beforeAll(async () => {
    t.clock.set(new Date('2026-06-01T12:00:00Z'));
    const site = await makeSite(t.database.db, { timezone: 'America/New_York' });
    const manager = await signedIn(site, 'case_manager');
    caseManager = manager.client;
    officer = (await signedIn(site, 'officer')).client;
    ({ participantId } = await makeParticipant(t, site, officer, { caseManagerId: manager.userId }));
    url = `/api/v1/sites/${site.id}/participants/${participantId}`;
    // Many things at exactly the same time (the intake started, 40 contacts, two goals, a booking), so
    // pages must split ties; and some at other times.
    for (let index = 0; index < 40; index++) {
      const logged = await caseManager.post(`${url}/contacts`, { kind: 'field', occurredAt: tied });
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    }
    for (let index = 0; index < 15; index++)
      await caseManager.post(`${url}/contacts`, {
        kind: 'phone',
        occurredAt: new Date(Date.parse(tied) - (index + 1) * 86_400_000).toISOString(),
      });
    for (const goal of ['Get my ID back', 'A bed for the winter'])
      expect((await caseManager.post(`${url}/plan/goals`, { goal, needs: ['id_documents'] })).status).toBe(
        201,
      );
    const booked = await caseManager.post(`${url}/appointments`, {
      startsAt: '2026-06-03T15:00:00Z',
      place: 'Program office',
      withWhom: 'Case manager',
      purpose: 'Check-in',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  });

  it('shows the newest 50 on the record, with a cursor; older pages hold the rest, none lost or repeated', async () => {
    const before = await auditCount(participantId);
    const record = await caseManager.get(url);
    expect(record.status, JSON.stringify(record.body)).toBe(200);
    const first: Item[] = record.body.timeline;
    expect(first).toHaveLength(50);
    expect(record.body.timelineCursor).toEqual(expect.any(String));

    const rest = await pagesFrom(caseManager, url, record.body.timelineCursor);
    const all = [...first, ...rest.items];
    // 1 status event + 55 contacts + 2 goals + 1 booking.
    expect(all).toHaveLength(59);
    expect(new Set(all.map(key)).size).toBe(59);
    expect(all.filter((item) => item.kind === 'contact')).toHaveLength(55);
    expect(all.filter((item) => item.at === tied).length).toBeGreaterThan(40);
    // Newest first.
    for (let index = 1; index < all.length; index++)
      expect(Date.parse(all[index - 1]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(all[index]?.at ?? ''));
    // Every read of the record, a page included, is audited.
    expect(await auditCount(participantId)).toBe(before + 1 + rest.pages);
  });

  it('pages of 3 through the ties give the same timeline, item for item', async () => {
    const whole = await caseManager.get(`${url}/timeline?limit=100`);
    expect(whole.status, JSON.stringify(whole.body)).toBe(200);
    expect(whole.body.timelineCursor).toBeNull();
    const start = await caseManager.get(`${url}/timeline?limit=3`);
    expect(start.body.timeline).toHaveLength(3);
    const paged = await pagesFrom(caseManager, url, start.body.timelineCursor, 3);
    const items = [...start.body.timeline, ...paged.items];
    expect(items.map(key)).toEqual(whole.body.timeline.map(key));
    expect(items).toEqual(whole.body.timeline);
  });

  it('refuses a cursor it did not make, naming the field; others get nothing', async () => {
    for (const before of ['not-a-cursor', Buffer.from('["x","contact","1"]').toString('base64url'), 'a b']) {
      const refused = await caseManager.get(`${url}/timeline?before=${encodeURIComponent(before)}`);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(refused.body)).toContain('before');
    }
    expect((await caseManager.get(`${url}/timeline?limit=0`)).status).toBe(400);
    expect((await officer.get(`${url}/timeline`)).status).toBe(404);
  });
});

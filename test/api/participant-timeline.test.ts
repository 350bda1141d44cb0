import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { MINUTE } from '../support/clock.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { linkProvider, makePartner, makeRelease } from '../support/service-referral-fixtures.ts';
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
    const noItems = await caseManager.get(`${url}/timeline?limit=0`);
    expect(noItems.status).toBe(400);
    expect(noItems.body.error.message).toMatch(/limit/);
    expect((await officer.get(`${url}/timeline`)).status).toBe(404);
  });
});

describe("service referrals and the hand-off that brought the person in, on the person's timeline", () => {
  const start = new Date('2026-07-01T10:00:00.000Z');
  const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE).toISOString();
  let url: string;
  let caseManager: HttpClient;
  const names: Record<string, string> = {};
  let whole: Item[];

  beforeAll(async () => {
    t.clock.set(start);
    const site = await makeSite(t.database.db, { timezone: 'America/New_York' });
    const manager = await signedIn(site, 'case_manager');
    caseManager = manager.client;
    const officer = await signedIn(site, 'officer');
    const programManager = await signedIn(site, 'program_manager');
    const provider = await signedIn(site, 'provider');
    for (const [role, { userId }] of Object.entries({ manager, officer, programManager, provider }))
      names[role] = (
        await t.database.db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', userId)
          .executeTakeFirstOrThrow()
      ).display_name;
    const { participantId, referralId } = await makeParticipant(t, site, officer.client, {
      caseManagerId: manager.userId,
    });
    url = `/api/v1/sites/${site.id}/participants/${participantId}`;
    const api = `/api/v1/sites/${site.id}`;
    const expectOk = (response: { status: number; body: unknown }, status = 200) =>
      expect(response.status, JSON.stringify(response.body)).toBe(status);

    // Minute 1: the officer asks for a hand-off by phone; no one is on call, so it goes up every level
    // at once and is unanswered. Minute 2 a program manager answers it late, minute 3 hands off by phone.
    t.clock.set(new Date(at(1)));
    const handoff = await officer.client.post(`${api}/referrals/${referralId}/handoffs`, { mode: 'phone' });
    expectOk(handoff, 201);
    t.clock.set(new Date(at(2)));
    expectOk(
      await programManager.client.post(`${api}/handoffs/${handoff.body.id}/events`, {
        type: 'acknowledge',
        etaMinutes: 5,
      }),
    );
    t.clock.set(new Date(at(3)));
    expectOk(
      await programManager.client.post(`${api}/handoffs/${handoff.body.id}/events`, { type: 'by_phone' }),
    );
    // Minute 4: another hand-off, in person; minute 5 the responder cannot come, and says why.
    t.clock.set(new Date(at(4)));
    const again = await officer.client.post(`${api}/referrals/${referralId}/handoffs`, { mode: 'in_person' });
    expectOk(again, 201);
    t.clock.set(new Date(at(5)));
    expectOk(
      await programManager.client.post(`${api}/handoffs/${again.body.id}/events`, {
        type: 'unable',
        reason: 'SECRET-UNABLE stuck at another crisis call',
      }),
    );

    // Minute 10: a service referral to a partner, then the partner's and the care team's changes.
    const clients = { program_manager: programManager.client } as Parameters<
      typeof makePartner
    >[0]['clients'];
    const shelter = await makePartner({ site, clients }, 'Harbor Light Shelter');
    await linkProvider({ site, clients }, provider.userId, shelter.organizationId);
    // Minute 8: the release that lets the partner receive it.
    t.clock.set(new Date(at(8)));
    await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['service_referrals'],
      recordedBy: manager.userId,
    });
    t.clock.set(new Date(at(10)));
    const sent = await caseManager.post(`${url}/service-referrals`, {
      serviceId: shelter.serviceId,
      reason: 'SECRET-SENT withdrawal and a wound that needs care',
    });
    expectOk(sent, 201);
    const referral = sent.body.id as string;
    t.clock.set(new Date(at(11)));
    expectOk(
      await provider.client.post(`${api}/provider/referrals/${referral}/status`, {
        status: 'received',
        reason: 'SECRET-RECEIVED',
      }),
    );
    t.clock.set(new Date(at(12)));
    expectOk(
      await provider.client.post(`${api}/provider/referrals/${referral}/status`, {
        status: 'accepted',
        reason: 'SECRET-ACCEPTED bed 4, on methadone',
      }),
    );
    // Minute 13: the care team puts it on hold, and logs a contact at that very minute (a tie across kinds).
    t.clock.set(new Date(at(13)));
    expectOk(
      await caseManager.post(`${api}/service-referrals/${referral}/status`, {
        status: 'on_hold',
        reason: 'SECRET-HOLD back in hospital',
      }),
    );
    expectOk(await caseManager.post(`${url}/contacts`, { kind: 'office', occurredAt: at(13) }), 201);

    const response = await caseManager.get(`${url}/timeline?limit=100`);
    expectOk(response);
    expect(response.body.timelineCursor).toBeNull();
    whole = response.body.timeline;
  }, 120_000);

  it('shows each step, newest first among the others, with who took it and the service, never a reason', async () => {
    const shelter = 'Harbor Light Shelter intake · Harbor Light Shelter';
    const handoffs = whole.filter((item) => item.kind === 'handoff');
    // The escalations of the first hand-off happened at the same millisecond as its request.
    expect(handoffs.filter((item) => item.at === at(1)).map((item) => item.what)).toEqual([
      'handoff.unanswered',
      'handoff.escalated',
      'handoff.escalated',
      'handoff.requested.phone',
    ]);
    expect(
      whole
        .filter((item) => item.what !== 'handoff.escalated' && item.what !== 'handoff.unanswered')
        .map(({ at: when, kind, what, detail, by }) => ({ at: when, kind, what, detail, by })),
    ).toEqual([
      {
        at: at(13),
        kind: 'service_referral',
        what: 'service_referral.status.on_hold',
        detail: shelter,
        by: names.manager,
      },
      { at: at(13), kind: 'contact', what: 'contact.office', detail: null, by: names.manager },
      {
        at: at(12),
        kind: 'service_referral',
        what: 'service_referral.status.accepted',
        detail: shelter,
        by: names.provider,
      },
      {
        at: at(11),
        kind: 'service_referral',
        what: 'service_referral.status.received',
        detail: shelter,
        by: names.provider,
      },
      {
        at: at(10),
        kind: 'service_referral',
        what: 'service_referral.sent',
        detail: shelter,
        by: names.manager,
      },
      { at: at(8), kind: 'release', what: 'release.signed', detail: 'The partner', by: names.manager },
      { at: at(5), kind: 'handoff', what: 'handoff.unable', detail: null, by: names.programManager },
      { at: at(4), kind: 'handoff', what: 'handoff.requested.in_person', detail: null, by: names.officer },
      { at: at(3), kind: 'handoff', what: 'handoff.by_phone', detail: null, by: names.programManager },
      { at: at(2), kind: 'handoff', what: 'handoff.acknowledged', detail: null, by: names.programManager },
      { at: at(1), kind: 'handoff', what: 'handoff.requested.phone', detail: null, by: names.officer },
      { at: at(0), kind: 'status', what: 'status.intake_started', detail: null, by: null },
    ]);
    for (const item of whole.filter((entry) => entry.what === 'handoff.escalated'))
      expect(item.by).toBeNull();
    expect(new Set(whole.map(key)).size).toBe(whole.length);
  });

  it('pages of 2 across them lose nothing and repeat nothing', async () => {
    const first = await caseManager.get(`${url}/timeline?limit=2`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const rest = await pagesFrom(caseManager, url, first.body.timelineCursor, 2);
    expect([...first.body.timeline, ...rest.items]).toEqual(whole);
  });

  it('keeps every reason out of the record and the timeline', async () => {
    const record = await caseManager.get(url);
    expect(record.status).toBe(200);
    expect(record.body.timeline).toEqual(whole);
    const paged = await pagesFrom(
      caseManager,
      url,
      (await caseManager.get(`${url}/timeline?limit=1`)).body.timelineCursor,
      1,
    );
    for (const shown of [record.body, whole, paged.items])
      expect(JSON.stringify(shown)).not.toContain('SECRET');
  });
});

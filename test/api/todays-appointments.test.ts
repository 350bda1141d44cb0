import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// The case manager's home: today's appointments across participants, "today" being the site's own
// calendar day. The test clock reads 2026-05-01T12:00Z, 08:00 in New York (EDT, UTC-4): the site's
// day runs from 2026-05-01T04:00Z to 2026-05-02T04:00Z.

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
let caseManager: HttpClient;
let caseManagerId: string;
let caseManagerLogin: { email: string; password: string };
let colleague: HttpClient;
let colleagueId: string;
let officer: HttpClient;
let otherCaseManager: HttpClient;

const todayUrl = (siteId: string, query = '') => `/api/v1/sites/${siteId}/appointments/today${query}`;

async function signedIn(at: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, at, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId, login: { email: user.email, password: user.password } };
}

async function book(client: HttpClient, at: SiteRow, participantId: string, startsAt: string, place: string) {
  const response = await client.post(`/api/v1/sites/${at.id}/participants/${participantId}/appointments`, {
    startsAt,
    place,
    withWhom: 'Synthetic clinic nurse',
    purpose: 'Medication follow-up',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

const places = (body: { appointments: { place: string }[] }) => body.appointments.map((each) => each.place);

let mineId: string;
let colleaguesId: string;

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db, { timezone: 'America/New_York' });
  otherSite = await makeSite(t.database.db, { timezone: 'America/New_York' });
  ({
    client: caseManager,
    userId: caseManagerId,
    login: caseManagerLogin,
  } = await signedIn(site, 'case_manager'));
  ({ client: colleague, userId: colleagueId } = await signedIn(site, 'case_manager'));
  ({ client: officer } = await signedIn(site, 'officer'));
  const other = await signedIn(otherSite, 'case_manager');
  otherCaseManager = other.client;

  const mine = await makeParticipant(t, site, caseManager, { caseManagerId });
  const colleagues = await makeParticipant(t, site, colleague, { caseManagerId: colleagueId });
  mineId = mine.participantId;
  colleaguesId = colleagues.participantId;
  // Around the site's midnights (New York), on the viewer's caseload.
  await book(caseManager, site, mineId, '2026-05-01T03:59:00Z', 'Yesterday late');
  await book(caseManager, site, mineId, '2026-05-01T04:00:00Z', 'Local midnight');
  await book(caseManager, site, mineId, '2026-05-01T18:30:00Z', 'Afternoon');
  await book(caseManager, site, mineId, '2026-05-02T03:59:00Z', 'Local 23:59');
  await book(caseManager, site, mineId, '2026-05-02T04:00:00Z', 'Tomorrow midnight');
  const cancelled = await book(caseManager, site, mineId, '2026-05-01T15:00:00Z', 'Cancelled one');
  const cancel = await caseManager.post(
    `/api/v1/sites/${site.id}/participants/${mineId}/appointments/${cancelled}/status`,
    { status: 'cancelled' },
  );
  expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
  // A colleague's participant today, and another site's.
  await book(colleague, site, colleaguesId, '2026-05-01T14:00:00Z', 'Colleague morning');
  const elsewhere = await makeParticipant(t, otherSite, otherCaseManager, { caseManagerId: other.userId });
  await book(otherCaseManager, otherSite, elsewhere.participantId, '2026-05-01T16:00:00Z', 'Other site');
});
afterAll(() => t.close());

describe("today's appointments", () => {
  it("lists the viewer's caseload for the site's own calendar day, midnight to midnight, earliest first, cancellations marked", async () => {
    const response = await caseManager.get(todayUrl(site.id));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(places(response.body)).toEqual(['Local midnight', 'Cancelled one', 'Afternoon', 'Local 23:59']);
    expect(response.body.appointments[1].status).toBe('cancelled');
    const [first] = response.body.appointments;
    expect(first).toMatchObject({
      participantId: mineId,
      startsAt: '2026-05-01T04:00:00.000Z',
      withWhom: 'Synthetic clinic nurse',
      status: 'scheduled',
    });
    expect(typeof first.personName).toBe('string');
  });

  it("shows the whole site's day on request, never another site's", async () => {
    const response = await caseManager.get(todayUrl(site.id, '?scope=site'));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(places(response.body)).toEqual([
      'Local midnight',
      'Colleague morning',
      'Cancelled one',
      'Afternoon',
      'Local 23:59',
    ]);
    const colleagueView = await colleague.get(todayUrl(site.id));
    expect(places(colleagueView.body)).toEqual(['Colleague morning']);
  });

  it("records the read of each listed participant's appointments in the audit log", async () => {
    await caseManager.get(todayUrl(site.id));
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['resource_id', 'site_id'])
      .where('action', '=', 'participant.appointments.today')
      .where('user_id', '=', caseManagerId)
      .execute();
    // One row per participant read: the viewer's own here, their colleague's when they asked for the site.
    expect(new Set(rows.map((row) => row.resource_id))).toEqual(new Set([mineId, colleaguesId]));
    expect(rows.every((row) => row.site_id === site.id)).toBe(true);
  });

  it('refuses a bad query naming the field, officers (403) and another site (404)', async () => {
    const bad = await caseManager.get(todayUrl(site.id, '?scope=everyone'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('scope');
    const unknown = await caseManager.get(todayUrl(site.id, '?day=tomorrow'));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('day');
    expect((await officer.get(todayUrl(site.id))).status).toBe(404);
    expect((await otherCaseManager.get(todayUrl(site.id))).status).toBe(404);
  });
  it('moves with the site day as the clock moves past local midnight', async () => {
    const start = t.clock.now();
    try {
      t.clock.set(new Date('2026-05-02T04:30:00Z')); // 00:30 on 2 May in New York
      const client = t.client();
      await client.logIn(caseManagerLogin.email, caseManagerLogin.password);
      const response = await client.get(todayUrl(site.id));
      expect(places(response.body)).toEqual(['Tomorrow midnight']);
    } finally {
      t.clock.set(start);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { MINUTE } from '../support/clock.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { openEventStream } from '../support/event-stream.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// 02:00 on a Saturday in Wilmington (EDT, UTC-4): the night shift that began Friday 22:00 is on.
const TWO_AM = new Date('2026-05-02T06:00:00Z');

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
type Person = { client: HttpClient; userId: string; email: string };
let officer: Person;
let otherOfficer: Person;
let primary: Person;
let backup: Person;
let programManager: Person;
let officerAtOtherSite: Person;

async function signedIn(target: SiteRow, role: Role): Promise<Person> {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return { client, userId: user.userId, email: user.email };
}

const inSite = <T>(target: SiteRow, work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: target.id, userId: null }, work);

/** A fresh timer worker, as after a restart, on the test's clock and the server's live broker. */
const runTimers = () =>
  runTimersOnce(
    { db: t.database.db, clock: t.clock.now, config: testConfig() },
    timerHandlers({ live: t.live }),
  );

const messagesTo = (email: string) =>
  inSite(site, (tx) =>
    tx
      .selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'body', 'purpose', 'channel'])
      .where('recipient', '=', email)
      .execute(),
  );

const stepsOf = (handoffId: string) =>
  inSite(site, (tx) =>
    tx.selectFrom('handoff_events').selectAll().where('handoff_id', '=', handoffId).orderBy('seq').execute(),
  );

async function acceptedReferral(by: Person, nameOrAlias: string): Promise<string> {
  const response = await by.client.post(
    `/api/v1/sites/${site.id}/encounters`,
    eligibleEncounter({ area: 'Beat 4', occurredAt: '2026-05-02T05:50:00Z', person: { nameOrAlias } }),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expect(response.body.referral.status).toBe('accepted');
  return response.body.referral.id;
}

const requestHandoff = (by: Person, referralId: string, mode = 'in_person') =>
  by.client.post(`/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`, { mode });
const answer = (by: Person, handoffId: string, body: Record<string, unknown>) =>
  by.client.post(`/api/v1/sites/${site.id}/handoffs/${handoffId}/events`, body);
const liveUrl = (target: SiteRow) => `${t.baseUrl}/api/v1/sites/${target.id}/live`;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TWO_AM);
  site = await makeSite(t.database.db, { timezone: 'America/New_York' });
  otherSite = await makeSite(t.database.db);
  officer = await signedIn(site, 'officer');
  otherOfficer = await signedIn(site, 'officer');
  primary = await signedIn(site, 'case_manager');
  backup = await signedIn(site, 'case_manager');
  programManager = await signedIn(site, 'program_manager');
  officerAtOtherSite = await signedIn(otherSite, 'officer');
  const pattern = await programManager.client.request('PUT', `/api/v1/sites/${site.id}/on-call/pattern`, {
    body: {
      shifts: [
        { weekday: 5, startsAt: '22:00', endsAt: '08:00', level: 1, userId: primary.userId },
        { weekday: 5, startsAt: '22:00', endsAt: '08:00', level: 2, userId: backup.userId },
      ],
    },
  });
  expect(pattern.status, JSON.stringify(pattern.body)).toBe(200);
}, 60_000);
afterAll(() => t.close());

describe('a warm hand-off at 2 a.m.', () => {
  it('reaches the primary live and by e-mail, escalates to the backup after the limit, and the officer watches it', async () => {
    const name = 'Synthetic Nightowl';
    const referralId = await acceptedReferral(officer, name);
    const primaryStream = await openEventStream(primary.client, liveUrl(site));
    const backupStream = await openEventStream(backup.client, liveUrl(site));
    const officerStream = await openEventStream(officer.client, liveUrl(site));
    expect(primaryStream.status).toBe(200);
    expect(primaryStream.contentType).toMatch(/^text\/event-stream/);

    const requestedAt = Date.now();
    const requested = await requestHandoff(officer, referralId);
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({
      state: 'requested',
      level: 1,
      mode: 'in_person',
      requestedByMe: true,
    });
    const handoffId: string = requested.body.id;

    const offered = await primaryStream.next(1000);
    expect(Date.now() - requestedAt).toBeLessThan(1000);
    expect(offered).toEqual({
      type: 'handoff.offered',
      data: { handoffId, state: 'requested', level: 1, etaMinutes: null, at: TWO_AM.toISOString() },
    });
    expect(JSON.stringify(offered)).not.toContain(name);
    expect(await officerStream.next(1000)).toMatchObject({
      type: 'handoff.updated',
      data: { handoffId, state: 'requested', level: 1 },
    });
    const primaryMail = await messagesTo(primary.email);
    expect(primaryMail).toEqual([
      {
        recipient: primary.email,
        channel: 'email',
        subject: 'LEAD hand-off waiting',
        body: `A LEAD hand-off is waiting at Beat 4, open the app: http://localhost:3000/handoffs/${handoffId}`,
        purpose: 'handoff.offered',
      },
    ]);

    // A worker run before the limit (a restart) does nothing; nobody acknowledges.
    t.clock.advance(4 * MINUTE);
    expect((await runTimers()).fired).toBe(0);
    expect((await officer.client.get(`/api/v1/sites/${site.id}/handoffs/${handoffId}`)).body.level).toBe(1);

    // Past the five minutes: a fresh worker escalates to the backup, once, however often it runs.
    t.clock.advance(1 * MINUTE + 1000);
    const escalatedAt = t.clock.now();
    expect((await runTimers()).fired).toBe(1);
    expect((await runTimers()).fired).toBe(0);
    const backupOffer = await backupStream.next(1000);
    expect(backupOffer).toMatchObject({ type: 'handoff.offered', data: { handoffId, level: 2 } });
    expect(await messagesTo(backup.email)).toHaveLength(1);
    expect(await messagesTo(primary.email)).toHaveLength(1);
    const escalations = (await stepsOf(handoffId)).filter((step) => step.event === 'escalate');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ level: 2, user_id: backup.userId, from_state: 'requested' });
    expect((await officerStream.next(1000)).data).toMatchObject({ handoffId, state: 'requested', level: 2 });

    // The primary can no longer answer it; the backup acknowledges with an ETA and arrives.
    expect((await answer(primary, handoffId, { type: 'acknowledge', etaMinutes: 5 })).body.error.code).toBe(
      'NOT_THE_RESPONDER',
    );
    t.clock.advance(MINUTE);
    const acknowledged = await answer(backup, handoffId, { type: 'acknowledge', etaMinutes: 15 });
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', etaMinutes: 15, offeredToMe: true });
    expect((await officerStream.next(1000)).data).toMatchObject({ state: 'acknowledged', etaMinutes: 15 });
    t.clock.advance(2 * MINUTE);
    expect((await answer(backup, handoffId, { type: 'en_route' })).status).toBe(200);
    t.clock.advance(12 * MINUTE);
    expect((await answer(backup, handoffId, { type: 'arrived' })).body.state).toBe('arrived');

    const seen = await officer.client.get(`/api/v1/sites/${site.id}/handoffs/${handoffId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      id: handoffId,
      referralId,
      state: 'arrived',
      level: 2,
      etaMinutes: 15,
      requestedAt: TWO_AM.toISOString(),
      acknowledgedAt: new Date(escalatedAt.getTime() + MINUTE).toISOString(),
      enRouteAt: new Date(escalatedAt.getTime() + 3 * MINUTE).toISOString(),
      endedAt: new Date(escalatedAt.getTime() + 15 * MINUTE).toISOString(),
    });
    expect(
      seen.body.steps.map((step: { event: string; state: string; level: number }) => [
        step.event,
        step.state,
        step.level,
      ]),
    ).toEqual([
      ['request', 'requested', 1],
      ['escalate', 'requested', 2],
      ['acknowledge', 'acknowledged', 2],
      ['en_route', 'en_route', 2],
      ['arrived', 'arrived', 2],
    ]);
    expect(JSON.stringify(seen.body)).not.toContain(name);
    expect(seen.body.steps[0]).not.toHaveProperty('reason');

    // The timer of the acknowledged level never escalates it again.
    t.clock.advance(30 * MINUTE);
    await runTimers();
    expect((await stepsOf(handoffId)).filter((step) => step.event === 'escalate')).toHaveLength(1);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', handoffId)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'handoff.requested',
      'handoff.escalated',
      'handoff.acknowledge',
      'handoff.en_route',
      'handoff.arrived',
    ]);
    for (const stream of [primaryStream, backupStream, officerStream]) stream.close();
    t.clock.set(TWO_AM);
  });

  it('goes unanswered after the last level, and escalates at once past a level no one holds', async () => {
    const referralId = await acceptedReferral(officer, 'Synthetic Unanswered');
    const handoffId: string = (await requestHandoff(officer, referralId, 'phone')).body.id;
    t.clock.advance(5 * MINUTE + 1000);
    await runTimers();
    t.clock.advance(5 * MINUTE + 1000);
    await runTimers();
    await runTimers();
    const seen = await officer.client.get(`/api/v1/sites/${site.id}/handoffs/${handoffId}`);
    expect(seen.body.steps.map((step: { state: string; level: number }) => [step.state, step.level])).toEqual(
      [
        ['requested', 1],
        ['requested', 2],
        // No one holds level 3: offered to no one, and unanswered at once.
        ['requested', 3],
        ['unanswered', 3],
      ],
    );
    const queue = await primary.client.get(`/api/v1/sites/${site.id}/handoffs?state=open`);
    expect(queue.status).toBe(200);
    expect(queue.body.handoffs.map((entry: { id: string }) => entry.id)).toContain(handoffId);
    // A late answer is still welcome; a program manager may answer any.
    const late = await answer(programManager, handoffId, { type: 'acknowledge', etaMinutes: 20 });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect((await answer(programManager, handoffId, { type: 'by_phone' })).body.state).toBe(
      'handed_off_by_phone',
    );
    const after = await primary.client.get(`/api/v1/sites/${site.id}/handoffs?state=open`);
    expect(after.body.handoffs.map((entry: { id: string }) => entry.id)).not.toContain(handoffId);
    t.clock.set(TWO_AM);
  });

  it('shows a hand-off only to its officer and the care team, refuses illegal changes, and needs an accepted referral', async () => {
    const referralId = await acceptedReferral(officer, 'Synthetic Private');
    const handoffId: string = (await requestHandoff(officer, referralId)).body.id;
    const path = `/api/v1/sites/${site.id}/handoffs/${handoffId}`;
    expect((await otherOfficer.client.get(path)).status).toBe(404);
    expect(
      (await officerAtOtherSite.client.get(`/api/v1/sites/${otherSite.id}/handoffs/${handoffId}`)).status,
    ).toBe(404);
    expect((await officerAtOtherSite.client.get(path)).status).toBe(404);
    expect(
      (await otherOfficer.client.post(`/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`, {}))
        .status,
    ).toBe(404);
    expect((await primary.client.get(path)).status).toBe(200);
    expect((await officer.client.post(`${path}/events`, { type: 'arrived' })).status).toBe(403);

    for (const illegal of [{ type: 'en_route' }, { type: 'arrived' }, { type: 'by_phone' }]) {
      const response = await answer(primary, handoffId, illegal);
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('INVALID_TRANSITION');
    }
    expect((await answer(primary, handoffId, { type: 'unable', reason: 'On another call' })).body.state).toBe(
      'unable',
    );
    const again = await answer(primary, handoffId, { type: 'acknowledge', etaMinutes: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    expect((await primary.client.get(path)).body.steps.at(-1)).toMatchObject({ reason: 'On another call' });
    const officerLast = (await officer.client.get(path)).body.steps.at(-1);
    expect(officerLast).toMatchObject({ event: 'unable', state: 'unable' });
    expect(officerLast).not.toHaveProperty('reason');

    const pending = await officer.client.post(
      `/api/v1/sites/${site.id}/encounters`,
      eligibleEncounter({ offer: { outcome: 'pending' } }),
    );
    const notAccepted = await requestHandoff(officer, pending.body.referral.id);
    expect(notAccepted.status).toBe(409);
    expect(notAccepted.body.error.code).toBe('REFERRAL_NOT_ACCEPTED');
  });

  it('guards the live stream like every route: signed in, at the site', async () => {
    const anonymous = await fetch(liveUrl(site));
    expect(anonymous.status).toBe(401);
    const elsewhere = await fetch(liveUrl(site), {
      headers: { cookie: officerAtOtherSite.client.cookieHeader() },
    });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it('ends open streams when the server closes, so shutdown does not wait on them', async () => {
    const other = await startTestApp();
    try {
      const otherSiteRow = await makeSite(other.database.db);
      const user = await makeUser(other.database.db, otherSiteRow, 'case_manager');
      const client = other.client();
      await client.logIn(user.email, user.password);
      const stream = await openEventStream(client, `${other.baseUrl}/api/v1/sites/${otherSiteRow.id}/live`);
      expect(stream.status).toBe(200);
      expect(other.live.listenerCount()).toBe(1);
      const started = Date.now();
      await other.app.close();
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(stream.next(1000)).rejects.toThrow(/ended/);
      expect(other.live.listenerCount()).toBe(0);
    } finally {
      await other.database.close();
    }
  });
});

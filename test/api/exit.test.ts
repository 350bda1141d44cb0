import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { HOUR } from '../support/clock.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DAY = 24 * HOUR;

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
const clients = {} as Record<Role, HttpClient>;
const userIds = {} as Record<Role, string>;
let otherCaseManager: HttpClient;

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId };
}

/**
 * Runs `work` with the server's clock `by` later, as a case manager signed in then (the other
 * clients' sessions would have lapsed), and puts the clock back after.
 */
async function withClockMoved(by: number, work: (caseManager: HttpClient) => Promise<void>) {
  const start = t.clock.now();
  t.clock.advance(by);
  try {
    await work((await signedIn(site, 'case_manager')).client);
  } finally {
    t.clock.set(start);
  }
}

const base = () => `/api/v1/sites/${site.id}/participants`;
const participant = () => makeParticipant(t, site, clients.case_manager);
const exit = (client: HttpClient, participantId: string, body: Record<string, unknown>) =>
  client.post(`${base()}/${participantId}/exit`, body);

const auditActions = async (participantId: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('resource_id', '=', participantId)
      .orderBy('seq')
      .execute()
  ).map((row) => row.action);

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  for (const role of [
    'case_manager',
    'outreach',
    'peer_support',
    'program_manager',
    'officer',
    'prosecutor',
    'analyst',
    'provider',
  ] as const) {
    const user = await signedIn(site, role);
    clients[role] = user.client;
    userIds[role] = user.userId;
  }
  otherCaseManager = (await signedIn(otherSite, 'case_manager')).client;
});
afterAll(() => t.close());

describe('exit', () => {
  it.each(['goals_met', 'voluntary', 'moved', 'deceased'] as const)(
    'a case manager exits someone for %s, recorded as a status step with who and when',
    async (reason) => {
      const { participantId } = await participant();
      const response = await exit(clients.case_manager, participantId, { reason, note: 'Synthetic note' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        participantId,
        status: 'exited',
        exitReason: reason,
        exitedAt: t.clock.now().toISOString(),
      });
      expect(response.body.events.at(-1)).toEqual({
        seq: response.body.events.length,
        event: 'exited',
        fromStatus: 'enrolled',
        toStatus: 'exited',
        exitReason: reason,
        note: 'Synthetic note',
        byUserId: userIds.case_manager,
        at: t.clock.now().toISOString(),
      });
      expect(await auditActions(participantId)).toEqual([`participant.exited.${reason}`]);
    },
  );

  it('no contact past the limit only once the person is "in the wind": day 90 refused, day 91 allowed (default thresholds)', async () => {
    const { participantId } = await participant();
    const contact = await clients.case_manager.post(`${base()}/${participantId}/contacts`, {
      kind: 'field',
      occurredAt: t.clock.now().toISOString(),
      durationMinutes: 10,
      note: 'Synthetic check-in',
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const refusedNow = await exit(clients.case_manager, participantId, { reason: 'no_contact_past_limit' });
    expect(refusedNow.status).toBe(409);
    expect(refusedNow.body.error.code).toBe('NOT_IN_THE_WIND');

    await withClockMoved(90 * DAY, async (caseManager) => {
      const refused = await exit(caseManager, participantId, { reason: 'no_contact_past_limit' });
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(refused.body.error.code).toBe('NOT_IN_THE_WIND');
      expect(refused.body.error.message).toMatch(/90/);
      expect((await caseManager.get(`${base()}/${participantId}/status`)).body.status).toBe('enrolled');
    });
    await withClockMoved(91 * DAY, async (caseManager) => {
      const allowed = await exit(caseManager, participantId, { reason: 'no_contact_past_limit' });
      expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
      expect(allowed.body).toMatchObject({ status: 'exited', exitReason: 'no_contact_past_limit' });
    });
  });

  it("shows on the participant's timeline with its reason", async () => {
    const { participantId } = await participant();
    await withClockMoved(91 * DAY, async (caseManager) => {
      const exited = await exit(caseManager, participantId, { reason: 'no_contact_past_limit' });
      expect(exited.status, JSON.stringify(exited.body)).toBe(200);
    });
    const page = await clients.case_manager.get(`${base()}/${participantId}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const whats = page.body.timeline.map((item: { what: string }) => item.what);
    expect(whats).toContain('exit.no_contact_past_limit');
    expect(whats).not.toContain('status.exited');
  });

  it('removed for violence or threats toward staff needs a program manager', async () => {
    const { participantId } = await participant();
    for (const role of ['case_manager', 'outreach', 'peer_support'] as const) {
      const refused = await exit(clients[role], participantId, { reason: 'removed_for_violence' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    const status = await clients.case_manager.get(`${base()}/${participantId}/status`);
    expect(status.body.status).toBe('enrolled');
    const removed = await exit(clients.program_manager, participantId, { reason: 'removed_for_violence' });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ status: 'exited', exitReason: 'removed_for_violence' });
    expect(removed.body.events.at(-1).byUserId).toBe(userIds.program_manager);
  });

  it('missed_appointments is not a reason anyone chooses by hand; unknown reasons answer 400', async () => {
    const { participantId } = await participant();
    for (const reason of ['missed_appointments', 'bored', undefined]) {
      const refused = await exit(clients.program_manager, participantId, reason ? { reason } : {});
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.message).toMatch(/reason/);
    }
  });

  it('does not exit twice, and clears nothing else: the history and referral stay', async () => {
    const made = await participant();
    await exit(clients.case_manager, made.participantId, { reason: 'moved' });
    const again = await exit(clients.case_manager, made.participantId, { reason: 'voluntary' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const row = await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
      tx
        .selectFrom('participants')
        .select(['referral_id', 'person_id', 'enrolled_at', 'exit_reason'])
        .where('id', '=', made.participantId)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      referral_id: made.referralId,
      person_id: made.personId,
      exit_reason: 'moved',
    });
    expect(row.enrolled_at).not.toBeNull();
  });
});

describe('re-entry', () => {
  it('enrols again someone who exited, keeping every step, with an optional new referral', async () => {
    const first = await participant();
    await exit(clients.case_manager, first.participantId, { reason: 'moved' });
    t.clock.advance(60_000);
    const back = await clients.outreach.post(`${base()}/${first.participantId}/re-entry`, {
      note: 'Back in town',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ status: 'enrolled', exitReason: null, exitedAt: null });
    expect(back.body.events.map((event: { event: string }) => event.event).slice(-2)).toEqual([
      'exited',
      're_entered',
    ]);
    expect(back.body.events[0].event).toBe('intake_started');
    expect(back.body.events.at(-1)).toMatchObject({
      fromStatus: 'exited',
      toStatus: 'enrolled',
      note: 'Back in town',
      byUserId: userIds.outreach,
    });
    // Only from exited.
    const twice = await clients.outreach.post(`${base()}/${first.participantId}/re-entry`, {});
    expect(twice.status).toBe(409);
  });

  it('a new referral given on re-entry must be one of the same person', async () => {
    const first = await participant();
    const stranger = await participant();
    await exit(clients.case_manager, first.participantId, { reason: 'voluntary' });
    const wrong = await clients.case_manager.post(`${base()}/${first.participantId}/re-entry`, {
      referralId: stranger.referralId,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/referral/);
    const right = await clients.case_manager.post(`${base()}/${first.participantId}/re-entry`, {
      referralId: first.referralId,
    });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
  });
});

describe('who may', () => {
  it('officers, prosecutors, analysts and providers get nothing; another site answers 404', async () => {
    const { participantId } = await participant();
    for (const role of ['officer', 'prosecutor', 'analyst', 'provider'] as const) {
      expect((await clients[role].get(`${base()}/${participantId}/status`)).status).toBe(404);
      expect((await exit(clients[role], participantId, { reason: 'moved' })).status).toBe(404);
    }
    const elsewhere = await otherCaseManager.get(
      `/api/v1/sites/${otherSite.id}/participants/${participantId}/status`,
    );
    expect(elsewhere.status).toBe(404);
    const crossSite = await otherCaseManager.get(`${base()}/${participantId}/status`);
    expect(crossSite.status).toBe(404);
  });

  it('every read of the status is audited', async () => {
    const { participantId } = await participant();
    await clients.peer_support.get(`${base()}/${participantId}/status`);
    expect(await auditActions(participantId)).toEqual(['participant.status.view']);
  });
});

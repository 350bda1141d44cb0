import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import { appendStatusChanges } from '../../src/db/repositories/referrals.ts';
import { saveSiteSettings } from '../../src/db/repositories/screening-settings.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
let officer: HttpClient;
let officerName: string;
let caseManager: HttpClient;
let prosecutor: HttpClient;
let otherOfficer: HttpClient;
let otherProsecutor: HttpClient;

const unique = () => randomBytes(4).toString('hex');

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId };
}

const inSite = <T>(target: SiteRow, work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: target.id, userId: null }, work);

async function submit(client: HttpClient, target: SiteRow, overrides: Record<string, unknown> = {}) {
  const response = await client.post(`/api/v1/sites/${target.id}/encounters`, eligibleEncounter(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.referral as { id: string; status: string };
}

const arrest = (client = officer, target = site, overrides: Record<string, unknown> = {}) =>
  submit(client, target, {
    pathway: 'arrest_diversion',
    incidentNumber: `WPD-${unique()}`,
    chargeCodes: ['POSS_PARA'],
    ...overrides,
  });

const deadlineOf = (target: SiteRow, referralId: string) =>
  inSite(target, (tx) =>
    tx.selectFrom('intake_deadlines').selectAll().where('referral_id', '=', referralId).executeTakeFirst(),
  );
/** The deadline's timer (the reminders before it have timers of their own kinds). */
const timersOf = (target: SiteRow, referralId: string) =>
  inSite(target, (tx) =>
    tx
      .selectFrom('timers')
      .selectAll()
      .where('subject_id', '=', referralId)
      .where('kind', '=', 'intake_deadline')
      .execute(),
  );
const historyOf = (target: SiteRow, referralId: string) =>
  inSite(target, (tx) =>
    tx
      .selectFrom('referral_status_changes')
      .select(['from_status', 'to_status', 'reason', 'changed_by', 'changed_at'])
      .where('referral_id', '=', referralId)
      .orderBy('seq')
      .execute(),
  );
const statusOf = async (target: SiteRow, referralId: string) =>
  (
    await inSite(target, (tx) =>
      tx.selectFrom('referrals').select('status').where('id', '=', referralId).executeTakeFirstOrThrow(),
    )
  ).status;
const auditActions = async (resourceId: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', resourceId)
      .orderBy('seq')
      .execute()
  ).map((row) => row.action);

/** Runs the timer worker as a fresh process would, at `at` (the server's own clock is not moved). */
const runTimersAt = (at: Date) =>
  runTimersOnce({ db: t.database.db, clock: () => at, config: testConfig() }, timerHandlers());

/** Accepted now, then past its deadline with the timers run: "no intake by deadline". */
async function expire(target: SiteRow, referralId: string) {
  const deadline = await deadlineOf(target, referralId);
  if (!deadline) throw new Error('no deadline');
  await runTimersAt(new Date(deadline.due_at.getTime() + 1000));
  expect(await statusOf(target, referralId)).toBe('no_intake_by_deadline');
}

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  const signedInOfficer = await signedIn(site, 'officer');
  officer = signedInOfficer.client;
  officerName = (
    await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', signedInOfficer.userId)
      .executeTakeFirstOrThrow()
  ).display_name;
  caseManager = (await signedIn(site, 'case_manager')).client;
  prosecutor = (await signedIn(site, 'prosecutor')).client;
  otherOfficer = (await signedIn(otherSite, 'officer')).client;
  otherProsecutor = (await signedIn(otherSite, 'prosecutor')).client;
});
afterAll(() => t.close());

describe('the intake deadline', () => {
  it('starts at acceptance: 30 days for an arrest diversion, 14 for a social contact, with a timer', async () => {
    const now = t.clock.now();
    const arrested = await arrest();
    const social = await submit(officer, site);
    for (const [referral, days] of [
      [arrested, 30],
      [social, 14],
    ] as const) {
      const dueAt = new Date(now.getTime() + days * DAY);
      expect(await deadlineOf(site, referral.id)).toMatchObject({ accepted_at: now, due_at: dueAt });
      expect(await timersOf(site, referral.id)).toMatchObject([
        { kind: 'intake_deadline', due_at: dueAt, state: 'scheduled' },
      ]);
    }
  });

  it("follows the site's setting, and starts only once the offer is accepted", async () => {
    const target = await makeSite(t.database.db);
    const manager = (await signedIn(target, 'program_manager')).client;
    const url = `/api/v1/sites/${target.id}/screening/settings`;
    const zero = await manager.request('PUT', url, { body: { intakeDeadlineDays: { social_contact: 0 } } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/social_contact/);
    expect((await manager.request('PUT', url, { body: {} })).status).toBe(400);
    const saved = await manager.request('PUT', url, { body: { intakeDeadlineDays: { social_contact: 21 } } });
    expect(saved.status).toBe(200);
    expect(saved.body.intakeDeadlineDays).toEqual({
      arrest_diversion: 30,
      social_contact: 21,
      community_referral: 14,
      self_referral: 14,
    });
    const recorder = (await signedIn(target, 'officer')).client;
    const pending = await submit(recorder, target, { offer: { outcome: 'pending' } });
    expect(await deadlineOf(target, pending.id)).toBeUndefined();
    expect(await timersOf(target, pending.id)).toEqual([]);

    for (const type of ['offer', 'accept']) {
      const moved = await recorder.post(`/api/v1/sites/${target.id}/referrals/${pending.id}/events`, {
        type,
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    expect(await deadlineOf(target, pending.id)).toMatchObject({
      due_at: new Date(t.clock.now().getTime() + 21 * DAY),
    });
    expect(await timersOf(target, pending.id)).toHaveLength(1);
  });

  it('starts when the prosecutor approves, not while the referral waits for approval', async () => {
    const target = await makeSite(t.database.db);
    await inSite(target, (tx) => saveSiteSettings(tx, target.id, { prosecutorApprovalRequired: true }));
    const recorder = (await signedIn(target, 'officer')).client;
    const approver = (await signedIn(target, 'prosecutor')).client;
    const waiting = await arrest(recorder, target);
    expect(waiting.status).toBe('awaiting_prosecutor');
    expect(await timersOf(target, waiting.id)).toEqual([]);

    const approved = await approver.post(`/api/v1/sites/${target.id}/referrals/${waiting.id}/events`, {
      type: 'prosecutor_approve',
    });
    expect(approved.status).toBe(200);
    expect(await deadlineOf(target, waiting.id)).toMatchObject({
      due_at: new Date(t.clock.now().getTime() + 30 * DAY),
    });
    expect(await timersOf(target, waiting.id)).toMatchObject([{ kind: 'intake_deadline' }]);
  });

  it('moves an accepted referral to "no intake by deadline" once, even run twice or after a restart', async () => {
    const referral = await submit(officer, site);
    const dueAt = new Date(t.clock.now().getTime() + 14 * DAY);

    await runTimersAt(new Date(dueAt.getTime() - 1000));
    expect(await statusOf(site, referral.id)).toBe('accepted');

    await runTimersAt(dueAt);
    expect(await statusOf(site, referral.id)).toBe('no_intake_by_deadline');
    // A second run, and a new worker after a "restart" later on, change nothing more.
    await runTimersAt(dueAt);
    await runTimersAt(new Date(dueAt.getTime() + DAY));

    const history = await historyOf(site, referral.id);
    expect(history.map((change) => change.to_status)).toEqual([
      'screened',
      'offered',
      'accepted',
      'no_intake_by_deadline',
    ]);
    expect(history.at(-1)).toMatchObject({
      from_status: 'accepted',
      reason: 'deadline passed',
      changed_by: null,
      changed_at: dueAt,
    });
    expect(await timersOf(site, referral.id)).toMatchObject([{ state: 'fired', attempts: 1 }]);
    expect((await auditActions(referral.id)).filter((a) => a === 'referral.intake_deadline_passed')).toEqual([
      'referral.intake_deadline_passed',
    ]);
    const detail = await officer.get(`/api/v1/sites/${site.id}/referrals/${referral.id}`);
    expect(detail.body.status).toBe('no_intake_by_deadline');
  });

  it('leaves a referral alone that is no longer accepted when the timer fires', async () => {
    const referral = await submit(officer, site);
    // What a later feature (intake completed) will do: the referral moves on from "accepted".
    await inSite(site, (tx) =>
      appendStatusChanges(tx, {
        siteId: site.id,
        referralId: referral.id,
        steps: [{ from: 'accepted', to: 'closed', reason: 'moved on before the deadline' }],
        at: t.clock.now(),
        by: null,
      }),
    );
    await runTimersAt(new Date(t.clock.now().getTime() + 15 * DAY));

    expect(await statusOf(site, referral.id)).toBe('closed');
    expect((await historyOf(site, referral.id)).map((change) => change.to_status)).toEqual([
      'screened',
      'offered',
      'accepted',
      'closed',
    ]);
    expect(await timersOf(site, referral.id)).toMatchObject([{ state: 'fired' }]);
    expect(await auditActions(referral.id)).not.toContain('referral.intake_deadline_passed');
  });
});

describe("the prosecutor's view of arrest diversions", () => {
  const url = (target: SiteRow) => `/api/v1/sites/${target.id}/prosecutor/arrest-diversions`;
  const decide = (client: HttpClient, target: SiteRow, referralId: string, decision: string) =>
    client.post(`${url(target)}/${referralId}/decision`, { decision });

  it('shows exactly the listed fields, for arrest diversions at their own site only', async () => {
    const acceptedAt = t.clock.now();
    const incidentNumber = `WPD-${unique()}`;
    const arrested = await arrest(officer, site, { incidentNumber });
    const social = await submit(officer, site);
    const elsewhere = await arrest(otherOfficer, otherSite);

    const response = await prosecutor.get(url(site));
    expect(response.status).toBe(200);
    const rows: Record<string, unknown>[] = response.body.arrestDiversions;
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'deadline',
        'decision',
        'id',
        'incidentNumber',
        'intakeCompleted',
        'intakeCompletedOn',
        'referralDate',
        'referringOfficer',
      ]);
    }
    expect(rows.find((row) => row.id === arrested.id)).toEqual({
      id: arrested.id,
      incidentNumber,
      referringOfficer: officerName,
      referralDate: acceptedAt.toISOString(),
      deadline: new Date(acceptedAt.getTime() + 30 * DAY).toISOString(),
      intakeCompleted: false,
      intakeCompletedOn: null,
      decision: null,
    });
    const ids = rows.map((row) => row.id);
    expect(ids).not.toContain(social.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(JSON.stringify(response.body)).not.toMatch(/Synthetic/);

    const theirs = await otherProsecutor.get(url(otherSite));
    expect(theirs.body.arrestDiversions.map((row: { id: string }) => row.id)).toContain(elsewhere.id);
    expect((await otherProsecutor.get(url(site))).status).toBe(404);
  });

  it('records a decision on an expired one, once; 409 before the deadline passed', async () => {
    const expired = await arrest();
    const current = await arrest();
    // Both were accepted at the same moment: the other one's timer is put off, so only one expires.
    await inSite(site, (tx) =>
      tx
        .updateTable('timers')
        .set({ due_at: new Date(t.clock.now().getTime() + 3650 * DAY) })
        .where('subject_id', '=', current.id)
        .execute(),
    );
    await expire(site, expired.id);

    const notYet = await decide(prosecutor, site, current.id, 'filed');
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('INTAKE_DEADLINE_NOT_PASSED');

    const decided = await decide(prosecutor, site, expired.id, 'declined_to_file');
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ id: expired.id, decision: 'declined_to_file' });
    expect(Object.keys(decided.body).sort()).toEqual(
      Object.keys((await prosecutor.get(url(site))).body.arrestDiversions[0]).sort(),
    );
    const listed = (await prosecutor.get(url(site))).body.arrestDiversions.find(
      (row: { id: string }) => row.id === expired.id,
    );
    expect(listed.decision).toBe('declined_to_file');
    expect(await auditActions(expired.id)).toContain('prosecutor.decision.declined_to_file');

    const again = await decide(prosecutor, site, expired.id, 'filed');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DECISION_ALREADY_RECORDED');
  });

  it('is not found for a social contact or at another site', async () => {
    const social = await submit(officer, site);
    await expire(site, social.id);
    expect((await decide(prosecutor, site, social.id, 'filed')).status).toBe(404);
    const elsewhere = await arrest(otherOfficer, otherSite);
    expect((await decide(prosecutor, site, elsewhere.id, 'filed')).status).toBe(404);
    expect((await decide(prosecutor, otherSite, elsewhere.id, 'filed')).status).toBe(404);
  });

  it('refuses officers and case managers', async () => {
    const referral = await arrest();
    for (const client of [officer, caseManager]) {
      const list = await client.get(url(site));
      expect(list.status).toBe(403);
      expect(list.body.error.code).toBe('FORBIDDEN');
      const decision = await decide(client, site, referral.id, 'filed');
      expect(decision.status).toBe(403);
    }
  });
});

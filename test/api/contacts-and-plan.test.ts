import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId, email: user.email, password: user.password };
}

/** A new session for someone (the clock moved past the last one's limits). */
async function signInAgain(user: { email: string; password: string }): Promise<HttpClient> {
  const client = t.client();
  const response = await client.logIn(user.email, user.password);
  expect(response.status).toBe(200);
  return client;
}

/** A site (New York time) with a case manager, a colleague, a program manager and an officer. */
async function makeProgram() {
  const site = await makeSite(t.database.db, { timezone: 'America/New_York' });
  return {
    site,
    caseManager: await signedIn(site, 'case_manager'),
    colleague: await signedIn(site, 'peer_support'),
    manager: await signedIn(site, 'program_manager'),
    officer: await signedIn(site, 'officer'),
  };
}
type Program = Awaited<ReturnType<typeof makeProgram>>;

const contactsUrl = (program: Program, participantId: string) =>
  `/api/v1/sites/${program.site.id}/participants/${participantId}/contacts`;
const planUrl = (program: Program, participantId: string) =>
  `/api/v1/sites/${program.site.id}/participants/${participantId}/plan`;

const participantRow = (program: Program, participantId: string) =>
  inScope(t.database.db, { siteId: program.site.id, userId: null }, (tx) =>
    tx
      .selectFrom('participants')
      .select(['status', 'last_contact_at'])
      .where('id', '=', participantId)
      .executeTakeFirstOrThrow(),
  );

const auditOf = (resourceId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'user_id', 'role'])
    .where('resource_id', '=', resourceId)
    .orderBy('seq')
    .execute();

async function engagementOf(program: Program, participantId: string) {
  const client = await signInAgain(program.caseManager);
  const list = await client.get(`/api/v1/sites/${program.site.id}/engagement`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  return list.body.participants.find((row: { participantId: string }) => row.participantId === participantId)
    ?.engagement;
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the contact log', () => {
  it('logs a contact on a phone: the last contact moves, engagement is active, the log is audited', async () => {
    t.clock.set(new Date('2026-06-01T15:00:00Z'));
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.caseManager.userId,
      at: new Date('2026-03-01T15:00:00Z'),
    });
    expect((await engagementOf(program, person.participantId)).level).toBe('in_the_wind');

    const logged = await program.caseManager.client.post(contactsUrl(program, person.participantId), {
      kind: 'field',
      occurredAt: '2026-06-01T14:30:00Z',
      durationMinutes: 20,
      note: 'Met at the day centre; wants help with ID',
      staffIds: [program.caseManager.userId, program.colleague.userId],
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(logged.body).toMatchObject({
      lastContactAt: '2026-06-01T14:30:00.000Z',
      engagement: { level: 'active', since: 'last_contact', daysSince: 0 },
      contact: { kind: 'field', durationMinutes: 20, loggedBy: program.caseManager.userId },
    });
    expect(logged.body.contact.staff.map((member: { userId: string }) => member.userId).sort()).toEqual(
      [program.caseManager.userId, program.colleague.userId].sort(),
    );
    expect(await participantRow(program, person.participantId)).toMatchObject({
      last_contact_at: new Date('2026-06-01T14:30:00Z'),
    });

    // A contact logged late, for an earlier day, does not move the last contact back.
    await program.colleague.client.post(contactsUrl(program, person.participantId), {
      kind: 'phone',
      occurredAt: '2026-05-20T14:00:00Z',
    });
    const log = await program.colleague.client.get(contactsUrl(program, person.participantId));
    expect(log.status).toBe(200);
    expect(log.body.lastContactAt).toBe('2026-06-01T14:30:00.000Z');
    expect(log.body.contacts.map((contact: { kind: string }) => contact.kind)).toEqual(['field', 'phone']);
    // The one logging is the staff present when no one is named.
    expect(log.body.contacts[1].staff).toEqual([
      expect.objectContaining({ userId: program.colleague.userId }),
    ]);

    const audit = await auditOf(person.participantId);
    expect(audit).toContainEqual({
      action: 'participant.contact.logged',
      user_id: program.caseManager.userId,
      role: 'case_manager',
    });
    expect(audit).toContainEqual({
      action: 'participant.contacts.viewed',
      user_id: program.colleague.userId,
      role: 'peer_support',
    });
  });

  it('never logs a retried contact twice (Idempotency-Key)', async () => {
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    const body = { kind: 'text', occurredAt: t.clock.now().toISOString(), note: 'Replied to check-in' };
    const headers = { 'idempotency-key': 'phone-outbox-7f3a9c21-0001' };
    const first = await program.caseManager.client.post(
      contactsUrl(program, person.participantId),
      body,
      headers,
    );
    const retry = await program.caseManager.client.post(
      contactsUrl(program, person.participantId),
      body,
      headers,
    );
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.contact.id).toBe(first.body.contact.id);
    const log = await program.caseManager.client.get(contactsUrl(program, person.participantId));
    expect(log.body.contacts).toHaveLength(1);
  });

  it('corrects an entry with a new one: the corrected one no longer counts as the last contact', async () => {
    t.clock.set(new Date('2026-06-10T15:00:00Z'));
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client, {
      at: new Date('2026-05-01T15:00:00Z'),
    });
    const wrong = await program.caseManager.client.post(contactsUrl(program, person.participantId), {
      kind: 'office',
      occurredAt: '2026-06-10T14:00:00Z',
    });
    const corrected = await program.caseManager.client.post(contactsUrl(program, person.participantId), {
      kind: 'office',
      occurredAt: '2026-06-03T14:00:00Z',
      note: 'Logged on the wrong day',
      correctsContactId: wrong.body.contact.id,
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(corrected.body.lastContactAt).toBe('2026-06-03T14:00:00.000Z');
    const log = await program.caseManager.client.get(contactsUrl(program, person.participantId));
    const original = log.body.contacts.find(
      (contact: { id: string }) => contact.id === wrong.body.contact.id,
    );
    expect(original.correctedBy).toBe(corrected.body.contact.id);
  });

  it('refuses bad input with 400s that name the problem', async () => {
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    const url = contactsUrl(program, person.participantId);
    const now = t.clock.now().getTime();
    const kind = await program.caseManager.client.post(url, {
      kind: 'visit',
      occurredAt: new Date(now).toISOString(),
    });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/kind/);
    const future = await program.caseManager.client.post(url, {
      kind: 'phone',
      occurredAt: new Date(now + 60 * 60 * 1000).toISOString(),
    });
    expect(future.body.error.code).toBe('CONTACT_IN_FUTURE');
    const officer = await program.caseManager.client.post(url, {
      kind: 'phone',
      occurredAt: new Date(now).toISOString(),
      staffIds: [program.officer.userId],
    });
    expect(officer.body.error.code).toBe('NOT_ON_CARE_TEAM');
  });

  it('shows nothing to officers or to another site (404), and another site’s participant is not found', async () => {
    const program = await makeProgram();
    const other = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    expect((await program.officer.client.get(contactsUrl(program, person.participantId))).status).toBe(404);
    expect((await other.caseManager.client.get(contactsUrl(program, person.participantId))).status).toBe(404);
    // The other site's case manager, at their own site, asking for this site's participant.
    const foreign = await other.caseManager.client.get(contactsUrl(other, person.participantId));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const write = await other.caseManager.client.post(contactsUrl(other, person.participantId), {
      kind: 'phone',
      occurredAt: t.clock.now().toISOString(),
    });
    expect(write.status).toBe(404);
    expect((await participantRow(program, person.participantId)).last_contact_at).toBeNull();
  });
});

describe('engagement, derived from contacts', () => {
  it('is active through day 30, inactive from day 31 through 90, in the wind from day 91; status never changes', async () => {
    // 22:30 on 1 June in New York (02:30 UTC on 2 June): the local date is 1 June.
    t.clock.set(new Date('2026-06-02T02:45:00Z'));
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.caseManager.userId,
      at: new Date('2026-05-01T15:00:00Z'),
    });
    const logged = await program.caseManager.client.post(contactsUrl(program, person.participantId), {
      kind: 'field',
      occurredAt: '2026-06-02T02:30:00Z',
    });
    expect(logged.status).toBe(201);
    /** 00:30 New York time, `days` local days after 1 June. */
    const atDay = async (days: number) => {
      t.clock.set(new Date(Date.UTC(2026, 5, 1 + days, 4, 30)));
      return engagementOf(program, person.participantId);
    };
    expect(await atDay(1)).toMatchObject({ level: 'active', daysSince: 1 });
    expect(await atDay(30)).toMatchObject({ level: 'active', daysSince: 30 });
    expect(await atDay(31)).toMatchObject({ level: 'inactive', daysSince: 31 });
    expect(await atDay(90)).toMatchObject({ level: 'inactive', daysSince: 90, daysUntilInTheWind: 1 });
    expect(await atDay(91)).toMatchObject({ level: 'in_the_wind', daysSince: 91, daysUntilInTheWind: 0 });
    expect((await participantRow(program, person.participantId)).status).toBe('enrolled');

    // The program manager's thresholds apply at once.
    const manager = await signInAgain(program.manager);
    const saved = await manager.request('PUT', `/api/v1/sites/${program.site.id}/caseloads/settings`, {
      body: {
        caseloadAveragePerFte: 20,
        caseloadHardMax: 25,
        engagementInactiveDays: 7,
        engagementInTheWindDays: 14,
      },
    });
    expect(saved.status).toBe(200);
    expect(await atDay(7)).toMatchObject({ level: 'active' });
    expect(await atDay(8)).toMatchObject({ level: 'inactive' });
    expect(await atDay(15)).toMatchObject({ level: 'in_the_wind' });
  });

  it("lists the case manager's people going in the wind (within N days of it, or past it)", async () => {
    t.clock.set(new Date('2026-08-01T16:00:00Z'));
    const program = await makeProgram();
    const recent = await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.caseManager.userId,
    });
    const fading = await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.caseManager.userId,
      at: new Date('2026-05-10T16:00:00Z'), // 83 days before: 8 days from "in the wind"
    });
    const gone = await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.caseManager.userId,
      at: new Date('2026-03-01T16:00:00Z'),
    });
    const someoneElses = await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.colleague.userId,
      at: new Date('2026-03-01T16:00:00Z'),
    });
    const list = await program.caseManager.client.get(
      `/api/v1/sites/${program.site.id}/engagement?caseload=me&goingInTheWindWithinDays=14`,
    );
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const ids = list.body.participants.map((row: { participantId: string }) => row.participantId);
    expect(ids).toEqual([gone.participantId, fading.participantId]);
    expect(ids).not.toContain(recent.participantId);
    expect(ids).not.toContain(someoneElses.participantId);
    expect(list.body.participants[1]).toMatchObject({
      engagement: { level: 'inactive', since: 'enrolment', daysSince: 83, daysUntilInTheWind: 8 },
    });
  });
});

describe("the participant's plan", () => {
  it('keeps goals in the person’s words, linked to needs, with every change in its history', async () => {
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    const added = await program.caseManager.client.post(`${planUrl(program, person.participantId)}/goals`, {
      goal: 'I want my own place before winter',
      needs: ['shelter_housing', 'id_documents'],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      goal: 'I want my own place before winter',
      needs: ['id_documents', 'shelter_housing'],
      status: 'not_started',
    });
    const goalUrl = `${planUrl(program, person.participantId)}/goals/${added.body.id}`;
    const started = await program.colleague.client.request('PATCH', goalUrl, {
      body: { status: 'in_progress', note: 'Applied for a birth certificate' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const reworded = await program.caseManager.client.request('PATCH', goalUrl, {
      body: { goal: 'A room of my own, anywhere safe', needs: ['shelter_housing'], status: 'set_aside' },
    });
    expect(reworded.status).toBe(200);

    const plan = await program.caseManager.client.get(planUrl(program, person.participantId));
    expect(plan.status).toBe(200);
    expect(plan.body.goals).toHaveLength(1);
    expect(plan.body.goals[0]).toMatchObject({
      goal: 'A room of my own, anywhere safe',
      needs: ['shelter_housing'],
      status: 'set_aside',
    });
    expect(plan.body.goals[0].history.map((event: { event: string }) => event.event)).toEqual([
      'created',
      'status_changed',
      'status_changed',
      'reworded',
      'needs_changed',
    ]);
    expect(plan.body.goals[0].history[1]).toMatchObject({
      fromStatus: 'not_started',
      toStatus: 'in_progress',
      note: 'Applied for a birth certificate',
      userId: program.colleague.userId,
    });
    expect((await auditOf(person.participantId)).map((entry) => entry.action)).toEqual([
      'participant.plan.goal_added',
      'participant.plan.goal_changed',
      'participant.plan.goal_changed',
      'participant.plan.viewed',
    ]);
  });

  it('refuses unknown needs and empty changes, and keeps the plan from officers and other sites', async () => {
    const program = await makeProgram();
    const other = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    const goals = `${planUrl(program, person.participantId)}/goals`;
    const unknown = await program.caseManager.client.post(goals, { goal: 'Work', needs: ['jobs'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/needs/);
    const added = await program.caseManager.client.post(goals, { goal: 'Work', needs: ['employment'] });
    const empty = await program.caseManager.client.request('PATCH', `${goals}/${added.body.id}`, {
      body: {},
    });
    expect(empty.status).toBe(400);
    expect((await program.officer.client.get(planUrl(program, person.participantId))).status).toBe(404);
    expect((await other.caseManager.client.get(planUrl(other, person.participantId))).status).toBe(404);
    const foreignGoal = await other.caseManager.client.request(
      'PATCH',
      `/api/v1/sites/${other.site.id}/participants/${person.participantId}/plan/goals/${added.body.id}`,
      { body: { status: 'achieved' } },
    );
    expect(foreignGoal.status).toBe(404);
  });

  it("puts contacts and plan changes on the participant's timeline, without notes or the goal's words", async () => {
    const program = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    await program.caseManager.client.post(contactsUrl(program, person.participantId), {
      kind: 'phone',
      occurredAt: t.clock.now().toISOString(),
      durationMinutes: 5,
      note: 'Talked about methadone dose',
    });
    const goal = await program.caseManager.client.post(`${planUrl(program, person.participantId)}/goals`, {
      goal: 'Start on methadone',
      needs: ['moud'],
    });
    await program.caseManager.client.request(
      'PATCH',
      `${planUrl(program, person.participantId)}/goals/${goal.body.id}`,
      { body: { status: 'achieved' } },
    );
    const page = await program.caseManager.client.get(
      `/api/v1/sites/${program.site.id}/participants/${person.participantId}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const whats = page.body.timeline.map((item: { what: string }) => item.what);
    expect(whats).toEqual(expect.arrayContaining(['contact.phone', 'plan.created', 'plan.status.achieved']));
    expect(JSON.stringify(page.body.timeline)).not.toMatch(/methadone/i);
  });
});

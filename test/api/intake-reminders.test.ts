import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { MINUTE } from '../support/clock.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Noon on Friday 1 May 2026 in Wilmington (EDT): a social contact's intake is due 14 days later,
// Friday, May 15; the default reminders go out 7 and 2 days before.
const ACCEPTED_AT = new Date('2026-05-01T16:00:00Z');
const DAY = 24 * 60 * MINUTE;
const LINK = 'http://localhost:3000/';
const PROGRAM_PHONE = '910-555-0100';

let t: TestApp;
let site: SiteRow;
type Person = { client: HttpClient; userId: string; email: string };
let officer: Person;
let responder: Person;
let caseManager: Person;
let programManager: Person;

async function signedIn(role: Role): Promise<Person> {
  const user = await makeUser(t.database.db, site, role);
  const client = t.client();
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return { client, userId: user.userId, email: user.email };
}

const inSite = <T>(work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: site.id, userId: null }, work);
/** A fresh timer worker at `at`, as after a restart. */
const runTimersAt = (at: Date) =>
  runTimersOnce({ db: t.database.db, clock: () => at, config: testConfig() }, timerHandlers());

const reminders = () =>
  inSite((tx) =>
    tx
      .selectFrom('outbox_messages')
      .select(['channel', 'recipient', 'subject', 'body', 'purpose', 'created_at'])
      .where('purpose', 'in', ['intake.reminder', 'intake.reminder.person'])
      .orderBy('created_at')
      .orderBy('purpose')
      .orderBy('channel')
      .orderBy('recipient')
      .execute(),
  );
const remindersTo = async (recipient: string) =>
  (await reminders()).filter((message) => message.recipient === recipient);

/** An accepted social contact now; the person's ways to reach them, with whether reminders may use each. */
async function acceptedReferral(
  contacts: { kind: 'sms' | 'phone' | 'email' | 'other'; value: string; remindersAllowed: boolean }[] = [],
): Promise<{ referralId: string; personId: string }> {
  const response = await officer.client.post(
    `/api/v1/sites/${site.id}/encounters`,
    eligibleEncounter({ person: { nameOrAlias: `Synthetic ${randomBytes(3).toString('hex')}` } }),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const referralId: string = response.body.referral.id;
  const { person_id: personId } = await inSite((tx) =>
    tx.selectFrom('referrals').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow(),
  );
  if (contacts.length > 0)
    await inSite((tx) =>
      tx
        .insertInto('person_contact_methods')
        .values(
          contacts.map((contact, index) => ({
            site_id: site.id,
            person_id: personId,
            position: index + 1,
            kind: contact.kind,
            value: contact.value,
            note: null,
            reminders_allowed: contact.remindersAllowed,
          })),
        )
        .execute(),
    );
  return { referralId, personId };
}

const personText = `A reminder of your appointment with the LEAD team: please get in touch by Friday, May 15. Call ${PROGRAM_PHONE}.`;
const staffEmail = (left: number) =>
  `An accepted referral waits for intake, due by Friday, May 15 (${left} days left). Open the app: ${LINK}`;
const staffSms = (left: number) =>
  `LEAD intake due by Friday, May 15 (${left} days left), open the app: ${LINK}`;

let unassigned: { referralId: string; personId: string };
let handedOff: { referralId: string; personId: string };
let assigned: { referralId: string; personId: string };
let completed: { referralId: string; personId: string };
let afterChange: { referralId: string; personId: string };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(ACCEPTED_AT);
  site = await makeSite(t.database.db, { timezone: 'America/New_York' });
  officer = await signedIn('officer');
  responder = await signedIn('outreach');
  caseManager = await signedIn('case_manager');
  programManager = await signedIn('program_manager');
  const phone = await programManager.client.request('PUT', `/api/v1/sites/${site.id}/handoff-settings`, {
    body: { reminderPhone: PROGRAM_PHONE },
  });
  expect(phone.status, JSON.stringify(phone.body)).toBe(200);
  const sms = await caseManager.client.request(
    'PUT',
    `/api/v1/sites/${site.id}/staff/${caseManager.userId}/contact`,
    {
      body: { smsNumber: '+19105550177', smsEnabled: true },
    },
  );
  expect(sms.status).toBe(200);

  // No case manager and no completed hand-off: the program managers hear of it.
  unassigned = await acceptedReferral([
    { kind: 'sms', value: '+19105550201', remindersAllowed: true },
    { kind: 'phone', value: '+19105550202', remindersAllowed: true },
    { kind: 'email', value: 'unassigned.person@example.test', remindersAllowed: true },
    { kind: 'sms', value: '+19105550203', remindersAllowed: false },
  ]);

  // The responder arrived in person: they hear of it.
  handedOff = await acceptedReferral([
    { kind: 'email', value: 'handed.off@example.test', remindersAllowed: false },
  ]);
  const cover = await programManager.client.post(`/api/v1/sites/${site.id}/on-call/overrides`, {
    startsAt: new Date(ACCEPTED_AT.getTime() - MINUTE).toISOString(),
    endsAt: new Date(ACCEPTED_AT.getTime() + 60 * MINUTE).toISOString(),
    level: 1,
    userId: responder.userId,
    reason: 'Covering',
  });
  expect(cover.status, JSON.stringify(cover.body)).toBe(201);
  const handoff = await officer.client.post(
    `/api/v1/sites/${site.id}/referrals/${handedOff.referralId}/handoffs`,
    {
      mode: 'in_person',
    },
  );
  expect(handoff.status).toBe(201);
  for (const body of [{ type: 'acknowledge', etaMinutes: 10 }, { type: 'arrived' }]) {
    const answered = await responder.client.post(
      `/api/v1/sites/${site.id}/handoffs/${handoff.body.id}/events`,
      body,
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  }

  // The intake started and a case manager is assigned: they hear of it, by SMS too.
  assigned = await acceptedReferral();
  await inSite((tx) =>
    tx
      .insertInto('participants')
      .values({
        site_id: site.id,
        person_id: assigned.personId,
        referral_id: assigned.referralId,
        status: 'intake',
        case_manager_id: caseManager.userId,
        created_at: ACCEPTED_AT,
        enrolled_at: null,
        exited_at: null,
        exit_reason: null,
        last_contact_at: null,
      })
      .execute(),
  );

  // Intake completed after its reminders were scheduled (and the timers left in place).
  completed = await acceptedReferral([{ kind: 'sms', value: '+19105550299', remindersAllowed: true }]);
  await inSite((tx) =>
    tx
      .updateTable('intake_deadlines')
      .set({ intake_completed_at: new Date(ACCEPTED_AT.getTime() + DAY) })
      .where('referral_id', '=', completed.referralId)
      .execute(),
  );

  // A change of the setting applies to deadlines started after it.
  const changed = await programManager.client.request('PUT', `/api/v1/sites/${site.id}/handoff-settings`, {
    body: { intakeReminderDays: [3] },
  });
  expect(changed.status).toBe(200);
  afterChange = await acceptedReferral([{ kind: 'sms', value: '+19105550300', remindersAllowed: true }]);
}, 60_000);
afterAll(() => t.close());

describe('reminders before the intake deadline', () => {
  it('are scheduled at the days before the deadline set when it started', async () => {
    const timers = await inSite((tx) =>
      tx
        .selectFrom('timers')
        .select(['subject_id', 'kind', 'due_at'])
        .where('kind', 'like', 'intake_reminder%')
        .where('subject_id', 'in', [unassigned.referralId, afterChange.referralId])
        .orderBy('due_at')
        .execute(),
    );
    expect(timers).toEqual([
      {
        subject_id: unassigned.referralId,
        kind: 'intake_reminder.7d',
        due_at: new Date(ACCEPTED_AT.getTime() + 7 * DAY),
      },
      {
        subject_id: afterChange.referralId,
        kind: 'intake_reminder.3d',
        due_at: new Date(ACCEPTED_AT.getTime() + 11 * DAY),
      },
      {
        subject_id: unassigned.referralId,
        kind: 'intake_reminder.2d',
        due_at: new Date(ACCEPTED_AT.getTime() + 12 * DAY),
      },
    ]);
  });

  it('go out at each offset, once, to the case manager and the person, and none after the intake', async () => {
    // Before the first offset (a worker started early, as after a restart) nothing goes out.
    const sevenBefore = new Date(ACCEPTED_AT.getTime() + 7 * DAY);
    expect((await runTimersAt(new Date(sevenBefore.getTime() - 1000))).fired).toBe(0);
    expect(await reminders()).toEqual([]);

    // Seven days before: a fresh worker fires each referral's reminder once, however often it runs.
    expect((await runTimersAt(sevenBefore)).fired).toBe(4);
    expect((await runTimersAt(sevenBefore)).fired).toBe(0);
    expect((await runTimersAt(new Date(sevenBefore.getTime() + MINUTE))).fired).toBe(0);

    const at = sevenBefore;
    expect(await remindersTo(programManager.email)).toEqual([
      {
        channel: 'email',
        recipient: programManager.email,
        subject: 'LEAD intake reminder',
        body: staffEmail(7),
        purpose: 'intake.reminder',
        created_at: at,
      },
    ]);
    expect((await remindersTo(responder.email)).map((message) => message.body)).toEqual([staffEmail(7)]);
    expect(await remindersTo(caseManager.email)).toHaveLength(1);
    expect(await remindersTo('+19105550177')).toEqual([
      {
        channel: 'sms',
        recipient: '+19105550177',
        subject: null,
        body: staffSms(7),
        purpose: 'intake.reminder',
        created_at: at,
      },
    ]);
    // The person: on the SMS and e-mail they allowed reminders on, not the phone or the other number.
    expect(await remindersTo('+19105550201')).toEqual([
      {
        channel: 'sms',
        recipient: '+19105550201',
        subject: null,
        body: personText,
        purpose: 'intake.reminder.person',
        created_at: at,
      },
    ]);
    expect(await remindersTo('unassigned.person@example.test')).toEqual([
      {
        channel: 'email',
        recipient: 'unassigned.person@example.test',
        subject: 'A reminder from the LEAD team',
        body: personText,
        purpose: 'intake.reminder.person',
        created_at: at,
      },
    ]);
    for (const never of ['+19105550202', '+19105550203', 'handed.off@example.test', '+19105550299'])
      expect(await remindersTo(never)).toEqual([]);
    expect(await reminders()).toHaveLength(6);

    // Three days before (the later deadline's setting), then two days before (the earlier ones').
    expect((await runTimersAt(new Date(ACCEPTED_AT.getTime() + 11 * DAY))).fired).toBe(1);
    expect(await remindersTo('+19105550300')).toHaveLength(1);
    expect((await remindersTo(programManager.email)).map((message) => message.body)).toEqual([
      staffEmail(7),
      staffEmail(3),
    ]);
    expect((await runTimersAt(new Date(ACCEPTED_AT.getTime() + 12 * DAY))).fired).toBe(4);
    expect((await remindersTo('+19105550177')).map((message) => message.body)).toEqual([
      staffSms(7),
      staffSms(2),
    ]);
    expect(await remindersTo('+19105550201')).toHaveLength(2);
    expect(await remindersTo('+19105550299')).toEqual([]);
    expect(await reminders()).toHaveLength(6 + 2 + 6);

    // Nothing the person receives names them, the program's work, the police or a deadline.
    for (const message of (await reminders()).filter((sent) => sent.purpose === 'intake.reminder.person'))
      expect(message.body).not.toMatch(/Synthetic|referral|intake|deadline|drug|police|arrest|divert|case/i);
  });
});

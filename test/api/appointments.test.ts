import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { HOUR } from '../support/clock.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { makePartner } from '../support/service-referral-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let caseManager: HttpClient;
let caseManagerId: string;
let caseManagerEmail: string;
let programManager: HttpClient;
let officer: HttpClient;
let analyst: HttpClient;
let counter = 0;

const inSite = <T>(work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: site.id, userId: null }, work);

/** Runs the timer worker as a fresh process would, at `at` (the server's own clock is not moved). */
const runTimersAt = (at: Date) =>
  runTimersOnce({ db: t.database.db, clock: () => at, config: testConfig() }, timerHandlers());

/** A place no other appointment uses, so a test finds its own reminders in the outbox. */
const uniquePlace = () => `Room ${++counter}, 100 Synthetic St`;

const messagesAbout = (place: string) =>
  inSite((tx) =>
    tx
      .selectFrom('outbox_messages')
      .select(['channel', 'recipient', 'subject', 'body', 'purpose', 'created_at'])
      .where('site_id', '=', site.id)
      .where('body', 'like', `%${place}%`)
      .orderBy('created_at')
      .orderBy('recipient')
      .execute(),
  );

async function addContactMethod(
  personId: string,
  position: number,
  kind: 'sms' | 'phone' | 'email' | 'other',
  value: string,
  remindersAllowed: boolean,
) {
  await inSite((tx) =>
    tx
      .insertInto('person_contact_methods')
      .values({
        site_id: site.id,
        person_id: personId,
        position,
        kind,
        value,
        note: null,
        reminders_allowed: remindersAllowed,
      })
      .execute(),
  );
}

/** An enrolled participant on the case manager's caseload, with four ways to reach them (two allow reminders). */
async function participantWithContacts() {
  const made = await makeParticipant(t, site, caseManager, { caseManagerId });
  await addContactMethod(made.personId, 1, 'sms', '+19105550101', true);
  await addContactMethod(made.personId, 2, 'sms', '+19105550102', false);
  await addContactMethod(made.personId, 3, 'phone', '+19105550103', true);
  await addContactMethod(made.personId, 4, 'email', 'synthetic.person@example.test', true);
  return made;
}

const appointmentsUrl = (participantId: string) =>
  `/api/v1/sites/${site.id}/participants/${participantId}/appointments`;

async function book(participantId: string, startsAt: Date, place = uniquePlace(), client = caseManager) {
  const response = await client.post(appointmentsUrl(participantId), {
    startsAt: startsAt.toISOString(),
    place,
    withWhom: 'Dr. Synthetic, methadone clinic',
    purpose: 'Buprenorphine induction follow-up',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id as string, place, startsAt };
}

const record = (participantId: string, appointmentId: string, status: string, client = caseManager) =>
  client.post(`${appointmentsUrl(participantId)}/${appointmentId}/status`, { status });

const statusOf = async (participantId: string) =>
  (await caseManager.get(`/api/v1/sites/${site.id}/participants/${participantId}/status`)).body;

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  const signedIn = async (role: Role) => {
    const user = await makeUser(t.database.db, site, role);
    const client = t.client();
    await client.logIn(user.email, user.password);
    return { client, user };
  };
  const cm = await signedIn('case_manager');
  caseManager = cm.client;
  caseManagerId = cm.user.userId;
  caseManagerEmail = cm.user.email;
  programManager = (await signedIn('program_manager')).client;
  officer = (await signedIn('officer')).client;
  analyst = (await signedIn('analyst')).client;
});
afterAll(() => t.close());

describe('reminders', () => {
  it('fire at the default offsets (24 h and 2 h before) into the outbox, to allowed SMS and e-mail only and the case manager', async () => {
    const { participantId } = await participantWithContacts();
    const appointment = await book(participantId, new Date(t.clock.now().getTime() + 48 * HOUR));
    const dayBefore = appointment.startsAt.getTime() - 24 * HOUR;

    await runTimersAt(new Date(dayBefore - 60_000));
    expect(await messagesAbout(appointment.place)).toEqual([]);

    await runTimersAt(new Date(dayBefore + 1000));
    const first = await messagesAbout(appointment.place);
    expect(first.map((message) => [message.channel, message.recipient, message.purpose])).toEqual(
      expect.arrayContaining([
        ['sms', '+19105550101', 'appointment.reminder'],
        ['email', 'synthetic.person@example.test', 'appointment.reminder'],
        ['email', caseManagerEmail, 'appointment.reminder.staff'],
      ]),
    );
    expect(first).toHaveLength(3);
    for (const message of first) {
      // When and where, never with whom or what for (that may be health information).
      expect(message.body).toContain(appointment.place);
      expect(message.body).not.toMatch(/methadone|Buprenorphine|Synthetic,/i);
    }
    // 2026-05-03 12:00 UTC is 8:00 AM in New York.
    expect(first.find((message) => message.channel === 'sms')?.body).toMatch(/Sunday, May 3.*8:00/);
    expect(first.find((message) => message.channel === 'sms')?.body).toMatch(/Recordatorio: su cita/);

    await runTimersAt(new Date(appointment.startsAt.getTime() - 2 * HOUR + 1000));
    expect(await messagesAbout(appointment.place)).toHaveLength(6);
    // Nothing more after the appointment.
    await runTimersAt(new Date(appointment.startsAt.getTime() + HOUR));
    expect(await messagesAbout(appointment.place)).toHaveLength(6);
  });

  it('follow the site setting for offsets, for appointments booked after a change', async () => {
    const saved = await programManager.request('PATCH', `/api/v1/sites/${site.id}/appointment-settings`, {
      body: { reminderHours: [48] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ reminderHours: [48], missedAppointmentsExit: null });
    try {
      const { participantId } = await participantWithContacts();
      const appointment = await book(participantId, new Date(t.clock.now().getTime() + 72 * HOUR));
      await runTimersAt(new Date(appointment.startsAt.getTime() - 48 * HOUR + 1000));
      expect(await messagesAbout(appointment.place)).toHaveLength(3);
      await runTimersAt(new Date(appointment.startsAt.getTime() - HOUR));
      expect(await messagesAbout(appointment.place)).toHaveLength(3);
    } finally {
      await programManager.request('PATCH', `/api/v1/sites/${site.id}/appointment-settings`, {
        body: { reminderHours: [24, 2] },
      });
    }
  });

  it('a cancelled appointment sends none', async () => {
    const { participantId } = await participantWithContacts();
    const appointment = await book(participantId, new Date(t.clock.now().getTime() + 48 * HOUR));
    const cancelled = await record(participantId, appointment.id, 'cancelled');
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.appointment.status).toBe('cancelled');
    await runTimersAt(new Date(appointment.startsAt.getTime() - HOUR));
    expect(await messagesAbout(appointment.place)).toEqual([]);
  });

  it('someone who exited is not reminded of what was booked before', async () => {
    const { participantId } = await participantWithContacts();
    const appointment = await book(participantId, new Date(t.clock.now().getTime() + 48 * HOUR));
    const exited = await caseManager.post(`/api/v1/sites/${site.id}/participants/${participantId}/exit`, {
      reason: 'moved',
    });
    expect(exited.status).toBe(200);
    await runTimersAt(new Date(appointment.startsAt.getTime() - HOUR));
    expect(await messagesAbout(appointment.place)).toEqual([]);
  });

  it('a moved appointment reminds at its new time only', async () => {
    const { participantId } = await participantWithContacts();
    const appointment = await book(participantId, new Date(t.clock.now().getTime() + 48 * HOUR));
    const newStart = new Date(appointment.startsAt.getTime() + 24 * HOUR);
    const moved = await caseManager.request('PATCH', `${appointmentsUrl(participantId)}/${appointment.id}`, {
      body: { startsAt: newStart.toISOString() },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.startsAt).toBe(newStart.toISOString());
    await runTimersAt(new Date(appointment.startsAt.getTime() - HOUR));
    expect(await messagesAbout(appointment.place)).toEqual([]);
    await runTimersAt(new Date(newStart.getTime() - 24 * HOUR + 1000));
    expect(await messagesAbout(appointment.place)).toHaveLength(3);
  });

  it('someone with no contact method allowing reminders gets none; the case manager still does', async () => {
    const { participantId, personId } = await makeParticipant(t, site, caseManager, { caseManagerId });
    await addContactMethod(personId, 1, 'sms', '+19105550199', false);
    const appointment = await book(participantId, new Date(t.clock.now().getTime() + 30 * HOUR));
    await runTimersAt(new Date(appointment.startsAt.getTime() - 24 * HOUR + 1000));
    const messages = await messagesAbout(appointment.place);
    expect(messages.map((message) => message.recipient)).toEqual([caseManagerEmail]);
  });

  it('also go by SMS to a case manager who turned SMS alerts on, and stop when they turn them off', async () => {
    const user = await makeUser(t.database.db, site, 'case_manager');
    const smsCaseManager = t.client();
    await smsCaseManager.logIn(user.email, user.password);
    const contactUrl = `/api/v1/sites/${site.id}/staff/${user.userId}/contact`;
    const turnedOn = await smsCaseManager.request('PUT', contactUrl, {
      body: { smsNumber: '+19105550177', smsEnabled: true },
    });
    expect(turnedOn.status, JSON.stringify(turnedOn.body)).toBe(200);
    const { participantId } = await makeParticipant(t, site, smsCaseManager, { caseManagerId: user.userId });
    const first = await book(participantId, new Date(t.clock.now().getTime() + 30 * HOUR));
    const second = await book(participantId, new Date(t.clock.now().getTime() + 40 * HOUR));

    await runTimersAt(new Date(first.startsAt.getTime() - 24 * HOUR + 1000));
    const messages = await messagesAbout(first.place);
    expect(messages.map((message) => [message.channel, message.recipient, message.purpose])).toEqual(
      expect.arrayContaining([
        ['email', user.email, 'appointment.reminder.staff'],
        ['sms', '+19105550177', 'appointment.reminder.staff'],
      ]),
    );
    expect(messages).toHaveLength(2);
    const sms = messages.find((message) => message.channel === 'sms');
    // When and where only: never with whom, what for, or who.
    expect(sms?.body).toMatch(/^LEAD: appointment on your caseload .*\d:\d\d.* at Room/);
    expect(sms?.body).not.toMatch(/methadone|Buprenorphine|Synthetic,/i);

    const turnedOff = await smsCaseManager.request('PUT', contactUrl, {
      body: { smsNumber: '+19105550177', smsEnabled: false },
    });
    expect(turnedOff.status).toBe(200);
    await runTimersAt(new Date(second.startsAt.getTime() - 24 * HOUR + 1000));
    expect(
      (await messagesAbout(second.place)).map((message) => [message.channel, message.recipient]),
    ).toEqual([['email', user.email]]);
  });
});

describe('attendance', () => {
  it('is recorded by the care team once the appointment is about to start, once', async () => {
    const { participantId } = await participantWithContacts();
    const later = await book(participantId, new Date(t.clock.now().getTime() + 3 * HOUR));
    const tooEarly = await record(participantId, later.id, 'attended');
    expect(tooEarly.status).toBe(409);

    const soon = await book(participantId, new Date(t.clock.now().getTime() + 30 * 60_000));
    const attended = await record(participantId, soon.id, 'attended');
    expect(attended.status, JSON.stringify(attended.body)).toBe(200);
    expect(attended.body).toMatchObject({
      appointment: { status: 'attended', statusBy: caseManagerId, statusAt: t.clock.now().toISOString() },
      exitedByPolicy: false,
    });
    const again = await record(participantId, soon.id, 'missed');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');

    const list = await caseManager.get(appointmentsUrl(participantId));
    expect(list.status).toBe(200);
    expect(list.body.upcoming.map((item: { id: string }) => item.id)).toEqual([later.id]);
    expect(list.body.past.map((item: { id: string }) => item.id)).toEqual([soon.id]);
    expect(list.body.past[0]).toMatchObject({
      purpose: 'Buprenorphine induction follow-up',
      status: 'attended',
    });
  });

  it('shows on the timeline when booked and when recorded, with the place and never the purpose', async () => {
    const { participantId } = await participantWithContacts();
    const soon = await book(participantId, new Date(t.clock.now().getTime() + 10 * 60_000));
    await record(participantId, soon.id, 'missed');
    const page = await caseManager.get(`/api/v1/sites/${site.id}/participants/${participantId}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const items = page.body.timeline.filter((item: { kind: string }) => item.kind === 'appointment');
    expect(items.map((item: { what: string; detail: string }) => [item.what, item.detail]).sort()).toEqual([
      ['appointment.missed', soon.place],
      ['appointment.scheduled', soon.place],
    ]);
    expect(JSON.stringify(page.body.timeline)).not.toMatch(/Buprenorphine|methadone/);
  });

  it('answers 400 naming the field for a bad request, and 404 for an unknown appointment', async () => {
    const { participantId } = await participantWithContacts();
    const bad = await caseManager.post(appointmentsUrl(participantId), {
      startsAt: 'tomorrow',
      place: 'Office',
      withWhom: 'CM',
      purpose: 'Check in',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/startsAt/);
    const unknown = await record(participantId, '00000000-0000-4000-8000-000000000000', 'missed');
    expect(unknown.status).toBe(404);
    const badStatus = await record(participantId, '00000000-0000-4000-8000-000000000000', 'scheduled');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toMatch(/status/);
  });

  it('may name a partner service from the site directory, booked or moved; another site’s or an unknown one is refused', async () => {
    const partner = await makePartner({
      site,
      clients: { program_manager: programManager } as Record<Role, HttpClient>,
    });
    const elsewhere = await makeSite(t.database.db);
    const otherManager = await makeUser(t.database.db, elsewhere, 'program_manager');
    const otherClient = t.client();
    await otherClient.logIn(otherManager.email, otherManager.password);
    const otherPartner = await makePartner({
      site: elsewhere,
      clients: { program_manager: otherClient } as never,
    });
    const { participantId } = await participantWithContacts();
    const startsAt = new Date(t.clock.now().getTime() + 48 * HOUR).toISOString();
    const details = {
      startsAt,
      place: uniquePlace(),
      withWhom: 'Harbor Light intake',
      purpose: 'Shelter bed',
    };

    for (const serviceId of [otherPartner.serviceId, '00000000-0000-4000-8000-000000000000']) {
      const refused = await caseManager.post(appointmentsUrl(participantId), {
        ...details,
        partnerServiceId: serviceId,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'UNKNOWN_SERVICE' });
      expect(refused.body.error.message).toMatch(/partnerServiceId/);
    }
    const booked = await caseManager.post(appointmentsUrl(participantId), {
      ...details,
      partnerServiceId: partner.serviceId,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.partnerServiceId).toBe(partner.serviceId);

    const url = `${appointmentsUrl(participantId)}/${booked.body.id}`;
    const movedAway = await caseManager.request('PATCH', url, {
      body: { partnerServiceId: otherPartner.serviceId },
    });
    expect(movedAway.status).toBe(400);
    expect(movedAway.body.error.code).toBe('UNKNOWN_SERVICE');
    // Moving only the time keeps the service; clearing it is allowed.
    const moved = await caseManager.request('PATCH', url, {
      body: { startsAt: new Date(Date.parse(startsAt) + HOUR).toISOString() },
    });
    expect(moved.body.partnerServiceId).toBe(partner.serviceId);
    const cleared = await caseManager.request('PATCH', url, { body: { partnerServiceId: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.partnerServiceId).toBeNull();
  });

  it('only the care team; every read audited', async () => {
    const { participantId } = await participantWithContacts();
    expect((await officer.get(appointmentsUrl(participantId))).status).toBe(404);
    expect((await analyst.get(appointmentsUrl(participantId))).status).toBe(404);
    await caseManager.get(appointmentsUrl(participantId));
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', participantId)
      .execute();
    expect(audited.map((row) => row.action)).toContain('participant.appointments.view');
  });
});

describe("today's appointments", () => {
  it("lists the site's calendar day, the caller's own participants or the whole site's, with names, audited", async () => {
    const mine = await participantWithContacts();
    const theirs = await makeParticipant(t, site, caseManager, { caseManagerId: null });
    // The test clock reads 2026-05-01 12:00 UTC: 8:00 in New York, the site's zone.
    const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR);
    const morning = await book(mine.participantId, at(-7)); // 01:00 today
    const afternoon = await book(mine.participantId, at(2)); // 10:00 today
    await book(mine.participantId, at(-9)); // 23:00 yesterday
    await book(mine.participantId, at(17)); // 01:00 tomorrow
    const unassigned = await book(theirs.participantId, at(3));
    const url = `/api/v1/sites/${site.id}/appointments/today`;

    const own = await caseManager.get(url);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const ownIds = own.body.appointments.map((item: { id: string }) => item.id);
    expect(ownIds).toContain(morning.id);
    expect(ownIds).toContain(afternoon.id);
    expect(ownIds).not.toContain(unassigned.id);
    expect(own.body.appointments.find((item: { id: string }) => item.id === morning.id).personName).toMatch(
      /^Synthetic /,
    );

    const whole = await caseManager.get(`${url}?scope=site`);
    const wholeIds = whole.body.appointments.map((item: { id: string }) => item.id);
    expect(wholeIds).toEqual(expect.arrayContaining([morning.id, afternoon.id, unassigned.id]));
    expect(wholeIds).toHaveLength(new Set(wholeIds).size);
    const startTimes = whole.body.appointments.map((item: { startsAt: string }) => item.startsAt);
    expect(startTimes).toEqual([...startTimes].sort());
    for (const startsAt of startTimes) {
      expect(startsAt >= '2026-05-01T04:00:00.000Z' && startsAt < '2026-05-02T04:00:00.000Z').toBe(true);
    }

    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', theirs.participantId)
      .execute();
    expect(audited.map((row) => row.action)).toContain('participant.appointments.today');
    expect((await officer.get(url)).status).toBe(404);
  });
});

describe('the missed-appointments policy', () => {
  const setLimit = (limit: number | null) =>
    programManager.request('PATCH', `/api/v1/sites/${site.id}/appointment-settings`, {
      body: { missedAppointmentsExit: limit },
    });
  const past = (hoursAgo: number) => new Date(t.clock.now().getTime() - hoursAgo * HOUR);

  it('is off by default: misses never exit anyone', async () => {
    const settings = await caseManager.get(`/api/v1/sites/${site.id}/appointment-settings`);
    expect(settings.body.missedAppointmentsExit).toBeNull();
    const { participantId } = await participantWithContacts();
    for (const hoursAgo of [72, 48, 24]) {
      const appointment = await book(participantId, past(hoursAgo));
      const missed = await record(participantId, appointment.id, 'missed');
      expect(missed.body.exitedByPolicy).toBe(false);
    }
    expect((await statusOf(participantId)).status).toBe('enrolled');
  });

  it('when on, the Nth consecutive miss exits with reason missed_appointments through the status function', async () => {
    expect((await setLimit(2)).status).toBe(200);
    try {
      const { participantId } = await participantWithContacts();
      const first = await book(participantId, past(72));
      const second = await book(participantId, past(48));
      const third = await book(participantId, past(24));
      expect((await record(participantId, first.id, 'missed')).body.exitedByPolicy).toBe(false);
      // An attended appointment breaks the run.
      expect((await record(participantId, second.id, 'attended')).body.exitedByPolicy).toBe(false);
      expect((await record(participantId, third.id, 'missed')).body.exitedByPolicy).toBe(false);
      expect((await statusOf(participantId)).status).toBe('enrolled');

      const fourth = await book(participantId, past(1));
      const exiting = await record(participantId, fourth.id, 'missed');
      expect(exiting.status, JSON.stringify(exiting.body)).toBe(200);
      expect(exiting.body.exitedByPolicy).toBe(true);
      const status = await statusOf(participantId);
      expect(status).toMatchObject({ status: 'exited', exitReason: 'missed_appointments' });
      // By the policy, not by the person who recorded the miss.
      expect(status.events.at(-1)).toMatchObject({
        event: 'exited',
        exitReason: 'missed_appointments',
        byUserId: null,
      });
      const audited = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'user_id'])
        .where('resource_id', '=', participantId)
        .where('action', '=', 'participant.exited.missed_appointments')
        .execute();
      expect(audited).toEqual([{ action: 'participant.exited.missed_appointments', user_id: null }]);
      // No new appointments while exited.
      const refused = await caseManager.post(appointmentsUrl(participantId), {
        startsAt: new Date(t.clock.now().getTime() + 24 * HOUR).toISOString(),
        place: 'Office',
        withWhom: 'CM',
        purpose: 'Check in',
      });
      expect(refused.status).toBe(409);
    } finally {
      await setLimit(null);
    }
  });

  it('counts only misses since the latest re-entry', async () => {
    expect((await setLimit(2)).status).toBe(200);
    try {
      const { participantId } = await participantWithContacts();
      for (const hoursAgo of [72, 48]) {
        const appointment = await book(participantId, past(hoursAgo));
        await record(participantId, appointment.id, 'missed');
      }
      expect((await statusOf(participantId)).status).toBe('exited');
      const back = await caseManager.post(
        `/api/v1/sites/${site.id}/participants/${participantId}/re-entry`,
        {},
      );
      expect(back.status).toBe(200);
      const soon = await book(participantId, new Date(t.clock.now().getTime() + 10 * 60_000));
      expect((await record(participantId, soon.id, 'missed')).body.exitedByPolicy).toBe(false);
      expect((await statusOf(participantId)).status).toBe('enrolled');
    } finally {
      await setLimit(null);
    }
  });

  it('only a program manager sets it', async () => {
    const refused = await caseManager.request('PATCH', `/api/v1/sites/${site.id}/appointment-settings`, {
      body: { missedAppointmentsExit: 3 },
    });
    expect(refused.status).toBe(403);
    const bad = await programManager.request('PATCH', `/api/v1/sites/${site.id}/appointment-settings`, {
      body: { missedAppointmentsExit: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/missedAppointmentsExit/);
  });
});

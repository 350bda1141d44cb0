import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOutboxOnce } from '../../src/app/outbox/outbox-worker.ts';
import { smsHttpTransport } from '../../src/app/outbox/transports/sms-http.ts';
import { smtpTransport } from '../../src/app/outbox/transports/smtp.ts';
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
import { headerOf, type MailServer, startMailServer } from '../support/mail-server.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// 02:00 on a Saturday in Wilmington (EDT, UTC-4).
const TWO_AM = new Date('2026-05-02T06:00:00Z');
const PRIMARY_SMS = '+19105550111';
const BACKUP_SMS = '+19105550122';
const DAY = 24 * 60 * MINUTE;

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
let mail: MailServer;
let gateway: Server;
let gatewayUrl: string;
const texts: { to: string; body: string; key: string | undefined }[] = [];
type Person = { client: HttpClient; userId: string; email: string };
let officer: Person;
let primary: Person;
let backup: Person;
let colleague: Person;
let programManager: Person;
let analyst: Person;
let managerElsewhere: Person;

async function signedIn(target: SiteRow, role: Role): Promise<Person> {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return { client, userId: user.userId, email: user.email };
}

const inSite = <T>(work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: site.id, userId: null }, work);

const deps = () => ({ db: t.database.db, clock: t.clock.now, config: testConfig() });
const runTimers = () => runTimersOnce(deps(), timerHandlers({ live: t.live }));
/** A fresh outbox worker sending e-mail to the test's SMTP server and SMS to the test's gateway. */
const runOutbox = () =>
  runOutboxOnce(deps(), {
    email: smtpTransport({
      transport: 'smtp',
      host: '127.0.0.1',
      port: mail.port,
      secure: false,
      user: undefined,
      password: undefined,
      from: 'LEAD <lead@example.test>',
    }),
    sms: smsHttpTransport({
      transport: 'http',
      url: gatewayUrl,
      bodyTemplate: '{"to":"{{to}}","body":"{{body}}"}',
      authorization: undefined,
      timeoutMs: 5000,
    }),
  });

const contactUrl = (userId: string, target: SiteRow = site) =>
  `/api/v1/sites/${target.id}/staff/${userId}/contact`;
const settingsUrl = () => `/api/v1/sites/${site.id}/handoff-settings`;

async function acceptedReferral(nameOrAlias: string): Promise<string> {
  const response = await officer.client.post(
    `/api/v1/sites/${site.id}/encounters`,
    eligibleEncounter({ area: 'Beat 4', occurredAt: '2026-05-02T05:50:00Z', person: { nameOrAlias } }),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.referral.id;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TWO_AM);
  mail = await startMailServer();
  gateway = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const sent = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      texts.push({ ...sent, key: request.headers['idempotency-key'] as string | undefined });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  site = await makeSite(t.database.db, { timezone: 'America/New_York' });
  otherSite = await makeSite(t.database.db);
  officer = await signedIn(site, 'officer');
  primary = await signedIn(site, 'case_manager');
  backup = await signedIn(site, 'outreach');
  colleague = await signedIn(site, 'case_manager');
  programManager = await signedIn(site, 'program_manager');
  analyst = await signedIn(site, 'analyst');
  managerElsewhere = await signedIn(otherSite, 'program_manager');
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
afterAll(async () => {
  await t.close();
  await mail.close();
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

describe('SMS alert numbers of staff', () => {
  it('a responder sets their own number; a program manager sets anyone’s; nobody else sees it', async () => {
    expect((await primary.client.get(contactUrl(primary.userId))).body).toEqual({
      userId: primary.userId,
      smsNumber: null,
      smsEnabled: false,
      updatedAt: null,
    });
    const saved = await primary.client.request('PUT', contactUrl(primary.userId), {
      body: { smsNumber: PRIMARY_SMS, smsEnabled: true },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({
      userId: primary.userId,
      smsNumber: PRIMARY_SMS,
      smsEnabled: true,
      updatedAt: TWO_AM.toISOString(),
    });
    // The backup gives a number but keeps SMS alerts off; the program manager sets it for them.
    const forBackup = await programManager.client.request('PUT', contactUrl(backup.userId), {
      body: { smsNumber: BACKUP_SMS, smsEnabled: false },
    });
    expect(forBackup.status, JSON.stringify(forBackup.body)).toBe(200);
    expect((await backup.client.get(contactUrl(backup.userId))).body.smsNumber).toBe(BACKUP_SMS);

    // A colleague may neither see nor set it; another site's manager is told it does not exist.
    expect((await colleague.client.get(contactUrl(primary.userId))).status).toBe(404);
    const overwrite = await colleague.client.request('PUT', contactUrl(primary.userId), {
      body: { smsNumber: '+19105550999', smsEnabled: true },
    });
    expect(overwrite.status).toBe(404);
    expect((await managerElsewhere.client.get(contactUrl(primary.userId))).status).toBe(404);
    expect((await managerElsewhere.client.get(contactUrl(primary.userId, otherSite))).status).toBe(404);
    expect((await primary.client.get(contactUrl(primary.userId))).body.smsNumber).toBe(PRIMARY_SMS);
  });

  it('refuses a number not in E.164 form, and SMS turned on with no number, naming the field', async () => {
    for (const body of [
      { smsNumber: '910-555-0111', smsEnabled: true },
      { smsNumber: '+0105550111', smsEnabled: false },
      { smsNumber: null, smsEnabled: true },
    ]) {
      const refused = await colleague.client.request('PUT', contactUrl(colleague.userId), { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.message).toMatch(/smsNumber/);
    }
    expect((await colleague.client.get(contactUrl(colleague.userId))).body.updatedAt).toBeNull();
  });
});

describe('a hand-off offered to a responder with SMS alerts on', () => {
  it('writes the SMS with the e-mail, and both arrive: the SMS names no one and nowhere', async () => {
    const name = 'Synthetic Quietwater';
    const referralId = await acceptedReferral(name);
    const requested = await officer.client.post(`/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`, {
      mode: 'in_person',
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const handoffId: string = requested.body.id;
    const link = `http://localhost:3000/handoffs/${handoffId}`;

    const outbox = await inSite((tx) =>
      tx
        .selectFrom('outbox_messages')
        .select(['channel', 'recipient', 'subject', 'body', 'purpose'])
        .where('purpose', '=', 'handoff.offered')
        .orderBy('channel')
        .execute(),
    );
    expect(outbox).toEqual([
      {
        channel: 'email',
        recipient: primary.email,
        subject: 'LEAD hand-off waiting',
        body: `A LEAD hand-off is waiting at Beat 4, open the app: ${link}`,
        purpose: 'handoff.offered',
      },
      {
        channel: 'sms',
        recipient: PRIMARY_SMS,
        subject: null,
        body: `LEAD hand-off requested, open the app: ${link}`,
        purpose: 'handoff.offered',
      },
    ]);

    expect(await runOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(texts).toEqual([
      { to: PRIMARY_SMS, body: `LEAD hand-off requested, open the app: ${link}`, key: expect.any(String) },
    ]);
    const delivered = mail.received.filter((received) => received.to.includes(primary.email));
    expect(delivered).toHaveLength(1);
    expect(headerOf(delivered[0]?.raw ?? '', 'Subject')).toBe('LEAD hand-off waiting');
    expect(delivered[0]?.raw).toContain(link);
    for (const sent of [JSON.stringify(texts), delivered[0]?.raw ?? '']) expect(sent).not.toContain(name);

    // Escalated to the backup, whose SMS alerts are off: e-mail only. Nothing is sent twice.
    t.clock.advance(5 * MINUTE + 1000);
    expect((await runTimers()).fired).toBe(1);
    expect(await runOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(texts).toHaveLength(1);
    expect(mail.received.filter((received) => received.to.includes(backup.email))).toHaveLength(1);
    expect(await runOutbox()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const acknowledged = await backup.client.post(`/api/v1/sites/${site.id}/handoffs/${handoffId}/events`, {
      type: 'acknowledge',
      etaMinutes: 10,
    });
    expect(acknowledged.status).toBe(200);
  });

  it('texts the backup too when it escalates to them and they turned SMS alerts on', async () => {
    const on = await backup.client.request('PUT', contactUrl(backup.userId), {
      body: { smsNumber: BACKUP_SMS, smsEnabled: true },
    });
    expect(on.status).toBe(200);
    const referralId = await acceptedReferral('Synthetic Escalated');
    const requested = await officer.client.post(`/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`, {
      mode: 'phone',
    });
    expect(requested.status).toBe(201);
    const link = `http://localhost:3000/handoffs/${requested.body.id}`;
    t.clock.advance(5 * MINUTE + 1000);
    expect((await runTimers()).fired).toBe(1);
    const before = texts.length;
    expect(await runOutbox()).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(texts.slice(before).sort((a, b) => a.to.localeCompare(b.to))).toEqual([
      { to: PRIMARY_SMS, body: `LEAD hand-off requested, open the app: ${link}`, key: expect.any(String) },
      { to: BACKUP_SMS, body: `LEAD hand-off requested, open the app: ${link}`, key: expect.any(String) },
    ]);
  });
});

describe("the site's hand-off settings", () => {
  it('starts at 5 minutes to acknowledge, a 30-minute target and reminders 7 and 2 days before', async () => {
    const settings = await programManager.client.get(settingsUrl());
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({
      acknowledgeMinutes: 5,
      targetMinutes: 30,
      intakeReminderDays: [7, 2],
      reminderPhone: null,
    });
  });

  it('refuses values out of range, naming the field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ acknowledgeMinutes: 0 }, /acknowledgeMinutes/],
      [{ acknowledgeMinutes: 121 }, /acknowledgeMinutes/],
      [{ targetMinutes: 4 }, /targetMinutes/],
      [{ targetMinutes: 241 }, /targetMinutes/],
      [{ targetMinutes: 30.5 }, /targetMinutes/],
      [{ intakeReminderDays: [7, 7] }, /intakeReminderDays/],
      [{ intakeReminderDays: [0] }, /intakeReminderDays/],
      [{ intakeReminderDays: [91] }, /intakeReminderDays/],
      [{ intakeReminderDays: [1, 2, 3, 4, 5, 6] }, /intakeReminderDays/],
      [{ reminderPhone: 'call me' }, /reminderPhone/],
    ];
    for (const [body, field] of cases) {
      const refused = await programManager.client.request('PUT', settingsUrl(), { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.message).toMatch(field);
    }
    expect((await programManager.client.request('PUT', settingsUrl(), { body: {} })).status).toBe(400);
    expect((await programManager.client.get(settingsUrl())).body.targetMinutes).toBe(30);
  });

  it('saves what is given and keeps the rest; the next offer waits the new limit', async () => {
    const saved = await programManager.client.request('PUT', settingsUrl(), {
      body: {
        acknowledgeMinutes: 3,
        targetMinutes: 45,
        intakeReminderDays: [2, 10],
        reminderPhone: '910-555-0100',
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({
      acknowledgeMinutes: 3,
      targetMinutes: 45,
      intakeReminderDays: [10, 2],
      reminderPhone: '910-555-0100',
    });
    const partly = await programManager.client.request('PUT', settingsUrl(), { body: { targetMinutes: 30 } });
    expect(partly.body).toMatchObject({
      acknowledgeMinutes: 3,
      targetMinutes: 30,
      intakeReminderDays: [10, 2],
    });

    const referralId = await acceptedReferral('Synthetic Limit');
    const requested = await officer.client.post(`/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`, {
      mode: 'phone',
    });
    expect(requested.status).toBe(201);
    const escalation = await inSite((tx) =>
      tx
        .selectFrom('timers')
        .select('due_at')
        .where('kind', '=', 'handoff_escalation')
        .where('payload', '@>', JSON.stringify({ handoffId: requested.body.id }))
        .executeTakeFirstOrThrow(),
    );
    expect(new Date(escalation.due_at).getTime() - t.clock.now().getTime()).toBe(3 * MINUTE);
  });
});

describe('pending intakes, for the case manager’s queue', () => {
  it('lists accepted referrals waiting for intake, soonest deadline first, and audits the read', async () => {
    // A fresh site, so the list holds only this test's referrals.
    const queueSite = await makeSite(t.database.db, { timezone: 'America/New_York' });
    const fieldOfficer = await signedIn(queueSite, 'officer');
    const caseManagerUser = await makeUser(t.database.db, queueSite, 'case_manager');
    const adminUser = await makeUser(t.database.db, queueSite, 'admin');
    const submit = async (pathway: string, nameOrAlias: string, extra: Record<string, unknown> = {}) => {
      const response = await fieldOfficer.client.post(
        `/api/v1/sites/${queueSite.id}/encounters`,
        eligibleEncounter({ pathway, person: { nameOrAlias }, ...extra }),
      );
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.referral.id as string;
    };
    const acceptedAt = t.clock.now();
    const social = await submit('social_contact', 'Synthetic Fourteen');
    t.clock.advance(MINUTE);
    const arrest = await submit('arrest_diversion', 'Synthetic Thirty', {
      incidentNumber: 'WPD-PENDING-1',
      chargeCodes: ['POSS_PARA'],
    });
    await submit('social_contact', 'Synthetic Declined', {
      offer: { outcome: 'declined', reason: 'not_now' },
    });
    const done = await submit('self_referral', 'Synthetic Done');
    await inScope(t.database.db, { siteId: queueSite.id, userId: null }, async (tx) => {
      await tx
        .updateTable('intake_deadlines')
        .set({ intake_completed_at: t.clock.now() })
        .where('referral_id', '=', done)
        .execute();
      const person = await tx
        .selectFrom('referrals')
        .select('person_id')
        .where('id', '=', arrest)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('participants')
        .values({
          site_id: queueSite.id,
          person_id: person.person_id,
          referral_id: arrest,
          status: 'intake',
          case_manager_id: caseManagerUser.userId,
          created_at: t.clock.now(),
          enrolled_at: null,
          exited_at: null,
          exit_reason: null,
          last_contact_at: null,
        })
        .execute();
    });
    const before = t.clock.now();
    t.clock.advance(3 * DAY);
    const caseManager = t.client();
    const admin = t.client();
    expect((await caseManager.logIn(caseManagerUser.email, caseManagerUser.password)).status).toBe(200);
    expect((await admin.logIn(adminUser.email, adminUser.password)).status).toBe(200);

    const listed = await caseManager.get(`/api/v1/sites/${queueSite.id}/intakes/pending`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.pendingIntakes).toEqual([
      {
        referralId: social,
        personName: 'Synthetic Fourteen',
        pathway: 'social_contact',
        acceptedAt: acceptedAt.toISOString(),
        dueAt: new Date(acceptedAt.getTime() + 14 * DAY).toISOString(),
        daysLeft: 11,
        latestHandoff: null,
        caseManager: null,
      },
      {
        referralId: arrest,
        personName: 'Synthetic Thirty',
        pathway: 'arrest_diversion',
        acceptedAt: new Date(acceptedAt.getTime() + MINUTE).toISOString(),
        dueAt: new Date(acceptedAt.getTime() + MINUTE + 30 * DAY).toISOString(),
        daysLeft: 27,
        latestHandoff: null,
        caseManager: { userId: caseManagerUser.userId, displayName: expect.any(String) },
      },
    ]);

    // The latest hand-off of a referral shows with its state.
    const handoff = await caseManager.post(`/api/v1/sites/${queueSite.id}/referrals/${social}/handoffs`, {
      mode: 'in_person',
    });
    expect(handoff.status).toBe(201);
    const again = await caseManager.get(`/api/v1/sites/${queueSite.id}/intakes/pending?limit=1`);
    expect(again.body.pendingIntakes).toHaveLength(1);
    expect(again.body.pendingIntakes[0].latestHandoff).toEqual({
      id: handoff.body.id,
      state: 'unanswered',
      mode: 'in_person',
      requestedAt: t.clock.now().toISOString(),
      updatedAt: t.clock.now().toISOString(),
    });

    const audit = await admin.get(`/api/v1/sites/${queueSite.id}/audit?limit=500`);
    const reads = audit.body.entries.filter(
      (entry: { action: string; userId: string }) =>
        entry.action === 'intakes.pending.list' && entry.userId === caseManagerUser.userId,
    );
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ resourceType: 'referral', outcome: 'success' });
    expect(JSON.stringify(audit.body)).not.toContain('Synthetic Fourteen');
    t.clock.set(before);
  });

  it('is refused to analysts and officers', async () => {
    expect((await analyst.client.get(`/api/v1/sites/${site.id}/intakes/pending`)).status).toBe(403);
    expect((await officer.client.get(`/api/v1/sites/${site.id}/intakes/pending`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { dateInZone } from '../../src/domain/participants/intake.ts';
import type { ReleaseCategory } from '../../src/domain/participants/release.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import {
  linkProvider,
  makePartner,
  makeRelease,
  type PartnerDirectory,
} from '../support/service-referral-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// A partner organization sees a referred person's engagement level and their attendance of the
// organization's own appointments only under a release in force naming it for those categories; its
// users are told by e-mail that a referral arrived, and nothing about the person.

const PUBLIC_URL = 'https://lead.example.test';
const ROLES: Role[] = ['officer', 'case_manager', 'program_manager', 'provider'];

let t: TestApp;
let site: SiteRow;
const clients = {} as Record<Role, HttpClient>;
const users = {} as Record<Role, { userId: string; email: string }>;
let shelter: PartnerDirectory;
let clinic: PartnerDirectory;
let secondShelterUser: { userId: string; email: string };
let clinicUser: { client: HttpClient; userId: string; email: string };
let unlinkedProvider: { userId: string; email: string };

const url = (path: string) => `/api/v1/sites/${site.id}${path}`;
const target = () => ({ site, clients, users });
const inSite = <T>(work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: site.id, userId: null }, work);

async function member(role: Role) {
  const user = await makeUser(t.database.db, site, role);
  const client = t.client();
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return { client, userId: user.userId, email: user.email };
}

beforeAll(async () => {
  t = await startTestApp({ publicUrl: PUBLIC_URL });
  site = await makeSite(t.database.db);
  for (const role of ROLES) {
    const made = await member(role);
    clients[role] = made.client;
    users[role] = { userId: made.userId, email: made.email };
  }
  shelter = await makePartner(target(), 'Harbor Light Shelter');
  clinic = await makePartner(target(), 'Riverside Clinic');
  await linkProvider(target(), users.provider.userId, shelter.organizationId);
  secondShelterUser = await member('provider');
  await linkProvider(target(), secondShelterUser.userId, shelter.organizationId);
  clinicUser = await member('provider');
  await linkProvider(target(), clinicUser.userId, clinic.organizationId);
  unlinkedProvider = await member('provider');
}, 120_000);
afterAll(() => t.close());

/** An enrolled person referred to the shelter under a release naming it for `categories`. */
async function referredToShelter(categories: ReleaseCategory[]) {
  const { participantId } = await makeParticipant(t, site, clients.officer);
  const releaseId = await makeRelease(t, site, participantId, {
    organizationId: shelter.organizationId,
    categories: ['service_referrals', ...categories],
    recordedBy: users.case_manager.userId,
  });
  const sent = await clients.case_manager.post(url(`/participants/${participantId}/service-referrals`), {
    serviceId: shelter.serviceId,
    reason: 'Needs a bed tonight',
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return { participantId, releaseId, referralId: sent.body.id as string };
}

const revoke = (releaseId: string) =>
  inSite((tx) =>
    tx
      .updateTable('releases')
      .set({
        revoked_at: t.clock.now(),
        revoked_by: users.case_manager.userId,
        revocation_note: 'Asked to stop',
      })
      .where('id', '=', releaseId)
      .execute(),
  );

const asProvider = async (referralId: string) => {
  const one = await clients.provider.get(url(`/provider/referrals/${referralId}`));
  expect(one.status, JSON.stringify(one.body)).toBe(200);
  const list = await clients.provider.get(url('/provider/referrals'));
  const listed = list.body.referrals.find((each: { id: string }) => each.id === referralId);
  expect(listed).toEqual(one.body);
  return one.body;
};

let minutesAhead = 0;

/**
 * Books an appointment starting within the hour (so attendance can be recorded), each a few minutes
 * after the last, and records its attendance when told.
 */
async function appointment(participantId: string, partnerServiceId: string | null, status?: string) {
  const booked = await clients.case_manager.post(url(`/participants/${participantId}/appointments`), {
    startsAt: new Date(t.clock.now().getTime() + ((minutesAhead++ % 50) + 5) * 60_000).toISOString(),
    place: 'Front desk',
    withWhom: 'Intake worker',
    ...(partnerServiceId ? { partnerServiceId } : {}),
    purpose: 'Intake',
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  if (status) {
    const recorded = await clients.case_manager.post(
      url(`/participants/${participantId}/appointments/${booked.body.id}/status`),
      { status },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
  }
  return dateInZone(new Date(booked.body.startsAt), site.timezone);
}

describe('what the partner sees of engagement and attendance', () => {
  it('neither without the categories', async () => {
    const { participantId, referralId } = await referredToShelter([]);
    await appointment(participantId, shelter.serviceId, 'attended');
    const seen = await asProvider(referralId);
    expect(seen.engagementLevel).toBeNull();
    expect(seen.attendance).toBeNull();
    expect(seen.disclosed).toEqual(['service_referrals']);
  });

  it('the engagement level under engagement_level, until the release is revoked', async () => {
    const { referralId, releaseId } = await referredToShelter(['engagement_level']);
    const seen = await asProvider(referralId);
    expect(seen.engagementLevel).toBe('active');
    expect(seen.attendance).toBeNull();
    await revoke(releaseId);
    const after = await clients.provider.get(url(`/provider/referrals/${referralId}`));
    expect(after.status).toBe(404);
    // A release for service referrals alone brings the referral back, without the engagement.
    const { participantId } = await inSite((tx) =>
      tx
        .selectFrom('service_referrals')
        .select('participant_id as participantId')
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow(),
    );
    await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['service_referrals'],
      recordedBy: users.case_manager.userId,
    });
    expect((await asProvider(referralId)).engagementLevel).toBeNull();
  });

  it("attendance under attendance: only the organization's own appointments, counts, dates and status", async () => {
    const { participantId, referralId, releaseId } = await referredToShelter(['attendance']);
    const attendedOn = await appointment(participantId, shelter.serviceId, 'attended');
    const missedOn = await appointment(participantId, shelter.serviceId, 'missed');
    const scheduledOn = await appointment(participantId, shelter.serviceId);
    // Appointments with another partner, or with no partner, are not the shelter's to see.
    await appointment(participantId, clinic.serviceId, 'missed');
    await appointment(participantId, null, 'attended');

    const seen = await asProvider(referralId);
    expect(seen.engagementLevel).toBeNull();
    expect(seen.attendance).toEqual({
      attended: 1,
      missed: 1,
      appointments: [
        { date: attendedOn, status: 'attended' },
        { date: missedOn, status: 'missed' },
        { date: scheduledOn, status: 'scheduled' },
      ],
    });
    for (const each of seen.attendance.appointments)
      expect(Object.keys(each).sort()).toEqual(['date', 'status']);

    // The clinic's user sees nothing of this referral at all.
    expect((await clinicUser.client.get(url(`/provider/referrals/${referralId}`))).status).toBe(404);

    await revoke(releaseId);
    expect((await clients.provider.get(url(`/provider/referrals/${referralId}`))).status).toBe(404);
  });

  it('attendance is hidden on the next request when only that release is revoked', async () => {
    const { participantId, referralId } = await referredToShelter([]);
    await appointment(participantId, shelter.serviceId, 'attended');
    const attendanceRelease = await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['attendance', 'engagement_level'],
      recordedBy: users.case_manager.userId,
    });
    const shown = await asProvider(referralId);
    expect(shown.attendance.attended).toBe(1);
    expect(shown.engagementLevel).toBe('active');
    await revoke(attendanceRelease);
    const hidden = await asProvider(referralId);
    expect(hidden.attendance).toBeNull();
    expect(hidden.engagementLevel).toBeNull();
  });

  it('no engagement level for someone who has exited', async () => {
    const { participantId } = await makeParticipant(t, site, clients.officer);
    await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['service_referrals', 'engagement_level'],
      recordedBy: users.case_manager.userId,
    });
    const sent = await clients.case_manager.post(url(`/participants/${participantId}/service-referrals`), {
      serviceId: shelter.serviceId,
      reason: 'Needs a bed tonight',
    });
    expect(sent.status).toBe(201);
    const exited = await clients.case_manager.post(url(`/participants/${participantId}/exit`), {
      reason: 'moved',
    });
    expect(exited.status, JSON.stringify(exited.body)).toBe(200);
    expect((await asProvider(sent.body.id)).engagementLevel).toBeNull();
  });
});

describe('the partner is told a referral arrived', () => {
  const notices = () =>
    inSite((tx) =>
      tx
        .selectFrom('outbox_messages')
        .select(['id', 'recipient', 'channel', 'subject', 'body'])
        .where('purpose', '=', 'service_referral.sent')
        .orderBy('recipient')
        .execute(),
    );

  it("by e-mail to each of the organization's provider users, saying nothing about the person", async () => {
    const before = new Set((await notices()).map((notice) => notice.id));
    await referredToShelter([]);
    const written = (await notices()).filter((notice) => !before.has(notice.id));
    expect(written.map((notice) => notice.recipient).sort()).toEqual(
      [users.provider.email, secondShelterUser.email].sort(),
    );
    const body = `A new referral was sent to Harbor Light Shelter in the LEAD app: ${PUBLIC_URL}/provider/referrals`;
    for (const notice of written) {
      expect(notice.channel).toBe('email');
      expect(notice.body).toBe(body);
      expect(notice.subject).not.toMatch(/synthetic|bed/i);
    }
    expect(written.map((notice) => notice.recipient)).not.toContain(clinicUser.email);
    expect(written.map((notice) => notice.recipient)).not.toContain(unlinkedProvider.email);
  });

  it('not at all when the referral is refused (the notice shares its transaction)', async () => {
    const before = (await notices()).length;
    const { participantId } = await makeParticipant(t, site, clients.officer);
    const refused = await clients.case_manager.post(url(`/participants/${participantId}/service-referrals`), {
      serviceId: shelter.serviceId,
      reason: 'Needs a bed tonight',
    });
    expect(refused.status).toBe(409);
    expect((await notices()).length).toBe(before);
  });
});

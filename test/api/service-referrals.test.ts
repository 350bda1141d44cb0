import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
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

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
const clients = {} as Record<Role, HttpClient>;
const users = {} as Record<Role, { userId: string }>;
let otherProvider: HttpClient;
let careTeamAtOtherSite: HttpClient;
let shelter: PartnerDirectory;
let clinic: PartnerDirectory;

const ALL_ROLES: Role[] = [
  'officer',
  'community_referrer',
  'case_manager',
  'outreach',
  'peer_support',
  'program_manager',
  'prosecutor',
  'provider',
  'analyst',
  'admin',
];

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return { client, userId: user.userId };
}

const inSite = <T>(work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: site.id, userId: null }, work);

const url = (path: string, target = site) => `/api/v1/sites/${target.id}${path}`;
const target = () => ({ site, clients, users });

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  for (const role of ALL_ROLES) {
    const person = await signedIn(site, role);
    clients[role] = person.client;
    users[role] = { userId: person.userId };
  }
  shelter = await makePartner(target(), 'Harbor Light Shelter');
  clinic = await makePartner(target(), 'Riverside Clinic');
  await linkProvider(target(), users.provider.userId, shelter.organizationId);
  const clinicProvider = await signedIn(site, 'provider');
  otherProvider = clinicProvider.client;
  await linkProvider(target(), clinicProvider.userId, clinic.organizationId);
  careTeamAtOtherSite = (await signedIn(otherSite, 'case_manager')).client;
}, 120_000);
afterAll(() => t.close());

async function participant(status: 'intake' | 'enrolled' | 'exited' = 'enrolled') {
  return (await makeParticipant(t, site, clients.officer, { status })).participantId;
}

function refer(participantId: string, serviceId = shelter.serviceId, client = clients.case_manager) {
  return client.post(url(`/participants/${participantId}/service-referrals`), {
    serviceId,
    reason: 'Needs a bed tonight',
  });
}

async function referred(categories: Parameters<typeof makeRelease>[3]['categories'] = ['service_referrals']) {
  const participantId = await participant();
  const releaseId = await makeRelease(t, site, participantId, {
    organizationId: shelter.organizationId,
    categories,
    recordedBy: users.case_manager.userId,
  });
  const response = await refer(participantId);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { participantId, releaseId, referralId: response.body.id as string };
}

const providerStatus = (client: HttpClient, referralId: string, status: string, reason = 'Because') =>
  client.post(url(`/provider/referrals/${referralId}/status`), { status, reason });

describe('sending a service referral', () => {
  it('needs a release in force naming the organization for service referrals', async () => {
    const participantId = await participant();
    const refused = await refer(participantId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RELEASE_REQUIRED');

    // A release to another organization, or to this one without service referrals, or expired, is not enough.
    await makeRelease(t, site, participantId, {
      organizationId: clinic.organizationId,
      categories: ['service_referrals'],
      recordedBy: users.case_manager.userId,
    });
    await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['enrolment_status'],
      recordedBy: users.case_manager.userId,
    });
    await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['service_referrals'],
      recordedBy: users.case_manager.userId,
      expiresOn: '2020-01-01',
    });
    expect((await refer(participantId)).body.error.code).toBe('RELEASE_REQUIRED');
    // ...but the clinic may receive one.
    expect((await refer(participantId, clinic.serviceId)).status).toBe(201);

    await makeRelease(t, site, participantId, {
      organizationId: shelter.organizationId,
      categories: ['service_referrals'],
      recordedBy: users.case_manager.userId,
    });
    const sent = await refer(participantId);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({
      participantId,
      status: 'requested',
      service: { id: shelter.serviceId, name: 'Harbor Light Shelter intake' },
      organization: { id: shelter.organizationId, name: 'Harbor Light Shelter' },
      nextStatuses: ['cancelled'],
      history: [
        { from: null, to: 'requested', reason: 'Needs a bed tonight', at: t.clock.now().toISOString() },
      ],
    });
  });

  it('is refused for someone who exited, an unknown participant or service, and without a reason', async () => {
    const exited = await participant('exited');
    await makeRelease(t, site, exited, {
      organizationId: shelter.organizationId,
      categories: ['service_referrals'],
      recordedBy: users.case_manager.userId,
    });
    expect((await refer(exited)).body.error.code).toBe('PARTICIPANT_EXITED');
    expect((await refer('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const { participantId } = await referred();
    expect((await refer(participantId, '00000000-0000-4000-8000-000000000000')).body.error.code).toBe(
      'UNKNOWN_SERVICE',
    );
    const noReason = await clients.case_manager.post(
      url(`/participants/${participantId}/service-referrals`),
      {
        serviceId: shelter.serviceId,
        reason: '  ',
      },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason/);
  });
});

describe('closing the loop', () => {
  it('the partner moves it through FHIR Task statuses, each change with its reason, who and when', async () => {
    const { participantId, referralId } = await referred();
    t.clock.advance(60_000);
    expect(
      (await providerStatus(clients.provider, referralId, 'received', 'Seen at the front desk')).status,
    ).toBe(200);
    t.clock.advance(60_000);
    const accepted = await providerStatus(clients.provider, referralId, 'accepted', 'Bed held until 9pm');
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      nextStatuses: ['in_progress', 'on_hold', 'completed', 'failed'],
    });
    // Not allowed from here, and never without a reason.
    expect((await providerStatus(clients.provider, referralId, 'received')).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const noReason = await providerStatus(clients.provider, referralId, 'in_progress', '');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason/);
    // The partner cannot cancel; the care team can put it on hold.
    expect((await providerStatus(clients.provider, referralId, 'cancelled')).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const held = await clients.case_manager.post(url(`/service-referrals/${referralId}/status`), {
      status: 'on_hold',
      reason: 'In hospital for a few days',
    });
    expect(held.status).toBe(200);
    await providerStatus(clients.provider, referralId, 'in_progress', 'Back, checked in');
    await providerStatus(clients.provider, referralId, 'completed', 'Housed');

    const list = await clients.case_manager.get(url(`/participants/${participantId}/service-referrals`));
    expect(list.status).toBe(200);
    const [referral] = list.body.referrals;
    expect(referral.status).toBe('completed');
    expect(referral.nextStatuses).toEqual([]);
    expect(referral.history.map((event: { to: string; reason: string }) => [event.to, event.reason])).toEqual(
      [
        ['requested', 'Needs a bed tonight'],
        ['received', 'Seen at the front desk'],
        ['accepted', 'Bed held until 9pm'],
        ['on_hold', 'In hospital for a few days'],
        ['in_progress', 'Back, checked in'],
        ['completed', 'Housed'],
      ],
    );
    const stored = await inSite((tx) =>
      tx
        .selectFrom('service_referral_events')
        .select(['seq', 'user_id', 'at', 'from_status'])
        .where('service_referral_id', '=', referralId)
        .orderBy('seq')
        .execute(),
    );
    expect(stored.map((event) => event.user_id)).toEqual([
      users.case_manager.userId,
      users.provider.userId,
      users.provider.userId,
      users.case_manager.userId,
      users.provider.userId,
      users.provider.userId,
    ]);
    expect(stored[1]?.from_status).toBe('requested');
    expect((stored[1]?.at.getTime() ?? 0) - (stored[0]?.at.getTime() ?? 0)).toBe(60_000);
  });

  it('the care team cancels an open referral with a reason', async () => {
    const { referralId } = await referred();
    const cancelled = await clients.outreach.post(url(`/service-referrals/${referralId}/status`), {
      status: 'cancelled',
      reason: 'Found a place with family',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', nextStatuses: [] });
    expect(
      (
        await clients.outreach.post(url(`/service-referrals/${referralId}/status`), {
          status: 'in_progress',
          reason: 'x',
        })
      ).body.error.code,
    ).toBe('INVALID_TRANSITION');
  });
});

describe('what the partner sees', () => {
  it('only referrals sent to their own organization', async () => {
    const { referralId } = await referred();
    const mine = await clients.provider.get(url('/provider/referrals'));
    expect(mine.body.organization).toEqual({ id: shelter.organizationId, name: 'Harbor Light Shelter' });
    expect(mine.body.referrals.map((r: { id: string }) => r.id)).toContain(referralId);
    const theirs = await otherProvider.get(url('/provider/referrals'));
    expect(theirs.body.referrals.map((r: { id: string }) => r.id)).not.toContain(referralId);
    expect((await otherProvider.get(url(`/provider/referrals/${referralId}`))).status).toBe(404);
    expect((await providerStatus(otherProvider, referralId, 'accepted')).status).toBe(404);
  });

  it('only the fields of the categories released to them', async () => {
    const bare = await referred(['service_referrals']);
    const seen = await clients.provider.get(url(`/provider/referrals/${bare.referralId}`));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      status: 'requested',
      service: { id: shelter.serviceId },
      disclosed: ['service_referrals'],
      enrolmentStatus: null,
      contactMethods: null,
    });
    expect(typeof seen.body.nameOrAlias).toBe('string');
    expect(seen.body).not.toHaveProperty('participantId');

    const full = await referred(['service_referrals', 'contact_information', 'enrolment_status']);
    const person = await inSite((tx) =>
      tx
        .selectFrom('participants')
        .select('person_id')
        .where('id', '=', full.participantId)
        .executeTakeFirstOrThrow(),
    );
    await inSite((tx) =>
      tx
        .insertInto('person_contact_methods')
        .values({
          site_id: site.id,
          person_id: person.person_id,
          position: 1,
          kind: 'sms',
          value: '+19105550187',
          note: "a friend's phone",
          reminders_allowed: true,
        })
        .execute(),
    );
    const shown = await clients.provider.get(url(`/provider/referrals/${full.referralId}`));
    expect(shown.body).toMatchObject({
      disclosed: ['contact_information', 'enrolment_status', 'service_referrals'],
      enrolmentStatus: 'enrolled',
      contactMethods: [{ kind: 'sms', value: '+19105550187', note: "a friend's phone" }],
    });
  });

  it('nothing once the release is revoked, from the next request on', async () => {
    const { referralId, releaseId, participantId } = await referred([
      'service_referrals',
      'contact_information',
    ]);
    expect((await clients.provider.get(url(`/provider/referrals/${referralId}`))).status).toBe(200);
    await inSite((tx) =>
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
    expect((await clients.provider.get(url(`/provider/referrals/${referralId}`))).status).toBe(404);
    const list = await clients.provider.get(url('/provider/referrals'));
    expect(list.body.referrals.map((r: { id: string }) => r.id)).not.toContain(referralId);
    expect((await providerStatus(clients.provider, referralId, 'accepted')).status).toBe(404);
    // The care team still sees it, and a new one cannot be sent.
    const careTeam = await clients.case_manager.get(url(`/participants/${participantId}/service-referrals`));
    expect(careTeam.body.referrals.map((r: { id: string }) => r.id)).toEqual([referralId]);
    expect((await refer(participantId)).body.error.code).toBe('RELEASE_REQUIRED');
  });

  it("revoking through the care team's release route hides it from the very next request", async () => {
    const { referralId, releaseId, participantId } = await referred();
    expect((await clients.provider.get(url(`/provider/referrals/${referralId}`))).status).toBe(200);
    const revoked = await clients.case_manager.post(
      url(`/participants/${participantId}/releases/${releaseId}/revoke`),
      { note: 'Asked us to stop sharing' },
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ inForce: false });
    expect((await clients.provider.get(url(`/provider/referrals/${referralId}`))).status).toBe(404);
  });

  it('a provider not yet linked to an organization sees nothing', async () => {
    const unlinked = await signedIn(site, 'provider');
    const { referralId } = await referred();
    expect((await unlinked.client.get(url('/provider/referrals'))).body).toEqual({
      organization: null,
      referrals: [],
    });
    expect((await unlinked.client.get(url(`/provider/referrals/${referralId}`))).status).toBe(404);
  });
});

describe('who gets nothing', () => {
  it('officers, prosecutors, analysts, admins and community referrers are told it does not exist', async () => {
    const { participantId, referralId } = await referred();
    for (const role of ['officer', 'prosecutor', 'analyst', 'admin', 'community_referrer'] as const) {
      const client = clients[role];
      for (const response of [
        await client.get(url(`/participants/${participantId}/service-referrals`)),
        await refer(participantId, shelter.serviceId, client),
        await client.post(url(`/service-referrals/${referralId}/status`), {
          status: 'cancelled',
          reason: 'x',
        }),
        await client.get(url('/provider/referrals')),
        await client.get(url(`/provider/referrals/${referralId}`)),
      ]) {
        expect(response.status, role).toBe(404);
        expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      }
    }
  });

  it('another site is told it does not exist', async () => {
    const { participantId, referralId } = await referred();
    const elsewhere = (path: string) => `/api/v1/sites/${otherSite.id}${path}`;
    expect(
      (await careTeamAtOtherSite.get(elsewhere(`/participants/${participantId}/service-referrals`))).status,
    ).toBe(404);
    expect(
      (
        await careTeamAtOtherSite.post(elsewhere(`/service-referrals/${referralId}/status`), {
          status: 'cancelled',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    // And the site's own care team, asking through the other site's address, is not a member there.
    expect(
      (await clients.case_manager.get(elsewhere(`/participants/${participantId}/service-referrals`))).status,
    ).toBe(404);
  });
});

describe('audit', () => {
  it("every read of a participant's service referrals is audited, by the care team and by the partner", async () => {
    const { participantId, referralId } = await referred();
    await clients.peer_support.get(url(`/participants/${participantId}/service-referrals`));
    await clients.provider.get(url(`/provider/referrals/${referralId}`));
    const rows = await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'user_id', 'resource_type', 'resource_id'])
        .where('site_id', '=', site.id)
        .where('resource_id', 'in', [participantId, referralId])
        .execute(),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          action: 'service_referrals.viewed',
          user_id: users.peer_support.userId,
          resource_type: 'participant',
          resource_id: participantId,
        },
        {
          action: 'service_referral.viewed_by_provider',
          user_id: users.provider.userId,
          resource_type: 'service_referral',
          resource_id: referralId,
        },
      ]),
    );
  });
});

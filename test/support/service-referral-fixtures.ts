import { expect } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { ReleaseCategory } from '../../src/domain/participants/release.ts';
import type { RouteDefinition } from '../../src/http/route.ts';
import type { HttpClient } from './http-client.ts';
import { makeParticipant } from './participants.ts';
import type { TestApp } from './test-app.ts';

type Target = { site: SiteRow; clients: Record<Role, HttpClient>; users: Record<Role, { userId: string }> };

export type PartnerDirectory = { organizationId: string; serviceId: string };

/** A partner organization with one service at the target site, made by its program manager. */
export async function makePartner(
  target: Pick<Target, 'site' | 'clients'>,
  name = 'Harbor Light Shelter',
): Promise<PartnerDirectory> {
  const base = `/api/v1/sites/${target.site.id}/directory/organizations`;
  const organization = await target.clients.program_manager.post(base, {
    name,
    description: `${name}: a synthetic partner.`,
  });
  expect(organization.status, JSON.stringify(organization.body)).toBe(201);
  const service = await target.clients.program_manager.post(`${base}/${organization.body.id}/services`, {
    name: `${name} intake`,
    categories: ['shelter_housing'],
    languages: ['en', 'es'],
  });
  expect(service.status, JSON.stringify(service.body)).toBe(201);
  return { organizationId: organization.body.id, serviceId: service.body.id };
}

/** Links a provider user to an organization (as the site's program manager would). */
export async function linkProvider(
  target: Pick<Target, 'site' | 'clients'>,
  providerUserId: string,
  organizationId: string,
) {
  const response = await target.clients.program_manager.request(
    'PUT',
    `/api/v1/sites/${target.site.id}/staff/${providerUserId}/provider-organization`,
    { body: { organizationId } },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/**
 * A signed release naming `organizationId` for `categories`, inserted directly (the intake routes
 * are tested elsewhere); answers its id, for revoking it in the database.
 */
export async function makeRelease(
  t: { database: { db: TestApp['database']['db'] }; clock: { now(): Date } },
  site: SiteRow,
  participantId: string,
  release: { organizationId: string; categories: ReleaseCategory[]; recordedBy: string; expiresOn?: string },
): Promise<string> {
  return inScope(t.database.db, { siteId: site.id, userId: null }, async (tx) => {
    const row = await tx
      .insertInto('releases')
      .values({
        site_id: site.id,
        participant_id: participantId,
        person_name: 'Sam Synthetic',
        discloser: 'Synthetic LEAD program',
        categories: release.categories,
        purpose: 'Coordinate services',
        revocation_terms: 'Tell your case manager, in writing or out loud, at any time.',
        expires_on: release.expiresOn ?? '2099-12-31',
        expiry_event: null,
        signature_kind: 'typed',
        signature: 'Sam Synthetic',
        signed_on: '2026-01-01',
        recorded_by: release.recordedBy,
        recorded_at: t.clock.now(),
        revoked_at: null,
        revoked_by: null,
        revocation_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('release_recipients')
      .values({
        site_id: site.id,
        release_id: row.id,
        position: 1,
        kind: 'provider_organization',
        organization_id: release.organizationId,
        name: 'The partner',
      })
      .execute();
    return row.id;
  });
}

/** An enrolled participant whose release lets `partner` receive referrals; answers their id. */
export async function makeReferablePerson(t: TestApp, target: Target, partner: PartnerDirectory) {
  const { participantId } = await makeParticipant(t, target.site, target.clients.officer);
  await makeRelease(t, target.site, participantId, {
    organizationId: partner.organizationId,
    categories: ['service_referrals'],
    recordedBy: target.users.case_manager.userId,
  });
  return participantId;
}

/** A referral of a fresh participant to the partner's service, sent by the case manager. */
export async function makeServiceReferral(t: TestApp, target: Target, partner: PartnerDirectory) {
  const participantId = await makeReferablePerson(t, target, partner);
  const response = await target.clients.case_manager.post(
    `/api/v1/sites/${target.site.id}/participants/${participantId}/service-referrals`,
    { serviceId: partner.serviceId, reason: 'Needs a bed tonight' },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { participantId, referralId: response.body.id as string };
}

const partners = new Map<string, PartnerDirectory>();

/** The target site's partner for the matrix, made once, with the site's provider user linked to it. */
async function matrixPartner(target: Target): Promise<PartnerDirectory> {
  let partner = partners.get(target.site.id);
  if (!partner) {
    partner = await makePartner(target);
    await linkProvider(target, target.users.provider.userId, partner.organizationId);
    partners.set(target.site.id, partner);
  }
  return partner;
}

/**
 * For the authorization matrix: the URL and body of a request to a directory or service referral
 * route about `target`, with fresh resources; undefined for any other route.
 */
export async function directoryAndServiceReferralRequest(
  t: TestApp,
  route: RouteDefinition,
  target: Target,
): Promise<{ url: string; body: unknown } | undefined> {
  if (!/^(directory\.|service_referrals\.|provider\.)/.test(route.id)) return undefined;
  const partner = await matrixPartner(target);
  let url = route.url
    .replace(':siteId', target.site.id)
    .replace(':organizationId', partner.organizationId)
    .replace(':serviceId', partner.serviceId)
    .replace(':userId', target.users.provider.userId);
  if (url.includes(':participantId'))
    url = url.replace(':participantId', await makeReferablePerson(t, target, partner));
  if (url.includes(':serviceReferralId'))
    url = url.replace(':serviceReferralId', (await makeServiceReferral(t, target, partner)).referralId);
  const bodies: Record<string, unknown> = {
    'directory.organizations.create': { name: 'New Partner', description: 'A synthetic partner.' },
    'directory.organizations.update': { description: 'Open late on Fridays.' },
    'directory.services.create': { name: 'Food boxes', categories: ['food'] },
    'directory.services.update': { status: 'active' },
    'directory.services.capacity': { capacity: 'waitlist' },
    'directory.provider_organization.set': { organizationId: partner.organizationId },
    'service_referrals.create': { serviceId: partner.serviceId, reason: 'Needs a bed tonight' },
    'service_referrals.change_status': { status: 'cancelled', reason: 'Found a place with family' },
    'provider.referrals.change_status': { status: 'received', reason: 'Seen at the front desk' },
  };
  return { url, body: bodies[route.id] ?? (route.body ? {} : undefined) };
}

import { sql } from 'kysely';
import type { ReleaseCategory, ReleaseTerms } from '../../domain/participants/release.ts';
import type { ServiceReferralStatus, StatusChange } from '../../domain/service-referrals/service-referral.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export type ServiceReferralRecord = {
  id: string;
  participantId: string;
  serviceId: string;
  serviceName: string;
  organizationId: string;
  organizationName: string;
  status: ServiceReferralStatus;
  note: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
};

export type ServiceReferralEventRecord = {
  seq: number;
  from: ServiceReferralStatus | null;
  to: ServiceReferralStatus;
  reason: string;
  userId: string;
  userName: string;
  at: Date;
};

function referralQuery(tx: Tx, siteId: string) {
  return tx
    .selectFrom('service_referrals as r')
    .innerJoin('directory_services as s', (join) =>
      join.onRef('s.site_id', '=', 'r.site_id').onRef('s.id', '=', 'r.service_id'),
    )
    .innerJoin('directory_organizations as o', (join) =>
      join.onRef('o.site_id', '=', 'r.site_id').onRef('o.id', '=', 'r.organization_id'),
    )
    .select([
      'r.id',
      'r.participant_id as participantId',
      'r.service_id as serviceId',
      's.name as serviceName',
      'r.organization_id as organizationId',
      'o.name as organizationName',
      'r.status',
      'r.note',
      'r.created_by as createdBy',
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
    ])
    .where('r.site_id', '=', siteId);
}

export async function insertServiceReferral(
  tx: Tx,
  referral: {
    siteId: string;
    participantId: string;
    serviceId: string;
    organizationId: string;
    note: string | null;
    event: StatusChange;
  },
): Promise<string> {
  const row = await tx
    .insertInto('service_referrals')
    .values({
      site_id: referral.siteId,
      participant_id: referral.participantId,
      service_id: referral.serviceId,
      organization_id: referral.organizationId,
      status: referral.event.to,
      note: referral.note,
      created_by: referral.event.userId,
      created_at: referral.event.at,
      updated_at: referral.event.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(tx, referral.siteId, row.id, 1, referral.event);
  return row.id;
}

async function insertEvent(tx: Tx, siteId: string, referralId: string, seq: number, event: StatusChange) {
  await tx
    .insertInto('service_referral_events')
    .values({
      site_id: siteId,
      service_referral_id: referralId,
      seq,
      from_status: event.from,
      to_status: event.to,
      reason: event.reason,
      user_id: event.userId,
      at: event.at,
    })
    .execute();
}

/** Locks the referral's row (a status change waits for another in flight) and answers it. */
export async function lockServiceReferral(tx: Tx, siteId: string, id: string) {
  return tx
    .selectFrom('service_referrals')
    .select(['id', 'status'])
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordServiceReferralChange(tx: Tx, siteId: string, id: string, event: StatusChange) {
  const last = await tx
    .selectFrom('service_referral_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('site_id', '=', siteId)
    .where('service_referral_id', '=', id)
    .executeTakeFirst();
  await insertEvent(tx, siteId, id, Number(last?.seq ?? 0) + 1, event);
  await tx
    .updateTable('service_referrals')
    .set({ status: event.to, updated_at: event.at })
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .execute();
}

export function findServiceReferral(
  tx: Tx,
  siteId: string,
  id: string,
): Promise<ServiceReferralRecord | undefined> {
  return referralQuery(tx, siteId).where('r.id', '=', id).executeTakeFirst();
}

export function findServiceReferralsOfParticipant(tx: Tx, siteId: string, participantId: string) {
  return referralQuery(tx, siteId)
    .where('r.participant_id', '=', participantId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .execute();
}

export function findServiceReferralsToOrganization(
  tx: Tx,
  siteId: string,
  organizationId: string,
  limit: number,
) {
  return referralQuery(tx, siteId)
    .where('r.organization_id', '=', organizationId)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

/** The status history of some referrals, oldest first, keyed by referral id. */
export async function findServiceReferralEvents(
  tx: Tx,
  siteId: string,
  referralIds: string[],
): Promise<Map<string, ServiceReferralEventRecord[]>> {
  const events = new Map<string, ServiceReferralEventRecord[]>();
  if (referralIds.length === 0) return events;
  const rows = await tx
    .selectFrom('service_referral_events as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select([
      'e.service_referral_id as referralId',
      'e.seq',
      'e.from_status as from',
      'e.to_status as to',
      'e.reason',
      'e.user_id as userId',
      'u.display_name as userName',
      'e.at',
    ])
    .where('e.site_id', '=', siteId)
    .where('e.service_referral_id', 'in', referralIds)
    .orderBy('e.seq')
    .execute();
  for (const { referralId, ...event } of rows)
    events.set(referralId, [...(events.get(referralId) ?? []), event]);
  return events;
}

/** The participant a referral is about: status and the person's name or alias. */
export function findParticipantForReferral(tx: Tx, siteId: string, participantId: string) {
  return tx
    .selectFrom('participants as p')
    .innerJoin('people', (join) =>
      join.onRef('people.site_id', '=', 'p.site_id').onRef('people.id', '=', 'p.person_id'),
    )
    .select([
      'p.id',
      'p.status',
      'p.person_id as personId',
      'people.name_or_alias as nameOrAlias',
      'p.enrolled_at as enrolledAt',
    ])
    .where('p.site_id', '=', siteId)
    .where('p.id', '=', participantId)
    .executeTakeFirst();
}

/** The participant's releases with their recipients, as release.ts needs them (revoked ones too). */
export async function findReleaseTermsOfParticipant(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<ReleaseTerms[]> {
  const releases = await tx
    .selectFrom('releases')
    .select(['id', 'categories', 'expires_on', 'revoked_at'])
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .execute();
  if (releases.length === 0) return [];
  const recipients = await tx
    .selectFrom('release_recipients')
    .select(['release_id', 'kind', 'organization_id', 'name'])
    .where('site_id', '=', siteId)
    .where(
      'release_id',
      'in',
      releases.map((release) => release.id),
    )
    .orderBy('position')
    .execute();
  return releases.map((release) => ({
    categories: release.categories as ReleaseCategory[],
    expiresOn: release.expires_on,
    revokedAt: release.revoked_at,
    recipients: recipients
      .filter((recipient) => recipient.release_id === release.id)
      .map((recipient) => ({
        kind: recipient.kind,
        organizationId: recipient.organization_id,
        name: recipient.name,
      })),
  }));
}

/** How to reach the person (for a provider only under a release of contact_information). */
export function findContactMethodsOfPerson(tx: Tx, siteId: string, personId: string) {
  return tx
    .selectFrom('person_contact_methods')
    .select(['kind', 'value', 'note'])
    .where('site_id', '=', siteId)
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
}

export type ServiceReferralTimelineRow = {
  id: string;
  at: Date;
  from: ServiceReferralStatus | null;
  to: ServiceReferralStatus;
  serviceName: string;
  organizationName: string;
  by: string | null;
};

/**
 * A page of a participant's service-referral steps for the timeline, newest first: one per
 * service_referral_events row (id '<referral>:<seq>'), with the service and its organization and who
 * took the step. Never the reason (free text that may hold clinical detail) nor the referral's note.
 */
export async function findServiceReferralTimeline(
  tx: Tx,
  siteId: string,
  participantId: string,
  page: TimelinePage,
): Promise<ServiceReferralTimelineRow[]> {
  const at = timelineAt(sql.ref('e.at'));
  const id = timelineId(sql`e.service_referral_id::text || ':' || e.seq::text`);
  const rows = await tx
    .selectFrom('service_referral_events as e')
    .innerJoin('service_referrals as r', (join) =>
      join.onRef('r.site_id', '=', 'e.site_id').onRef('r.id', '=', 'e.service_referral_id'),
    )
    .innerJoin('directory_services as s', (join) =>
      join.onRef('s.site_id', '=', 'r.site_id').onRef('s.id', '=', 'r.service_id'),
    )
    .innerJoin('directory_organizations as o', (join) =>
      join.onRef('o.site_id', '=', 'r.site_id').onRef('o.id', '=', 'r.organization_id'),
    )
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([
      id.as('id'),
      at.as('at'),
      'e.from_status as from',
      'e.to_status as to',
      's.name as serviceName',
      'o.name as organizationName',
      'u.display_name as by',
    ])
    .where('e.site_id', '=', siteId)
    .where('r.participant_id', '=', participantId)
    .where(olderThan('service_referral', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
  return rows as ServiceReferralTimelineRow[];
}

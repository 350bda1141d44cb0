import { sql } from 'kysely';
import type { ParticipantStep } from '../../domain/participants/participant-status.ts';
import type { ParticipantStatus } from '../schema-participants.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export type ParticipantRecord = {
  id: string;
  personId: string;
  nameOrAlias: string;
  referralId: string;
  status: ParticipantStatus;
  caseManagerId: string | null;
  caseManagerName: string | null;
  createdAt: Date;
  enrolledAt: Date | null;
  exitedAt: Date | null;
};

function participantQuery(tx: Tx, siteId: string) {
  return tx
    .selectFrom('participants')
    .innerJoin('people', (join) =>
      join
        .onRef('people.site_id', '=', 'participants.site_id')
        .onRef('people.id', '=', 'participants.person_id'),
    )
    .leftJoin('users', 'users.id', 'participants.case_manager_id')
    .select([
      'participants.id',
      'participants.person_id as personId',
      'people.name_or_alias as nameOrAlias',
      'participants.referral_id as referralId',
      'participants.status',
      'participants.case_manager_id as caseManagerId',
      'users.display_name as caseManagerName',
      'participants.created_at as createdAt',
      'participants.enrolled_at as enrolledAt',
      'participants.exited_at as exitedAt',
    ])
    .where('participants.site_id', '=', siteId);
}

export async function findParticipant(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<ParticipantRecord | undefined> {
  return participantQuery(tx, siteId).where('participants.id', '=', participantId).executeTakeFirst();
}

/** The site's participant for a person (one per person per site), if any. */
export async function findParticipantOfPerson(
  tx: Tx,
  siteId: string,
  personId: string,
): Promise<ParticipantRecord | undefined> {
  return participantQuery(tx, siteId).where('participants.person_id', '=', personId).executeTakeFirst();
}

/** The participant a referral brought in (the latest referral, on re-entry), if any. */
export async function findParticipantOfReferral(
  tx: Tx,
  siteId: string,
  referralId: string,
): Promise<ParticipantRecord | undefined> {
  return participantQuery(tx, siteId).where('participants.referral_id', '=', referralId).executeTakeFirst();
}

/** The site's participants, those in intake first, then by name. */
export async function findParticipants(tx: Tx, siteId: string, limit: number): Promise<ParticipantRecord[]> {
  return participantQuery(tx, siteId)
    .orderBy(sql`case participants.status when 'intake' then 0 when 'enrolled' then 1 else 2 end`)
    .orderBy('people.name_or_alias')
    .limit(limit)
    .execute();
}

/** Locks the participant row until the transaction ends, so two changes cannot interleave. */
export async function lockParticipant(tx: Tx, siteId: string, participantId: string): Promise<void> {
  await sql`select 1 from participants where site_id = ${siteId} and id = ${participantId} for update`.execute(
    tx,
  );
}

export async function insertParticipant(
  tx: Tx,
  participant: {
    siteId: string;
    personId: string;
    referralId: string;
    caseManagerId: string | null;
    at: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('participants')
    .values({
      site_id: participant.siteId,
      person_id: participant.personId,
      referral_id: participant.referralId,
      status: 'intake',
      case_manager_id: participant.caseManagerId,
      created_at: participant.at,
      enrolled_at: null,
      exited_at: null,
      exit_reason: null,
      last_contact_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Records a status step as a participant_status_events row and moves the cached status (and
 * enrolled_at / exited_at) with it.
 */
export async function appendParticipantStep(
  tx: Tx,
  change: { siteId: string; participantId: string; step: ParticipantStep; at: Date; by: string | null },
): Promise<void> {
  const { siteId, participantId, step, at, by } = change;
  const last = await tx
    .selectFrom('participant_status_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  await tx
    .insertInto('participant_status_events')
    .values({
      site_id: siteId,
      participant_id: participantId,
      seq: Number(last?.seq ?? 0) + 1,
      event: step.event,
      from_status: step.from,
      to_status: step.to,
      reason: step.reason,
      exit_reason: step.exitReason,
      user_id: by,
      at,
    })
    .execute();
  await tx
    .updateTable('participants')
    .set({
      status: step.to,
      ...(step.to === 'enrolled' ? { enrolled_at: at, exited_at: null, exit_reason: null } : {}),
      ...(step.to === 'exited' ? { exited_at: at, exit_reason: step.exitReason } : {}),
    })
    .where('site_id', '=', siteId)
    .where('id', '=', participantId)
    .execute();
}

/** A page of a participant's status events for their timeline, newest first. */
export function findStatusTimeline(tx: Tx, siteId: string, participantId: string, page: TimelinePage) {
  const at = timelineAt(sql.ref('participant_status_events.at'));
  const id = timelineId(sql`lpad(${sql.ref('participant_status_events.seq')}::text, 10, '0')`);
  return tx
    .selectFrom('participant_status_events')
    .leftJoin('users', 'users.id', 'participant_status_events.user_id')
    .select([
      id.as('id'),
      'participant_status_events.event',
      'participant_status_events.reason',
      'participant_status_events.exit_reason as exitReason',
      at.as('at'),
      'users.display_name as by',
    ])
    .where('participant_status_events.site_id', '=', siteId)
    .where('participant_status_events.participant_id', '=', participantId)
    .where(olderThan('status', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
}

export function findParticipantStatusEvents(tx: Tx, siteId: string, participantId: string) {
  return tx
    .selectFrom('participant_status_events')
    .leftJoin('users', 'users.id', 'participant_status_events.user_id')
    .select([
      'participant_status_events.seq',
      'participant_status_events.event',
      'participant_status_events.from_status as from',
      'participant_status_events.to_status as to',
      'participant_status_events.reason',
      'participant_status_events.exit_reason as exitReason',
      'participant_status_events.at',
      'users.display_name as by',
    ])
    .where('participant_status_events.site_id', '=', siteId)
    .where('participant_status_events.participant_id', '=', participantId)
    .orderBy('participant_status_events.seq')
    .execute();
}

export type ContactMethod = {
  kind: 'sms' | 'phone' | 'email' | 'other';
  value: string;
  note: string | null;
  remindersAllowed: boolean;
};

export async function findContactMethods(tx: Tx, siteId: string, personId: string): Promise<ContactMethod[]> {
  return tx
    .selectFrom('person_contact_methods')
    .select(['kind', 'value', 'note', 'reminders_allowed as remindersAllowed'])
    .where('site_id', '=', siteId)
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
}

/** Replaces the ways to reach a person with `methods`, in order. */
export async function replaceContactMethods(
  tx: Tx,
  siteId: string,
  personId: string,
  methods: readonly ContactMethod[],
): Promise<void> {
  await tx
    .deleteFrom('person_contact_methods')
    .where('site_id', '=', siteId)
    .where('person_id', '=', personId)
    .execute();
  if (methods.length === 0) return;
  await tx
    .insertInto('person_contact_methods')
    .values(
      methods.map((method, index) => ({
        site_id: siteId,
        person_id: personId,
        position: index + 1,
        kind: method.kind,
        value: method.value,
        note: method.note,
        reminders_allowed: method.remindersAllowed,
      })),
    )
    .execute();
}

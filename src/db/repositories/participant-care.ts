import { sql } from 'kysely';
import type { ParticipantStatus } from '../schema-participants.ts';
import type { Tx } from '../scope.ts';

/** What the care team's tools need of a participant: status, case manager and contact dates. */
export type CareParticipant = {
  id: string;
  personName: string;
  status: ParticipantStatus;
  caseManagerId: string | null;
  createdAt: Date;
  enrolledAt: Date | null;
  lastContactAt: Date | null;
};

function careParticipants(tx: Tx, siteId: string) {
  return tx
    .selectFrom('participants')
    .innerJoin('people', (join) =>
      join
        .onRef('people.site_id', '=', 'participants.site_id')
        .onRef('people.id', '=', 'participants.person_id'),
    )
    .select([
      'participants.id',
      'people.name_or_alias as personName',
      'participants.status',
      'participants.case_manager_id as caseManagerId',
      'participants.created_at as createdAt',
      'participants.enrolled_at as enrolledAt',
      'participants.last_contact_at as lastContactAt',
    ])
    .where('participants.site_id', '=', siteId);
}

export function findCareParticipant(
  tx: Tx,
  siteId: string,
  id: string,
): Promise<CareParticipant | undefined> {
  return careParticipants(tx, siteId).where('participants.id', '=', id).executeTakeFirst();
}

/** The participant's row locked for the rest of the transaction (before changing its case manager). */
export async function lockCareParticipant(
  tx: Tx,
  siteId: string,
  id: string,
): Promise<CareParticipant | undefined> {
  await sql`select 1 from participants where site_id = ${siteId} and id = ${id} for update`.execute(tx);
  return findCareParticipant(tx, siteId, id);
}

/** Everyone in the program (not exited), optionally one case manager's, longest without contact first. */
export function findCurrentParticipants(
  tx: Tx,
  siteId: string,
  caseManagerId?: string,
): Promise<CareParticipant[]> {
  let query = careParticipants(tx, siteId)
    .where('participants.status', '<>', 'exited')
    .orderBy(sql`coalesce(participants.last_contact_at, participants.enrolled_at, participants.created_at)`)
    .orderBy('participants.id');
  if (caseManagerId) query = query.where('participants.case_manager_id', '=', caseManagerId);
  return query.execute();
}

/**
 * Sets the participant's last contact to the latest contact in their log that no later entry
 * corrects (a correction stands in for the entry it corrects).
 */
export async function recomputeLastContact(tx: Tx, siteId: string, id: string): Promise<void> {
  await sql`update participants set last_contact_at = (
      select max(contact.occurred_at) from participant_contacts contact
      where contact.site_id = ${siteId} and contact.participant_id = ${id}
        and not exists (
          select 1 from participant_contacts correction
          where correction.site_id = contact.site_id and correction.corrects_contact_id = contact.id))
    where site_id = ${siteId} and id = ${id}`.execute(tx);
}

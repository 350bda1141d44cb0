import { sql } from 'kysely';
import type { ParticipantContactsTable } from '../schema-participants.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export type ContactKind = ParticipantContactsTable['kind'];

export type StoredContact = {
  id: string;
  kind: ContactKind;
  occurredAt: Date;
  durationMinutes: number | null;
  note: string | null;
  loggedBy: string;
  loggedAt: Date;
  correctsContactId: string | null;
  staff: { userId: string; displayName: string }[];
};

export async function insertContact(
  tx: Tx,
  siteId: string,
  contact: Omit<StoredContact, 'id' | 'staff'> & { participantId: string; staffIds: string[] },
): Promise<string> {
  const row = await tx
    .insertInto('participant_contacts')
    .values({
      site_id: siteId,
      participant_id: contact.participantId,
      kind: contact.kind,
      occurred_at: contact.occurredAt,
      duration_minutes: contact.durationMinutes,
      note: contact.note,
      logged_by: contact.loggedBy,
      logged_at: contact.loggedAt,
      corrects_contact_id: contact.correctsContactId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('participant_contact_staff')
    .values(contact.staffIds.map((userId) => ({ site_id: siteId, contact_id: row.id, user_id: userId })))
    .execute();
  return row.id;
}

export async function contactBelongsTo(
  tx: Tx,
  siteId: string,
  participantId: string,
  contactId: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('participant_contacts')
    .select('id')
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The participant's contacts, latest first, with the staff present at each. */
export async function findContacts(
  tx: Tx,
  siteId: string,
  participantId: string,
  options: { limit: number; contactId?: string },
): Promise<StoredContact[]> {
  let query = tx
    .selectFrom('participant_contacts')
    .select([
      'id',
      'kind',
      'occurred_at as occurredAt',
      'duration_minutes as durationMinutes',
      'note',
      'logged_by as loggedBy',
      'logged_at as loggedAt',
      'corrects_contact_id as correctsContactId',
    ])
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .orderBy('occurred_at', 'desc')
    .orderBy('logged_at', 'desc')
    .limit(options.limit);
  if (options.contactId) query = query.where('id', '=', options.contactId);
  const contacts = await query.execute();
  if (contacts.length === 0) return [];
  const staff = await tx
    .selectFrom('participant_contact_staff')
    .innerJoin('users', 'users.id', 'participant_contact_staff.user_id')
    .select([
      'participant_contact_staff.contact_id as contactId',
      'users.id as userId',
      'users.display_name as displayName',
    ])
    .where('participant_contact_staff.site_id', '=', siteId)
    .where(
      'participant_contact_staff.contact_id',
      'in',
      contacts.map((contact) => contact.id),
    )
    .orderBy('users.display_name')
    .execute();
  return contacts.map((contact) => ({
    ...contact,
    staff: staff
      .filter((member) => member.contactId === contact.id)
      .map(({ userId, displayName }) => ({ userId, displayName })),
  }));
}

/** A page of a participant's contacts for their timeline, newest first: kind, when, how long and who logged it. */
export function findContactTimeline(
  tx: Tx,
  siteId: string,
  participantId: string,
  page: TimelinePage,
): Promise<
  { id: string; kind: ContactKind; occurredAt: Date; durationMinutes: number | null; loggedBy: string }[]
> {
  const at = timelineAt(sql.ref('participant_contacts.occurred_at'));
  const id = timelineId(sql.ref('participant_contacts.id'));
  return tx
    .selectFrom('participant_contacts')
    .innerJoin('users', 'users.id', 'participant_contacts.logged_by')
    .select([
      id.as('id'),
      'participant_contacts.kind',
      at.as('occurredAt'),
      'participant_contacts.duration_minutes as durationMinutes',
      'users.display_name as loggedBy',
    ])
    .where('participant_contacts.site_id', '=', siteId)
    .where('participant_contacts.participant_id', '=', participantId)
    .where(olderThan('contact', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
}

import { type CareParticipant, recomputeLastContact } from '../../db/repositories/participant-care.ts';
import {
  type ContactKind,
  contactBelongsTo,
  findContacts,
  insertContact,
  type StoredContact,
} from '../../db/repositories/participant-contacts.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Engagement } from '../../domain/participants/engagement.ts';
import { requireCareTeamMembers } from '../caseloads/care-team.ts';
import { engagementContext, engagementOfParticipant, requireCareParticipant } from './care-participant.ts';

export type NewContact = {
  kind: ContactKind;
  occurredAt: Date;
  durationMinutes: number | null;
  note: string | null;
  /** The staff present; the one logging it when none are named. */
  staffIds: string[] | null;
  /** The entry this one corrects (entries are never edited). */
  correctsContactId: string | null;
};

/** A contact may be logged a little ahead of the server's clock (a phone's clock drifts), not more. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Logs a contact with a participant and moves their last contact (which engagement is derived
 * from) to the latest contact not corrected by a later entry.
 */
export async function logContact(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date },
  participantId: string,
  contact: NewContact,
): Promise<{ contact: StoredContact; participant: CareParticipant; engagement: Engagement }> {
  const { siteId, userId, now } = context;
  await requireCareParticipant(tx, siteId, participantId);
  if (contact.occurredAt.getTime() > now.getTime() + CLOCK_TOLERANCE_MS)
    throw new DomainError('CONTACT_IN_FUTURE', 'A contact cannot be logged for a time still to come.');
  if (
    contact.correctsContactId &&
    !(await contactBelongsTo(tx, siteId, participantId, contact.correctsContactId))
  )
    throw new DomainError('UNKNOWN_CONTACT', 'The contact to correct is not in this person’s log.');
  const staffIds = [...new Set(contact.staffIds ?? [userId])];
  await requireCareTeamMembers(tx, siteId, staffIds);
  const id = await insertContact(tx, siteId, {
    participantId,
    kind: contact.kind,
    occurredAt: contact.occurredAt,
    durationMinutes: contact.durationMinutes,
    note: contact.note,
    loggedBy: userId,
    loggedAt: now,
    correctsContactId: contact.correctsContactId,
    staffIds,
  });
  await recomputeLastContact(tx, siteId, participantId);
  const participant = await requireCareParticipant(tx, siteId, participantId);
  const [stored] = await findContacts(tx, siteId, participantId, { limit: 1, contactId: id });
  if (!stored) throw new Error('a contact just logged was not found');
  return {
    contact: stored,
    participant,
    engagement: engagementOfParticipant(participant, now, await engagementContext(tx, siteId)),
  };
}

/** A participant's contact log, latest first, with their engagement now. */
export async function contactLog(
  tx: Tx,
  context: { siteId: string; now: Date },
  participantId: string,
  limit: number,
): Promise<{ contacts: StoredContact[]; participant: CareParticipant; engagement: Engagement }> {
  const participant = await requireCareParticipant(tx, context.siteId, participantId);
  return {
    participant,
    contacts: await findContacts(tx, context.siteId, participantId, { limit }),
    engagement: engagementOfParticipant(
      participant,
      context.now,
      await engagementContext(tx, context.siteId),
    ),
  };
}

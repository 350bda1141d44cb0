import { findParticipant, type ParticipantRecord } from '../../db/repositories/participants.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';

export const PARTICIPANT_NOT_FOUND = () => new DomainError('NOT_FOUND', 'Not found.');

/**
 * Loads a participant of the site, or answers "not found". Who may reach a participant's record at
 * all is the route guard's decision (the care team; everyone else is told it does not exist).
 */
export async function accessibleParticipant(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<ParticipantRecord> {
  const participant = await findParticipant(tx, siteId, participantId);
  if (!participant) throw PARTICIPANT_NOT_FOUND();
  return participant;
}

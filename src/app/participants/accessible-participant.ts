import { findParticipant, type ParticipantRecord } from '../../db/repositories/participants.ts';
import type { Tx } from '../../db/scope.ts';
import { mayAccessParticipant, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';

export const PARTICIPANT_NOT_FOUND = () => new DomainError('NOT_FOUND', 'Not found.');

/** Refuses anyone but the care team as if the record did not exist (see mayAccessParticipant). */
export function requireParticipantAccess(principal: Principal, access: 'view' | 'write'): void {
  if (!mayAccessParticipant(principal, access)) throw PARTICIPANT_NOT_FOUND();
}

/** Loads a participant the principal may see or change; anything else is "not found". */
export async function accessibleParticipant(
  tx: Tx,
  siteId: string,
  principal: Principal,
  participantId: string,
  access: 'view' | 'write',
): Promise<ParticipantRecord> {
  requireParticipantAccess(principal, access);
  const participant = await findParticipant(tx, siteId, participantId);
  if (!participant) throw PARTICIPANT_NOT_FOUND();
  return participant;
}

import {
  findParticipantForReferral,
  findServiceReferralEvents,
  findServiceReferralsOfParticipant,
} from '../../db/repositories/service-referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';

/** A participant's service referrals, newest first, each with its status history (the care team's view). */
export async function participantServiceReferrals(tx: Tx, siteId: string, participantId: string) {
  if (!(await findParticipantForReferral(tx, siteId, participantId)))
    throw new DomainError('NOT_FOUND', 'Not found.');
  const referrals = await findServiceReferralsOfParticipant(tx, siteId, participantId);
  const histories = await findServiceReferralEvents(
    tx,
    siteId,
    referrals.map((referral) => referral.id),
  );
  return referrals.map((referral) => ({ referral, history: histories.get(referral.id) ?? [] }));
}

import {
  findServiceReferral,
  lockServiceReferral,
  recordServiceReferralChange,
} from '../../db/repositories/service-referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  type ReferralParty,
  type ServiceReferralStatus,
  changeServiceReferralStatus as transition,
} from '../../domain/service-referrals/service-referral.ts';

/**
 * Moves a service referral to a new status with a reason, for the care team or the partner
 * (the caller has already decided the party may see this referral). Stored with who and when.
 */
export async function changeServiceReferralStatus(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date; party: ReferralParty },
  referralId: string,
  change: { status: ServiceReferralStatus; reason: string },
) {
  const locked = await lockServiceReferral(tx, context.siteId, referralId);
  if (!locked) throw new DomainError('NOT_FOUND', 'Not found.');
  const result = transition(locked.status, {
    to: change.status,
    reason: change.reason,
    party: context.party,
    userId: context.userId,
    at: context.now,
  });
  if (!result.ok) throw new DomainError(result.code, result.message);
  await recordServiceReferralChange(tx, context.siteId, referralId, result.event);
  const updated = await findServiceReferral(tx, context.siteId, referralId);
  if (!updated) throw new Error('service referral vanished');
  return updated;
}

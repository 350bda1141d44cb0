import { type HandoffRecord, insertHandoff } from '../../db/repositories/handoffs.ts';
import { findReferral, lockReferral } from '../../db/repositories/referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { mayAccessReferral, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { HandoffMode } from '../../domain/handoffs/handoff.ts';
import { withinIntakeDeadline } from '../../domain/referrals/lifecycle.ts';
import type { LiveEvent } from '../live-events.ts';
import { offerHandoff } from './offer-handoff.ts';

/**
 * An officer (who recorded the referral) or the care team asks for a warm hand-off on an accepted
 * referral: it is offered at level 1, or straight up the levels when no one is on call there.
 * Answers the hand-off and the live events to publish once the transaction commits.
 */
export async function requestHandoff(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date; appUrl: string },
  referralId: string,
  mode: HandoffMode,
): Promise<{ handoff: HandoffRecord; live: LiveEvent[] }> {
  const { siteId, principal, now } = context;
  await lockReferral(tx, siteId, referralId);
  const referral = await findReferral(tx, siteId, referralId);
  if (!referral || !mayAccessReferral(principal, referral, 'record_outcome'))
    throw new DomainError('NOT_FOUND', 'Not found.');
  if (!withinIntakeDeadline(referral.status))
    throw new DomainError(
      'REFERRAL_NOT_ACCEPTED',
      'A hand-off can be asked for only once the referral is accepted.',
    );
  const handoff = await insertHandoff(tx, {
    siteId,
    referralId,
    requestedBy: principal.userId,
    mode,
    at: now,
  });
  const live = await offerHandoff(tx, {
    siteId,
    handoffId: handoff.id,
    requestedBy: principal.userId,
    area: referral.area,
    level: 1,
    event: 'request',
    from: null,
    previousResponder: null,
    appUrl: context.appUrl,
    now,
  });
  return { handoff, live };
}

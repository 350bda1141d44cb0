import {
  type ArrestDiversionDeadline,
  findArrestDiversionDeadline,
  saveProsecutorDecision,
} from '../../db/repositories/intake-deadlines.ts';
import { lockReferral } from '../../db/repositories/referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { intakeDeadlinePassed } from '../../domain/referrals/lifecycle.ts';

export type ProsecutorDecision = 'declined_to_file' | 'filed';

/**
 * Records the prosecutor's decision on an arrest diversion whose intake deadline passed with no
 * intake. Anything but an arrest diversion with a deadline is "not found"; one whose deadline has
 * not passed, or that has a decision already, is a conflict.
 */
export async function recordProsecutorDecision(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date },
  referralId: string,
  decision: ProsecutorDecision,
): Promise<ArrestDiversionDeadline> {
  const { siteId, userId, now } = context;
  await lockReferral(tx, siteId, referralId);
  const deadline = await findArrestDiversionDeadline(tx, siteId, referralId);
  if (!deadline) throw new DomainError('NOT_FOUND', 'Not found.');
  if (!intakeDeadlinePassed(deadline.status)) {
    throw new DomainError(
      'INTAKE_DEADLINE_NOT_PASSED',
      'The intake deadline has not passed for this referral.',
    );
  }
  if (deadline.decision !== null) {
    throw new DomainError('DECISION_ALREADY_RECORDED', 'A decision is already recorded for this referral.');
  }
  await saveProsecutorDecision(tx, { siteId, referralId, decision, at: now, by: userId });
  return { ...deadline, decision };
}

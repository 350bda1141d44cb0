import { appendStatusChanges, findReferral, lockReferral } from '../../db/repositories/referrals.ts';
import { findSiteSettings } from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import { canApply, type ReferralEvent, transition } from '../../domain/referrals/lifecycle.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TimerHandler } from '../timers/timer-worker.ts';

const DEADLINE_PASSED: ReferralEvent = { type: 'intake_deadline_passed' };

/**
 * The intake deadline passed: a referral still accepted (no intake) moves to "no intake by
 * deadline" through the lifecycle, with no one as its author, and the change is audited. A referral
 * that moved on in the meantime is left alone. Answers whether it moved.
 */
export async function passIntakeDeadline(
  tx: Tx,
  deadline: { siteId: string; referralId: string; now: Date },
): Promise<boolean> {
  const { siteId, referralId, now } = deadline;
  await lockReferral(tx, siteId, referralId);
  const referral = await findReferral(tx, siteId, referralId);
  if (!referral) return false;
  const facts = {
    screening: referral.screeningStatus,
    pathway: referral.pathway,
    prosecutorApprovalRequired: (await findSiteSettings(tx, siteId)).prosecutorApprovalRequired,
  };
  if (!canApply(referral.status, DEADLINE_PASSED, facts)) return false;
  const step = transition(referral.status, DEADLINE_PASSED, facts);
  await appendStatusChanges(tx, { siteId, referralId, steps: [step], at: now, by: null });
  await recordAudit(tx, {
    occurredAt: now,
    userId: null,
    role: null,
    siteId,
    action: 'referral.intake_deadline_passed',
    resourceType: 'referral',
    resourceId: referralId,
    outcome: 'success',
    requestId: null,
  });
  return true;
}

/** The timer handler for 'intake_deadline' timers, whose subject is the referral. */
export const intakeDeadlineTimerHandler: TimerHandler = async (tx, timer, deps) => {
  await passIntakeDeadline(tx, { siteId: timer.siteId, referralId: timer.subjectId, now: deps.clock() });
};

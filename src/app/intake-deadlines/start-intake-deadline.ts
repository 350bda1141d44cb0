import { findIntakeDeadlineDays, insertIntakeDeadline } from '../../db/repositories/intake-deadlines.ts';
import { scheduleTimer } from '../../db/repositories/timers.ts';
import type { Tx } from '../../db/scope.ts';
import { intakeDeadline } from '../../domain/referrals/intake-deadline.ts';
import { type ReferralFacts, reachesAcceptance, type Transition } from '../../domain/referrals/lifecycle.ts';
import { scheduleIntakeReminders } from './intake-reminders.ts';

export const INTAKE_DEADLINE_TIMER = 'intake_deadline';

/**
 * Starts the intake deadline when a use case's steps accept a referral: stores the deadline and
 * schedules its timer and the reminders before it, in the caller's transaction. Every use case
 * that moves a referral calls this with its steps; steps that do not end in acceptance do nothing.
 */
export async function startIntakeDeadlineIfAccepted(
  tx: Tx,
  change: {
    siteId: string;
    referralId: string;
    pathway: ReferralFacts['pathway'];
    steps: readonly Transition[];
    at: Date;
  },
): Promise<void> {
  if (!reachesAcceptance(change.steps)) return;
  const { siteId, referralId, at } = change;
  const dueAt = intakeDeadline(at, change.pathway, await findIntakeDeadlineDays(tx, siteId));
  await insertIntakeDeadline(tx, { siteId, referralId, acceptedAt: at, dueAt });
  await scheduleTimer(tx, { siteId, kind: INTAKE_DEADLINE_TIMER, subjectId: referralId, dueAt, at });
  await scheduleIntakeReminders(tx, { siteId, referralId, acceptedAt: at, dueAt });
}

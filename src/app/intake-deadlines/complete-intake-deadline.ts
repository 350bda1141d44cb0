import { saveIntakeCompleted } from '../../db/repositories/intake-deadlines.ts';
import { cancelTimersAbout } from '../../db/repositories/timers.ts';
import type { Tx } from '../../db/scope.ts';

/**
 * The intake of a referral completed: its deadline shows "intake completed" with the date (the
 * prosecutor's view), and its deadline timer and reminders (every timer kind starting 'intake_'
 * about the referral) are cancelled, so none fires after enrolment. In the caller's transaction.
 */
export async function completeIntakeDeadline(
  tx: Tx,
  completion: { siteId: string; referralId: string; at: Date },
): Promise<void> {
  await saveIntakeCompleted(tx, completion);
  await cancelTimersAbout(tx, {
    siteId: completion.siteId,
    subjectId: completion.referralId,
    kindPrefix: 'intake_',
  });
}

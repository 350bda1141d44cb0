import { findHandoffSettings } from '../../db/repositories/handoff-settings.ts';
import {
  findIntakeReminderStaff,
  findReminderContacts,
  findReminderSubject,
} from '../../db/repositories/intake-reminders.ts';
import { enqueueMessage } from '../../db/repositories/outbox-messages.ts';
import { lockReferral } from '../../db/repositories/referrals.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import { scheduleTimer } from '../../db/repositories/timers.ts';
import type { Tx } from '../../db/scope.ts';
import {
  daysLeft,
  dueDateText,
  intakeReminderTimes,
  personReminder,
  staffReminder,
} from '../../domain/referrals/intake-reminders.ts';
import { withinIntakeDeadline } from '../../domain/referrals/lifecycle.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { alertStaff } from '../outbox/alert-staff.ts';
import type { TimerHandler, TimerHandlers } from '../timers/timer-worker.ts';

/** The most days before a deadline a reminder may be set (the settings' and the database's limit). */
const MOST_DAYS_BEFORE = 90;

/**
 * One timer kind per offset ('intake_reminder.7d'), with the referral as subject: a timer is
 * scheduled once per (kind, subject), and completing the intake cancels every 'intake_' timer of the
 * referral at once.
 */
export function intakeReminderTimerKind(daysBefore: number): string {
  return `intake_reminder.${daysBefore}d`;
}

/**
 * Schedules the reminders before a referral's intake deadline at the site's reminder days as they
 * are now (a later change of the setting leaves this deadline's reminders as they are). In the
 * transaction that starts the deadline.
 */
export async function scheduleIntakeReminders(
  tx: Tx,
  deadline: { siteId: string; referralId: string; acceptedAt: Date; dueAt: Date },
): Promise<void> {
  const { siteId, referralId, acceptedAt } = deadline;
  const { intakeReminderDays } = await findHandoffSettings(tx, siteId);
  for (const reminder of intakeReminderTimes(deadline, intakeReminderDays)) {
    await scheduleTimer(tx, {
      siteId,
      kind: intakeReminderTimerKind(reminder.daysBefore),
      subjectId: referralId,
      dueAt: reminder.at,
      payload: { daysBefore: reminder.daysBefore },
      at: acceptedAt,
    });
  }
}

/**
 * A reminder's time came: if the referral is still accepted and its intake not completed (checked
 * now, not when it was scheduled), the case manager (see findIntakeReminderStaff) is told by e-mail
 * (and SMS if they turned it on), and the person on each SMS or e-mail they allowed reminders on.
 * Answers whether anything was sent.
 */
export async function sendIntakeReminder(
  tx: Tx,
  reminder: { siteId: string; referralId: string; now: Date; appUrl: string },
): Promise<boolean> {
  const { siteId, referralId, now } = reminder;
  await lockReferral(tx, siteId, referralId);
  const subject = await findReminderSubject(tx, siteId, referralId);
  if (!subject || !withinIntakeDeadline(subject.status) || subject.intakeCompletedAt !== null) return false;
  const site = await findSiteById(tx, siteId);
  if (!site) return false;
  const due = dueDateText(subject.dueAt, site.timezone);
  const toStaff = staffReminder(due, daysLeft(now, subject.dueAt, site.timezone), `${reminder.appUrl}/`);
  for (const userId of await findIntakeReminderStaff(tx, siteId, subject)) {
    await alertStaff(tx, { siteId, userId, purpose: 'intake.reminder', ...toStaff, at: now });
  }
  const toPerson = personReminder(due, (await findHandoffSettings(tx, siteId)).reminderPhone);
  for (const contact of await findReminderContacts(tx, siteId, subject.personId)) {
    await enqueueMessage(tx, {
      siteId,
      channel: contact.kind,
      recipient: contact.value,
      subject: contact.kind === 'email' ? toPerson.subject : null,
      body: toPerson.body,
      purpose: 'intake.reminder.person',
      at: now,
    });
  }
  await recordAudit(tx, {
    occurredAt: now,
    userId: null,
    role: null,
    siteId,
    action: 'referral.intake_reminder_sent',
    resourceType: 'referral',
    resourceId: referralId,
    outcome: 'success',
    requestId: null,
  });
  return true;
}

const reminderHandler: TimerHandler = async (tx, timer, deps) => {
  await sendIntakeReminder(tx, {
    siteId: timer.siteId,
    referralId: timer.subjectId,
    now: deps.clock(),
    appUrl: deps.config.publicUrl,
  });
};

/** The handlers of the reminder timer kinds, one per possible offset. */
export function intakeReminderTimerHandlers(): TimerHandlers {
  return Object.fromEntries(
    Array.from({ length: MOST_DAYS_BEFORE }, (_, index) => [
      intakeReminderTimerKind(index + 1),
      reminderHandler,
    ]),
  );
}

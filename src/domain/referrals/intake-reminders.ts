import { localDateOf } from '../on-call/local-time.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * When the reminders before an intake deadline go out: `days` before `dueAt`, each, skipping any
 * that would fall at or before acceptance (a 14-day deadline gets no 20-day reminder). Earliest first.
 */
export function intakeReminderTimes(
  deadline: { acceptedAt: Date; dueAt: Date },
  days: readonly number[],
): { daysBefore: number; at: Date }[] {
  return [...new Set(days)]
    .map((daysBefore) => ({ daysBefore, at: new Date(deadline.dueAt.getTime() - daysBefore * DAY) }))
    .filter((reminder) => reminder.at.getTime() > deadline.acceptedAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Whole days from today to the due date in the site's calendar: 0 when due today, negative when past. */
export function daysLeft(now: Date, dueAt: Date, timeZone: string): number {
  return Math.round((localDateOf(dueAt, timeZone) - localDateOf(now, timeZone)) / DAY);
}

/** The due date as people at the site read it: "Tuesday, May 12". */
export function dueDateText(dueAt: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(dueAt);
}

/**
 * The reminder to the person. Their phone or mailbox may be shared, so it says only "your
 * appointment with the LEAD team", the date and the program's number: no name, nothing about drugs,
 * police, charges, a deadline or a program for them.
 */
export function personReminder(due: string, phone: string | null): { subject: string; body: string } {
  const call = phone ? ` Call ${phone}.` : '';
  return {
    subject: 'A reminder from the LEAD team',
    body: `A reminder of your appointment with the LEAD team: please get in touch by ${due}.${call}`,
  };
}

/** The reminder to the case manager: that an intake is due, and a link. Names no one. */
export function staffReminder(
  due: string,
  left: number,
  link: string,
): { email: { subject: string; body: string }; sms: string } {
  const days = left === 1 ? '1 day' : `${left} days`;
  return {
    email: {
      subject: 'LEAD intake reminder',
      body: `An accepted referral waits for intake, due by ${due} (${days} left). Open the app: ${link}`,
    },
    sms: `LEAD intake due by ${due} (${days} left), open the app: ${link}`,
  };
}

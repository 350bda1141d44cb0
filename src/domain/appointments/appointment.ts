import { DomainError } from '../errors.ts';

/**
 * Appointments (PRODUCT.md step 6): scheduled, then attended, missed or cancelled, recorded by the
 * care team. This file decides which status changes are allowed, when reminders go out, what they
 * say, and when the site's missed-appointments policy exits someone.
 */
export const APPOINTMENT_STATUSES = ['scheduled', 'attended', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type RecordedStatus = Exclude<AppointmentStatus, 'scheduled'>;

/** The default reminder offsets, in hours before the appointment (site_settings). */
export const DEFAULT_REMINDER_HOURS: readonly number[] = [24, 2];
export const MOST_REMINDER_HOURS = 336;
export const MOST_REMINDERS = 6;

/** Attendance may be recorded from this long before the appointment starts. */
export const ATTENDANCE_OPENS_MINUTES_BEFORE = 60;

/**
 * The one place an appointment's status changes: only a scheduled appointment is recorded; it may
 * be cancelled at any time, but attended or missed only once it is about to start (an hour before).
 */
export function recordAppointmentStatus(
  appointment: { status: AppointmentStatus; startsAt: Date },
  to: RecordedStatus,
  now: Date,
): RecordedStatus {
  const from = appointment.status;
  if (from !== 'scheduled')
    throw new DomainError('INVALID_TRANSITION', `An appointment that is ${from} cannot be marked ${to}.`, {
      from,
      to,
    });
  const opens = appointment.startsAt.getTime() - ATTENDANCE_OPENS_MINUTES_BEFORE * 60_000;
  if (to !== 'cancelled' && now.getTime() < opens)
    throw new DomainError(
      'INVALID_TRANSITION',
      'Attendance is recorded once the appointment is about to start.',
      {
        from,
        to,
      },
    );
  return to;
}

/** Only a scheduled appointment may be moved or changed. */
export function assertChangeable(status: AppointmentStatus): void {
  if (status !== 'scheduled')
    throw new DomainError('INVALID_TRANSITION', `An appointment that is ${status} cannot be changed.`, {
      from: status,
    });
}

/** The reminders to schedule for an appointment at `startsAt`: one per offset still in the future. */
export function reminderTimes(
  startsAt: Date,
  hoursBefore: readonly number[],
  now: Date,
): { hoursBefore: number; dueAt: Date }[] {
  return [...new Set(hoursBefore)]
    .map((hours) => ({ hoursBefore: hours, dueAt: new Date(startsAt.getTime() - hours * 3_600_000) }))
    .filter((reminder) => reminder.dueAt.getTime() > now.getTime());
}

/**
 * Whether a reminder due for an appointment should still go out when it fires: the appointment is
 * still scheduled, at the time the reminder was made for, and has not started.
 */
export function reminderStillDue(
  appointment: { status: AppointmentStatus; startsAt: Date },
  remindedFor: Date,
  now: Date,
): boolean {
  return (
    appointment.status === 'scheduled' &&
    appointment.startsAt.getTime() === remindedFor.getTime() &&
    appointment.startsAt.getTime() > now.getTime()
  );
}

/** The time and day of an appointment in the site's time zone, in English and in Spanish. */
function localWhen(startsAt: Date, timezone: string, locale: 'en-US' | 'es-US'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: timezone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(startsAt);
}

/**
 * What a reminder to the person says: when and where, in English and Spanish. Never who it is with
 * or what it is for (that may be health information), never their name.
 */
export function personReminder(appointment: { startsAt: Date; place: string }, timezone: string) {
  const en = localWhen(appointment.startsAt, timezone, 'en-US');
  const es = localWhen(appointment.startsAt, timezone, 'es-US');
  return {
    subject: 'Appointment reminder / Recordatorio de cita',
    body:
      `Reminder: your appointment is ${en} at ${appointment.place}.\n` +
      `Recordatorio: su cita es el ${es} en ${appointment.place}.`,
  };
}

/** What the case manager reads: that one of their participants has an appointment, and to open the app. */
export function caseManagerReminder(appointment: { startsAt: Date; place: string }, timezone: string) {
  return {
    subject: 'LEAD appointment reminder',
    body: `A participant on your caseload has an appointment ${localWhen(appointment.startsAt, timezone, 'en-US')} at ${appointment.place}. Open the app for details.`,
    /** The SMS to staff who turned SMS alerts on: as short, and naming no one either. */
    sms: `LEAD: appointment on your caseload ${localWhen(appointment.startsAt, timezone, 'en-US')} at ${appointment.place}. Details in the app.`,
  };
}

/**
 * The site's missed-appointments policy: with a limit of N (null: off), someone exits once their
 * last N recorded appointments (attended or missed, newest first) were all missed.
 */
export function missedAppointmentsReachLimit(
  recentOutcomes: readonly ('attended' | 'missed')[],
  limit: number | null,
): boolean {
  if (limit === null || limit < 1) return false;
  if (recentOutcomes.length < limit) return false;
  return recentOutcomes.slice(0, limit).every((outcome) => outcome === 'missed');
}

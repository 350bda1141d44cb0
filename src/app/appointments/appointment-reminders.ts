import { randomUUID } from 'node:crypto';
import {
  APPOINTMENT_REMINDER_TIMER,
  type AppointmentRecord,
  findAppointment,
  findAppointmentSettings,
  findReminderRecipients,
} from '../../db/repositories/appointments.ts';
import { enqueueMessage } from '../../db/repositories/outbox-messages.ts';
import { scheduleTimer } from '../../db/repositories/timers.ts';
import type { Tx } from '../../db/scope.ts';
import {
  caseManagerReminder,
  personReminder,
  reminderStillDue,
  reminderTimes,
} from '../../domain/appointments/appointment.ts';
import { alertStaff } from '../outbox/alert-staff.ts';
import type { TimerHandler } from '../timers/timer-worker.ts';

/** A reminder timer's payload: which appointment, and the time it was made for (a move voids it). */
export type AppointmentReminderPayload = { appointmentId: string; startsAt: string; hoursBefore: number };

/**
 * Schedules an appointment's reminders at the site's offsets (those still in the future), in the
 * caller's transaction. Each is its own timer; a moved appointment has its old ones cancelled and gets new ones.
 */
export async function scheduleAppointmentReminders(
  tx: Tx,
  change: { siteId: string; appointment: Pick<AppointmentRecord, 'id' | 'startsAt'>; now: Date },
): Promise<number> {
  const { siteId, appointment, now } = change;
  const { reminderHours } = await findAppointmentSettings(tx, siteId);
  const reminders = reminderTimes(appointment.startsAt, reminderHours, now);
  for (const reminder of reminders) {
    const payload: AppointmentReminderPayload = {
      appointmentId: appointment.id,
      startsAt: appointment.startsAt.toISOString(),
      hoursBefore: reminder.hoursBefore,
    };
    await scheduleTimer(tx, {
      siteId,
      kind: APPOINTMENT_REMINDER_TIMER,
      // A fresh subject each time: an appointment moved back to an earlier time gets reminders again.
      subjectId: randomUUID(),
      dueAt: reminder.dueAt,
      payload,
      at: now,
    });
  }
  return reminders.length;
}

function isPayload(value: unknown): value is AppointmentReminderPayload {
  const candidate = value as Partial<AppointmentReminderPayload> | null;
  return typeof candidate?.appointmentId === 'string' && typeof candidate.startsAt === 'string';
}

/**
 * The 'appointment_reminder' timer: if the appointment is still scheduled at the time the reminder
 * was made for and has not started, and the participant has not exited, writes a reminder to each of the person's contact methods that
 * allow reminders (SMS, e-mail) and to the assigned case manager (e-mail, and SMS if they turned SMS alerts on). The messages say when
 * and where only; nothing is logged about who they are for.
 */
export const appointmentReminderTimerHandler: TimerHandler = async (tx, timer, deps) => {
  if (!isPayload(timer.payload)) return;
  const now = deps.clock();
  const appointment = await findAppointment(tx, {
    siteId: timer.siteId,
    appointmentId: timer.payload.appointmentId,
  });
  if (!appointment || !reminderStillDue(appointment, new Date(timer.payload.startsAt), now)) return;
  const recipients = await findReminderRecipients(tx, timer.siteId, appointment.participantId);
  // Someone who left the program (moved, deceased...) is not reminded of what was booked before.
  if (recipients.exited) return;
  const toPerson = personReminder(appointment, recipients.timezone);
  for (const contact of recipients.person)
    await enqueueMessage(tx, {
      siteId: timer.siteId,
      channel: contact.channel,
      recipient: contact.recipient,
      subject: contact.channel === 'email' ? toPerson.subject : null,
      body: toPerson.body,
      purpose: 'appointment.reminder',
      at: now,
    });
  if (recipients.caseManagerId) {
    const toStaff = caseManagerReminder(appointment, recipients.timezone);
    // By e-mail, and by SMS too when the case manager turned SMS alerts on at the site.
    await alertStaff(tx, {
      siteId: timer.siteId,
      userId: recipients.caseManagerId,
      purpose: 'appointment.reminder.staff',
      email: { subject: toStaff.subject, body: toStaff.body },
      sms: toStaff.sms,
      at: now,
    });
  }
};

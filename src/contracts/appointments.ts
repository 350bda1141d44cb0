import { z } from 'zod';
import { MOST_REMINDER_HOURS, MOST_REMINDERS } from '../domain/appointments/appointment.ts';

export const appointmentStatus = z.enum(['scheduled', 'attended', 'missed', 'cancelled']);

export const appointmentParams = z.strictObject({
  siteId: z.uuid(),
  participantId: z.uuid(),
  appointmentId: z.uuid(),
});

const startsAt = z.iso.datetime({ offset: true });
const place = z.string().trim().min(1).max(300);
const withWhom = z.string().trim().min(1).max(200);
const purpose = z.string().trim().min(1).max(500);
/** A partner service from the directory, when the appointment is with one. */
const partnerServiceId = z.uuid().nullable();

/** When, where, with whom and why. Reminders to the person say only when and where. */
export const appointmentRequest = z.strictObject({
  startsAt,
  place,
  withWhom,
  partnerServiceId: partnerServiceId.optional(),
  purpose,
});

/** A move or a change of a scheduled appointment: any of its details. */
export const appointmentChangeRequest = z
  .strictObject({
    startsAt: startsAt.optional(),
    place: place.optional(),
    withWhom: withWhom.optional(),
    partnerServiceId: partnerServiceId.optional(),
    purpose: purpose.optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'Give at least one change.');

/** Attendance (attended, missed) or a cancellation. */
export const appointmentStatusRequest = z.strictObject({
  status: z.enum(['attended', 'missed', 'cancelled']),
});

export const appointment = z
  .strictObject({
    id: z.uuid(),
    participantId: z.uuid(),
    startsAt: z.string(),
    place: z.string(),
    withWhom: z.string(),
    partnerServiceId: z.uuid().nullable(),
    purpose: z.string(),
    status: appointmentStatus,
    createdBy: z.uuid(),
    createdAt: z.string(),
    statusBy: z.uuid().nullable(),
    statusAt: z.string().nullable(),
  })
  .meta({ id: 'Appointment' });

export const appointmentsResponse = z.strictObject({
  upcoming: z.array(appointment),
  past: z.array(appointment),
});

/** The answer to recording an outcome: the appointment, and whether the site policy exited the person. */
export const appointmentOutcomeResponse = z.strictObject({
  appointment,
  exitedByPolicy: z.boolean(),
});

const reminderHours = z
  .array(z.number().int().min(1).max(MOST_REMINDER_HOURS))
  .max(MOST_REMINDERS)
  .refine((hours) => new Set(hours).size === hours.length, 'Each offset may appear once.');
const missedAppointmentsExit = z.number().int().min(1).max(20).nullable();

/**
 * A site's appointment settings: the hours before an appointment at which reminders go out (for
 * appointments booked or moved after a change), and after how many missed appointments in a row
 * someone exits (null: never, the default).
 */
export const appointmentSettings = z
  .strictObject({ reminderHours, missedAppointmentsExit })
  .meta({ id: 'AppointmentSettings' });

export const appointmentSettingsRequest = z
  .strictObject({
    reminderHours: reminderHours.optional(),
    missedAppointmentsExit: missedAppointmentsExit.optional(),
  })
  .refine((settings) => Object.keys(settings).length > 0, 'Give at least one setting.');

/** Today's appointments: the caller's own participants (default) or the whole site's. */
export const appointmentsTodayQuery = z.strictObject({ scope: z.enum(['mine', 'site']).default('mine') });

export const appointmentsTodayResponse = z.strictObject({
  appointments: z.array(appointment.extend({ personName: z.string() })),
});

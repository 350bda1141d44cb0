import {
  type AppointmentDetails,
  type AppointmentRecord,
  insertAppointment,
} from '../../db/repositories/appointments.ts';
import { findService } from '../../db/repositories/directory.ts';
import { findParticipantStanding } from '../../db/repositories/participant-status-events.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireInProgram } from '../../domain/participants/participant-status.ts';
import { scheduleAppointmentReminders } from './appointment-reminders.ts';

export type AppointmentContext = { siteId: string; userId: string; now: Date };

/** A partner service named on an appointment must be one of the site's directory services. */
export async function assertPartnerService(tx: Tx, siteId: string, serviceId: string | null): Promise<void> {
  if (serviceId !== null && !(await findService(tx, siteId, serviceId)))
    throw new DomainError('UNKNOWN_SERVICE', 'partnerServiceId: that service is not in the directory.', {
      field: 'partnerServiceId',
    });
}

/**
 * Books an appointment for a participant who has not exited, with its reminders as timers in the
 * same transaction; NOT_FOUND when there is no such participant at the site.
 */
export async function scheduleAppointment(
  tx: Tx,
  context: AppointmentContext,
  participantId: string,
  details: AppointmentDetails,
): Promise<AppointmentRecord> {
  const { siteId, userId, now } = context;
  const participant = await findParticipantStanding(tx, siteId, participantId);
  if (!participant) throw new DomainError('NOT_FOUND', 'Not found.');
  requireInProgram(participant.status, 'booking an appointment');
  await assertPartnerService(tx, siteId, details.partnerServiceId);
  const appointment = await insertAppointment(tx, {
    ...details,
    siteId,
    participantId,
    createdBy: userId,
    at: now,
  });
  await scheduleAppointmentReminders(tx, { siteId, appointment, now });
  return appointment;
}

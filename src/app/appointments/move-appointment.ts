import {
  type AppointmentDetails,
  type AppointmentRecord,
  cancelAppointmentReminders,
  findAppointment,
  updateAppointmentDetails,
} from '../../db/repositories/appointments.ts';
import type { Tx } from '../../db/scope.ts';
import { assertChangeable } from '../../domain/appointments/appointment.ts';
import { DomainError } from '../../domain/errors.ts';
import { scheduleAppointmentReminders } from './appointment-reminders.ts';
import { type AppointmentContext, assertPartnerService } from './schedule-appointment.ts';

/**
 * Changes a scheduled appointment (a new time, place, person or purpose). When the time moves, its
 * reminders are cancelled and new ones made for the new time.
 */
export async function moveAppointment(
  tx: Tx,
  context: AppointmentContext,
  key: { participantId: string; appointmentId: string },
  changes: Partial<AppointmentDetails>,
): Promise<AppointmentRecord> {
  const { siteId, now } = context;
  const current = await findAppointment(tx, { siteId, ...key }, { lock: true });
  if (!current) throw new DomainError('NOT_FOUND', 'Not found.');
  assertChangeable(current.status);
  const details: AppointmentDetails = {
    startsAt: changes.startsAt ?? current.startsAt,
    place: changes.place ?? current.place,
    withWhom: changes.withWhom ?? current.withWhom,
    partnerServiceId:
      changes.partnerServiceId === undefined ? current.partnerServiceId : changes.partnerServiceId,
    purpose: changes.purpose ?? current.purpose,
  };
  if (details.partnerServiceId !== current.partnerServiceId)
    await assertPartnerService(tx, siteId, details.partnerServiceId);
  await updateAppointmentDetails(tx, { siteId, appointmentId: current.id }, details);
  if (details.startsAt.getTime() !== current.startsAt.getTime()) {
    await cancelAppointmentReminders(tx, siteId, current.id);
    await scheduleAppointmentReminders(tx, {
      siteId,
      appointment: { id: current.id, startsAt: details.startsAt },
      now,
    });
  }
  return { ...current, ...details };
}

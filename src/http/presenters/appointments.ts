import type { AppointmentRecord, AppointmentSettings } from '../../db/repositories/appointments.ts';

/** An appointment as the care team sees it (the purpose may be health information: care team only). */
export function presentAppointment(appointment: AppointmentRecord) {
  return {
    id: appointment.id,
    participantId: appointment.participantId,
    startsAt: appointment.startsAt.toISOString(),
    place: appointment.place,
    withWhom: appointment.withWhom,
    partnerServiceId: appointment.partnerServiceId,
    purpose: appointment.purpose,
    status: appointment.status,
    createdBy: appointment.createdBy,
    createdAt: appointment.createdAt.toISOString(),
    statusBy: appointment.statusBy,
    statusAt: appointment.statusAt?.toISOString() ?? null,
  };
}

/**
 * Upcoming (still scheduled, soonest first) and past (recorded or cancelled, newest first). A
 * scheduled appointment whose time has passed stays upcoming until its attendance is recorded.
 */
export function presentAppointments(appointments: readonly AppointmentRecord[]) {
  return {
    upcoming: appointments
      .filter((appointment) => appointment.status === 'scheduled')
      .map(presentAppointment),
    past: appointments
      .filter((appointment) => appointment.status !== 'scheduled')
      .reverse()
      .map(presentAppointment),
  };
}

export function presentAppointmentSettings(settings: AppointmentSettings) {
  return {
    reminderHours: [...settings.reminderHours].sort((a, b) => b - a),
    missedAppointmentsExit: settings.missedAppointmentsExit,
  };
}

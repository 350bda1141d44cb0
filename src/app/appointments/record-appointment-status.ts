import {
  type AppointmentRecord,
  cancelAppointmentReminders,
  findAppointment,
  findAppointmentSettings,
  findRecentAttendance,
  setAppointmentStatus,
} from '../../db/repositories/appointments.ts';
import {
  findParticipantStanding,
  findParticipantStatusEvents,
} from '../../db/repositories/participant-status-events.ts';
import type { Tx } from '../../db/scope.ts';
import {
  missedAppointmentsReachLimit,
  type RecordedStatus,
  recordAppointmentStatus,
} from '../../domain/appointments/appointment.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { changeParticipantStatus } from '../participants/change-participant-status.ts';
import type { AppointmentContext } from './schedule-appointment.ts';

/**
 * Records that a participant attended or missed an appointment, or cancels it; its reminders still
 * waiting are cancelled. When the site's missed-appointments policy is on and this miss is the Nth
 * in a row (since the latest re-entry), the participant exits with reason missed_appointments
 * through the status function, by the policy (no one as its author), audited.
 */
export async function recordAppointmentOutcome(
  tx: Tx,
  context: AppointmentContext,
  key: { participantId: string; appointmentId: string },
  status: RecordedStatus,
): Promise<{ appointment: AppointmentRecord; exitedByPolicy: boolean }> {
  const { siteId, userId, now } = context;
  const current = await findAppointment(tx, { siteId, ...key }, { lock: true });
  if (!current) throw new DomainError('NOT_FOUND', 'Not found.');
  const to = recordAppointmentStatus(current, status, now);
  await setAppointmentStatus(tx, { siteId, appointmentId: current.id, status: to, by: userId, at: now });
  await cancelAppointmentReminders(tx, siteId, current.id);
  const appointment: AppointmentRecord = { ...current, status: to, statusBy: userId, statusAt: now };
  const exitedByPolicy = to === 'missed' && (await exitIfMissedTooMany(tx, siteId, key.participantId, now));
  return { appointment, exitedByPolicy };
}

async function exitIfMissedTooMany(
  tx: Tx,
  siteId: string,
  participantId: string,
  now: Date,
): Promise<boolean> {
  const { missedAppointmentsExit: limit } = await findAppointmentSettings(tx, siteId);
  if (limit === null) return false;
  const participant = await findParticipantStanding(tx, siteId, participantId, { lock: true });
  if (!participant || participant.status === 'exited') return false;
  const events = await findParticipantStatusEvents(tx, siteId, participantId);
  const since = events.findLast((event) => event.event === 're_entered')?.at ?? null;
  const attendance = await findRecentAttendance(tx, { siteId, participantId, since, limit });
  if (!missedAppointmentsReachLimit(attendance, limit)) return false;
  await changeParticipantStatus(tx, {
    siteId,
    participantId,
    event: { type: 'exit', reason: 'missed_appointments' },
    actor: { kind: 'site_policy' },
    userId: null,
    now,
  });
  await recordAudit(tx, {
    occurredAt: now,
    userId: null,
    role: null,
    siteId,
    action: 'participant.exited.missed_appointments',
    resourceType: 'participant',
    resourceId: participantId,
    outcome: 'success',
    requestId: null,
  });
  return true;
}

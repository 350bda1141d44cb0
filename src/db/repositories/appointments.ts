import { sql } from 'kysely';
import {
  type AppointmentStatus,
  DEFAULT_REMINDER_HOURS,
  type RecordedStatus,
} from '../../domain/appointments/appointment.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export const APPOINTMENT_REMINDER_TIMER = 'appointment_reminder';

export type AppointmentRecord = {
  id: string;
  participantId: string;
  startsAt: Date;
  place: string;
  withWhom: string;
  partnerServiceId: string | null;
  purpose: string;
  status: AppointmentStatus;
  createdBy: string;
  createdAt: Date;
  statusBy: string | null;
  statusAt: Date | null;
};

export type AppointmentDetails = {
  startsAt: Date;
  place: string;
  withWhom: string;
  partnerServiceId: string | null;
  purpose: string;
};

export type AppointmentSettings = { reminderHours: number[]; missedAppointmentsExit: number | null };

const columns = [
  'id',
  'participant_id as participantId',
  'starts_at as startsAt',
  'place',
  'with_whom as withWhom',
  'partner_service_id as partnerServiceId',
  'purpose',
  'status',
  'created_by as createdBy',
  'created_at as createdAt',
  'status_by as statusBy',
  'status_at as statusAt',
] as const;

export async function insertAppointment(
  tx: Tx,
  appointment: AppointmentDetails & { siteId: string; participantId: string; createdBy: string; at: Date },
): Promise<AppointmentRecord> {
  const row = await tx
    .insertInto('appointments')
    .values({
      site_id: appointment.siteId,
      participant_id: appointment.participantId,
      starts_at: appointment.startsAt,
      place: appointment.place,
      with_whom: appointment.withWhom,
      partner_service_id: appointment.partnerServiceId,
      purpose: appointment.purpose,
      status: 'scheduled',
      created_by: appointment.createdBy,
      created_at: appointment.at,
      status_by: null,
      status_at: null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return row as AppointmentRecord;
}

/** One appointment of a participant, locked for the transaction when `lock` is set. */
export async function findAppointment(
  tx: Tx,
  key: { siteId: string; participantId?: string; appointmentId: string },
  options: { lock?: boolean } = {},
): Promise<AppointmentRecord | undefined> {
  let query = tx
    .selectFrom('appointments')
    .select(columns)
    .where('site_id', '=', key.siteId)
    .where('id', '=', key.appointmentId);
  if (key.participantId) query = query.where('participant_id', '=', key.participantId);
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as AppointmentRecord | undefined;
}

/** A participant's appointments, soonest first. */
export async function findParticipantAppointments(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<AppointmentRecord[]> {
  const rows = await tx
    .selectFrom('appointments')
    .select(columns)
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows as AppointmentRecord[];
}

export async function updateAppointmentDetails(
  tx: Tx,
  key: { siteId: string; appointmentId: string },
  details: AppointmentDetails,
): Promise<void> {
  await tx
    .updateTable('appointments')
    .set({
      starts_at: details.startsAt,
      place: details.place,
      with_whom: details.withWhom,
      partner_service_id: details.partnerServiceId,
      purpose: details.purpose,
    })
    .where('site_id', '=', key.siteId)
    .where('id', '=', key.appointmentId)
    .execute();
}

export async function setAppointmentStatus(
  tx: Tx,
  change: { siteId: string; appointmentId: string; status: RecordedStatus; by: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('appointments')
    .set({ status: change.status, status_by: change.by, status_at: change.at })
    .where('site_id', '=', change.siteId)
    .where('id', '=', change.appointmentId)
    .execute();
}

/**
 * The attendance of a participant's appointments (attended or missed), newest appointment first,
 * for those starting after `since` (the latest re-entry), at most `limit`.
 */
export async function findRecentAttendance(
  tx: Tx,
  query: { siteId: string; participantId: string; since: Date | null; limit: number },
): Promise<('attended' | 'missed')[]> {
  let select = tx
    .selectFrom('appointments')
    .select('status')
    .where('site_id', '=', query.siteId)
    .where('participant_id', '=', query.participantId)
    .where('status', 'in', ['attended', 'missed']);
  if (query.since) select = select.where('starts_at', '>', query.since);
  const rows = await select.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((row) => row.status as 'attended' | 'missed');
}

export async function findAppointmentSettings(tx: Tx, siteId: string): Promise<AppointmentSettings> {
  const row = await tx
    .selectFrom('site_settings')
    .select([
      'appointment_reminder_hours as reminderHours',
      'missed_appointments_exit as missedAppointmentsExit',
    ])
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row ?? { reminderHours: [...DEFAULT_REMINDER_HOURS], missedAppointmentsExit: null };
}

export async function saveAppointmentSettings(
  tx: Tx,
  siteId: string,
  settings: AppointmentSettings,
): Promise<void> {
  await tx
    .updateTable('site_settings')
    .set({
      appointment_reminder_hours: settings.reminderHours,
      missed_appointments_exit: settings.missedAppointmentsExit,
    })
    .where('site_id', '=', siteId)
    .execute();
}

/** Cancels every reminder still scheduled for an appointment (it was cancelled, recorded or moved). */
export async function cancelAppointmentReminders(
  tx: Tx,
  siteId: string,
  appointmentId: string,
): Promise<number> {
  const result = await tx
    .updateTable('timers')
    .set({ state: 'cancelled', claimed_until: null })
    .where('site_id', '=', siteId)
    .where('kind', '=', APPOINTMENT_REMINDER_TIMER)
    .where('state', '=', 'scheduled')
    .where(sql<string>`payload->>'appointmentId'`, '=', appointmentId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Where a participant's reminders go: the person's SMS numbers and e-mail addresses that they said
 * reminders may use, the assigned case manager's e-mail, and the site's time zone; and whether the
 * participant has exited (then nothing goes).
 */
export async function findReminderRecipients(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<{
  person: { channel: 'sms' | 'email'; recipient: string }[];
  caseManagerId: string | null;
  timezone: string;
  exited: boolean;
}> {
  const participant = await tx
    .selectFrom('participants')
    .innerJoin('sites', 'sites.id', 'participants.site_id')
    .select([
      'participants.person_id as personId',
      'participants.status as status',
      'participants.case_manager_id as caseManagerId',
      'sites.timezone as timezone',
    ])
    .where('participants.site_id', '=', siteId)
    .where('participants.id', '=', participantId)
    .executeTakeFirst();
  if (!participant) return { person: [], caseManagerId: null, timezone: 'UTC', exited: true };
  const methods = await tx
    .selectFrom('person_contact_methods')
    .select(['kind', 'value'])
    .where('site_id', '=', siteId)
    .where('person_id', '=', participant.personId)
    .where('reminders_allowed', '=', true)
    .where('kind', 'in', ['sms', 'email'])
    .orderBy('position')
    .execute();
  return {
    person: methods.map((method) => ({ channel: method.kind as 'sms' | 'email', recipient: method.value })),
    caseManagerId: participant.caseManagerId ?? null,
    timezone: participant.timezone,
    exited: participant.status === 'exited',
  };
}

/** One appointment event for the timeline: booked ('scheduled'), or its recorded outcome. */
export type AppointmentTimelineRow = {
  id: string;
  at: Date;
  event: 'scheduled' | AppointmentStatus;
  place: string;
  by: string | null;
};

/**
 * A page of a participant's appointment events for the timeline, newest first: when booked and by
 * whom (id '<appointment>:1'), and the recorded outcome ('<appointment>:2').
 */
export async function findAppointmentTimeline(
  tx: Tx,
  siteId: string,
  participantId: string,
  page: TimelinePage,
): Promise<AppointmentTimelineRow[]> {
  const at = timelineAt(sql.ref('e.at'));
  const id = timelineId(sql.ref('e.id'));
  const booked = tx
    .selectFrom('appointments as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select([
      sql<string>`a.id::text || ':1'`.as('id'),
      'a.created_at as at',
      sql<string>`'scheduled'`.as('event'),
      'a.place',
      'u.display_name as by',
    ])
    .where('a.site_id', '=', siteId)
    .where('a.participant_id', '=', participantId);
  const recorded = tx
    .selectFrom('appointments as a')
    .leftJoin('users as u', 'u.id', 'a.status_by')
    .select([
      sql<string>`a.id::text || ':2'`.as('id'),
      sql<Date>`a.status_at`.as('at'),
      'a.status as event',
      'a.place',
      'u.display_name as by',
    ])
    .where('a.site_id', '=', siteId)
    .where('a.participant_id', '=', participantId)
    .where('a.status_at', 'is not', null);
  const rows = await tx
    .selectFrom(booked.unionAll(recorded).as('e'))
    .select([id.as('id'), at.as('at'), 'e.event', 'e.place', 'e.by'])
    .where(olderThan('appointment', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
  return rows as AppointmentTimelineRow[];
}

export type DayAppointmentRow = AppointmentRecord & { personName: string; caseManagerId: string | null };

/**
 * The site's appointments starting in [from, to) (a day), soonest first, with the person's name;
 * only those of `caseManagerId`'s participants when given.
 */
export async function findAppointmentsBetween(
  tx: Tx,
  query: { siteId: string; from: Date; to: Date; caseManagerId?: string | undefined },
): Promise<DayAppointmentRow[]> {
  let select = tx
    .selectFrom('appointments as a')
    .innerJoin('participants as p', (join) =>
      join.onRef('p.site_id', '=', 'a.site_id').onRef('p.id', '=', 'a.participant_id'),
    )
    .innerJoin('people as person', (join) =>
      join.onRef('person.site_id', '=', 'p.site_id').onRef('person.id', '=', 'p.person_id'),
    )
    .select([
      'a.id',
      'a.participant_id as participantId',
      'a.starts_at as startsAt',
      'a.place',
      'a.with_whom as withWhom',
      'a.partner_service_id as partnerServiceId',
      'a.purpose',
      'a.status',
      'a.created_by as createdBy',
      'a.created_at as createdAt',
      'a.status_by as statusBy',
      'a.status_at as statusAt',
      'person.name_or_alias as personName',
      'p.case_manager_id as caseManagerId',
    ])
    .where('a.site_id', '=', query.siteId)
    .where('a.starts_at', '>=', query.from)
    .where('a.starts_at', '<', query.to);
  if (query.caseManagerId) select = select.where('p.case_manager_id', '=', query.caseManagerId);
  const rows = await select.orderBy('a.starts_at').orderBy('a.id').execute();
  return rows as DayAppointmentRow[];
}

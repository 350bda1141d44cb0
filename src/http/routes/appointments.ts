import { appointmentsToday } from '../../app/appointments/appointments-today.ts';
import { moveAppointment } from '../../app/appointments/move-appointment.ts';
import { recordAppointmentOutcome } from '../../app/appointments/record-appointment-status.ts';
import { scheduleAppointment } from '../../app/appointments/schedule-appointment.ts';
import {
  appointment,
  appointmentChangeRequest,
  appointmentOutcomeResponse,
  appointmentParams,
  appointmentRequest,
  appointmentSettings,
  appointmentSettingsRequest,
  appointmentStatusRequest,
  appointmentsResponse,
  appointmentsTodayQuery,
  appointmentsTodayResponse,
} from '../../contracts/appointments.ts';
import { siteParams } from '../../contracts/common.ts';
import { participantParams } from '../../contracts/participant-status.ts';
import {
  findAppointmentSettings,
  findParticipantAppointments,
  saveAppointmentSettings,
} from '../../db/repositories/appointments.ts';
import { findParticipantStanding } from '../../db/repositories/participant-status-events.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  presentAppointment,
  presentAppointmentSettings,
  presentAppointments,
} from '../presenters/appointments.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

const contextOf = (
  site: Parameters<typeof requireSite>[0],
  session: Parameters<typeof requireSession>[0],
  now: Date,
) => ({ siteId: requireSite(site).id, userId: requireSession(session).user.id, now });

export const appointmentRoutes = [
  defineRoute({
    id: 'appointments.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/appointments',
    summary:
      "A participant's appointments: upcoming (still scheduled) and past (attended, missed, cancelled)",
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:use', notFoundForOtherRoles: true },
    params: participantParams,
    response: appointmentsResponse,
    async handler({ tx, site, params, audit }) {
      const siteId = requireSite(site).id;
      if (!(await findParticipantStanding(tx, siteId, params.participantId)))
        throw new DomainError('NOT_FOUND', 'Not found.');
      const appointments = await findParticipantAppointments(tx, siteId, params.participantId);
      await audit({
        action: 'participant.appointments.view',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentAppointments(appointments);
    },
  }),
  defineRoute({
    id: 'appointments.create',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/appointments',
    summary: 'Book an appointment (when, where, with whom, why); reminders go out at the site’s offsets',
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:use', notFoundForOtherRoles: true },
    params: participantParams,
    body: appointmentRequest,
    response: appointment,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const booked = await scheduleAppointment(
        tx,
        contextOf(site, session, deps.clock()),
        params.participantId,
        {
          startsAt: new Date(body.startsAt),
          place: body.place,
          withWhom: body.withWhom,
          partnerServiceId: body.partnerServiceId ?? null,
          purpose: body.purpose,
        },
      );
      await audit({
        action: 'participant.appointment.created',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentAppointment(booked);
    },
  }),
  defineRoute({
    id: 'appointments.change',
    method: 'PATCH',
    url: '/api/v1/sites/:siteId/participants/:participantId/appointments/:appointmentId',
    summary: 'Move or change a scheduled appointment; a new time replaces its reminders',
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:use', notFoundForOtherRoles: true },
    params: appointmentParams,
    body: appointmentChangeRequest,
    response: appointment,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const moved = await moveAppointment(
        tx,
        contextOf(site, session, deps.clock()),
        { participantId: params.participantId, appointmentId: params.appointmentId },
        {
          ...(body.startsAt !== undefined ? { startsAt: new Date(body.startsAt) } : {}),
          ...(body.place !== undefined ? { place: body.place } : {}),
          ...(body.withWhom !== undefined ? { withWhom: body.withWhom } : {}),
          ...(body.partnerServiceId !== undefined ? { partnerServiceId: body.partnerServiceId } : {}),
          ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
        },
      );
      await audit({
        action: 'participant.appointment.changed',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentAppointment(moved);
    },
  }),
  defineRoute({
    id: 'appointments.record_status',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/appointments/:appointmentId/status',
    summary:
      'Record attendance (attended, missed) or cancel; with the site policy on, the Nth missed in a row exits the person',
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:use', notFoundForOtherRoles: true },
    params: appointmentParams,
    body: appointmentStatusRequest,
    response: appointmentOutcomeResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const recorded = await recordAppointmentOutcome(
        tx,
        contextOf(site, session, deps.clock()),
        { participantId: params.participantId, appointmentId: params.appointmentId },
        body.status,
      );
      await audit({
        action: `participant.appointment.${body.status}`,
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return {
        appointment: presentAppointment(recorded.appointment),
        exitedByPolicy: recorded.exitedByPolicy,
      };
    },
  }),
  defineRoute({
    id: 'appointments.today',
    method: 'GET',
    url: '/api/v1/sites/:siteId/appointments/today',
    summary: "Today's appointments (the site's calendar day): the caller's participants, or the whole site's",
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:use', notFoundForOtherRoles: true },
    params: siteParams,
    query: appointmentsTodayQuery,
    response: appointmentsTodayResponse,
    async handler({ tx, site, session, query, deps, audit }) {
      const rows = await appointmentsToday(tx, contextOf(site, session, deps.clock()), query.scope);
      for (const participantId of new Set(rows.map((row) => row.participantId)))
        await audit({
          action: 'participant.appointments.today',
          resourceType: 'participant',
          resourceId: participantId,
          outcome: 'success',
        });
      return {
        appointments: rows.map((row) => ({ ...presentAppointment(row), personName: row.personName })),
      };
    },
  }),
  defineRoute({
    id: 'appointments.settings.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/appointment-settings',
    summary: "The site's reminder offsets (hours before) and missed-appointments exit policy",
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:use' },
    params: siteParams,
    response: appointmentSettings,
    async handler({ tx, site }) {
      return presentAppointmentSettings(await findAppointmentSettings(tx, requireSite(site).id));
    },
  }),
  defineRoute({
    id: 'appointments.settings.save',
    method: 'PATCH',
    url: '/api/v1/sites/:siteId/appointment-settings',
    summary: 'Change the reminder offsets or the missed-appointments exit policy (null: off)',
    tags: ['appointments'],
    access: { kind: 'site', action: 'appointments:settings' },
    params: siteParams,
    body: appointmentSettingsRequest,
    response: appointmentSettings,
    async handler({ tx, site, body, audit }) {
      const siteId = requireSite(site).id;
      const current = await findAppointmentSettings(tx, siteId);
      const next = {
        reminderHours: body.reminderHours ?? current.reminderHours,
        missedAppointmentsExit:
          body.missedAppointmentsExit === undefined
            ? current.missedAppointmentsExit
            : body.missedAppointmentsExit,
      };
      await saveAppointmentSettings(tx, siteId, next);
      await audit({
        action: 'appointments.settings.saved',
        resourceType: 'site',
        resourceId: siteId,
        outcome: 'success',
      });
      return presentAppointmentSettings(next);
    },
  }),
];

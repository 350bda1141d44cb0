import { changeParticipantStatus } from '../../app/participants/change-participant-status.ts';
import {
  exitRequest,
  participantParams,
  participantStatusResponse,
  reEntryRequest,
} from '../../contracts/participant-status.ts';
import {
  findParticipantStanding,
  findParticipantStatusEvents,
} from '../../db/repositories/participant-status-events.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { presentParticipantStatus } from '../presenters/participant-status.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSite } from './context.ts';

async function statusOf(tx: Tx, siteId: string, participantId: string) {
  const participant = await findParticipantStanding(tx, siteId, participantId);
  if (!participant) throw new DomainError('NOT_FOUND', 'Not found.');
  return presentParticipantStatus(participant, await findParticipantStatusEvents(tx, siteId, participantId));
}

export const participantExitRoutes = [
  defineRoute({
    id: 'participants.status.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/status',
    summary:
      "A participant's status and every step of it: intake, enrolment, exits with their reasons, re-entries",
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_exits:use', notFoundForOtherRoles: true },
    params: participantParams,
    response: participantStatusResponse,
    async handler({ tx, site, params, audit }) {
      const status = await statusOf(tx, requireSite(site).id, params.participantId);
      await audit({
        action: 'participant.status.view',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return status;
    },
  }),
  defineRoute({
    id: 'participants.exit',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/exit',
    summary:
      'Exit a participant with a reason (removed for violence or threats toward staff: a program manager only); nothing else is cleared',
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_exits:use', notFoundForOtherRoles: true },
    params: participantParams,
    body: exitRequest,
    response: participantStatusResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const siteId = requireSite(site).id;
      await changeParticipantStatus(tx, {
        siteId,
        participantId: params.participantId,
        event: { type: 'exit', reason: body.reason, note: body.note },
        actor: { kind: 'staff', roles: principal.rolesAtSite },
        userId: principal.userId,
        now: deps.clock(),
      });
      await audit({
        action: `participant.exited.${body.reason}`,
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return statusOf(tx, siteId, params.participantId);
    },
  }),
  defineRoute({
    id: 'participants.re_enter',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/re-entry',
    summary:
      'Enrol again someone who exited, with an optional note and the new referral that brought them back',
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_exits:use', notFoundForOtherRoles: true },
    params: participantParams,
    body: reEntryRequest,
    response: participantStatusResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const siteId = requireSite(site).id;
      const { overCap } = await changeParticipantStatus(tx, {
        siteId,
        participantId: params.participantId,
        event: { type: 're_enter', note: body.note },
        actor: { kind: 'staff', roles: principal.rolesAtSite },
        userId: principal.userId,
        now: deps.clock(),
        referralId: body.referralId ?? undefined,
        caseload: { principal, overrideReason: body.overrideReason ?? null },
      });
      await audit({
        action: 'participant.re_entered',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      // Kept their case manager past the hard maximum: a program manager's override, like an assignment.
      if (overCap)
        await audit({
          action: 'participant.case_manager.assigned_over_cap',
          resourceType: 'participant',
          resourceId: params.participantId,
          outcome: 'success',
        });
      return statusOf(tx, siteId, params.participantId);
    },
  }),
];

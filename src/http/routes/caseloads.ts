import { assignCaseManager } from '../../app/caseloads/assign-case-manager.ts';
import { saveCaseManagement } from '../../app/caseloads/case-management-settings.ts';
import { siteCaseloads } from '../../app/caseloads/site-caseloads.ts';
import { setStaffFte } from '../../app/caseloads/staff-fte.ts';
import {
  assignCaseManagerRequest,
  assignmentResponse,
  caseloadsResponse,
  caseManagementSettings,
  caseManagementSettingsRequest,
  staffFteRequest,
  staffParams,
} from '../../contracts/caseloads.ts';
import { siteParams } from '../../contracts/common.ts';
import { careParticipantParams } from '../../contracts/participant-contacts.ts';
import { findCaseManagementSettings } from '../../db/repositories/caseloads.ts';
import { presentCaseloads, presentSettings } from '../presenters/case-management.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSession, requireSite } from './context.ts';

export const caseloadRoutes = [
  defineRoute({
    id: 'caseloads.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/caseloads',
    summary: "Each care-team member's caseload against the site's caps (counts only), and the caps",
    tags: ['caseloads'],
    access: { kind: 'site', action: 'caseloads:view' },
    params: siteParams,
    response: caseloadsResponse,
    async handler({ tx, site, audit }) {
      const caseloads = await siteCaseloads(tx, requireSite(site).id);
      await audit({
        action: 'caseloads.viewed',
        resourceType: 'caseload',
        resourceId: null,
        outcome: 'success',
      });
      return presentCaseloads(caseloads);
    },
  }),
  defineRoute({
    id: 'caseloads.settings.save',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/caseloads/settings',
    summary: 'Set the caseload caps (average per FTE, hard maximum) and the engagement thresholds in days',
    tags: ['caseloads'],
    access: { kind: 'site', action: 'caseloads:manage' },
    params: siteParams,
    body: caseManagementSettingsRequest,
    response: caseManagementSettings,
    async handler({ tx, site, body, audit }) {
      const siteId = requireSite(site).id;
      await saveCaseManagement(tx, siteId, {
        caps: { averagePerFte: body.caseloadAveragePerFte, hardMax: body.caseloadHardMax },
        engagement: {
          inactiveDays: body.engagementInactiveDays,
          inTheWindDays: body.engagementInTheWindDays,
        },
      });
      await audit({
        action: 'caseloads.settings.saved',
        resourceType: 'site',
        resourceId: siteId,
        outcome: 'success',
      });
      return presentSettings(await findCaseManagementSettings(tx, siteId));
    },
  }),
  defineRoute({
    id: 'caseloads.staff.fte',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/caseloads/staff/:staffId/fte',
    summary: "Set a care-team member's full-time equivalent at the site",
    tags: ['caseloads'],
    access: { kind: 'site', action: 'caseloads:manage' },
    params: staffParams,
    body: staffFteRequest,
    response: caseloadsResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      await setStaffFte(
        tx,
        { siteId, userId: requireSession(session).user.id, now: deps.clock() },
        params.staffId,
        body.fte,
      );
      await audit({
        action: 'caseloads.fte.saved',
        resourceType: 'user',
        resourceId: params.staffId,
        outcome: 'success',
      });
      return presentCaseloads(await siteCaseloads(tx, siteId));
    },
  }),
  defineRoute({
    id: 'participants.case_manager.assign',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/case-manager',
    summary:
      "Assign or reassign a participant's case manager; refused at the hard maximum (409 CASELOAD_FULL) unless a program manager gives an override reason",
    tags: ['caseloads'],
    access: { kind: 'site', action: 'caseloads:assign', notFoundForOtherRoles: true },
    params: careParticipantParams,
    body: assignCaseManagerRequest,
    response: assignmentResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const assignment = await assignCaseManager(
        tx,
        { siteId: requireSite(site).id, principal: principalOf(session, site), now: deps.clock() },
        {
          participantId: params.participantId,
          caseManagerId: body.caseManagerId,
          overrideReason: body.overrideReason ?? null,
        },
      );
      await audit({
        action: assignment.overCap
          ? 'participant.case_manager.assigned_over_cap'
          : 'participant.case_manager.assigned',
        resourceType: 'participant',
        resourceId: assignment.participantId,
        outcome: 'success',
      });
      return assignment;
    },
  }),
];

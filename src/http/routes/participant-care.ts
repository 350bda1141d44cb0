import { contactLog, logContact } from '../../app/participants/contact-log.ts';
import { engagementList } from '../../app/participants/engagement-list.ts';
import { addGoal, changeGoal, participantPlan } from '../../app/participants/plan-goals.ts';
import {
  careParticipantParams,
  contactListQuery,
  contactLogResponse,
  engagementListParams,
  engagementListQuery,
  engagementListResponse,
  logContactRequest,
  loggedContactResponse,
} from '../../contracts/participant-contacts.ts';
import {
  addGoalRequest,
  changeGoalRequest,
  goalParams,
  goalResponse,
  planResponse,
} from '../../contracts/participant-plan.ts';
import {
  presentContact,
  presentContacts,
  presentEngagement,
  presentGoal,
} from '../presenters/case-management.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

/** Contacts, engagement and the plan: the care team only; every read of a participant's data audited. */
export const participantCareRoutes = [
  defineRoute({
    id: 'participants.contacts.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/contacts',
    summary: "A participant's contact log, latest first, with their engagement now",
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_contacts:use', notFoundForOtherRoles: true },
    params: careParticipantParams,
    query: contactListQuery,
    response: contactLogResponse,
    async handler({ tx, site, params, query, deps, audit }) {
      const log = await contactLog(
        tx,
        { siteId: requireSite(site).id, now: deps.clock() },
        params.participantId,
        query.limit,
      );
      await audit({
        action: 'participant.contacts.viewed',
        resourceType: 'participant',
        resourceId: log.participant.id,
        outcome: 'success',
      });
      return {
        participantId: log.participant.id,
        lastContactAt: log.participant.lastContactAt?.toISOString() ?? null,
        engagement: presentEngagement(log.engagement),
        contacts: presentContacts(log.contacts),
      };
    },
  }),
  defineRoute({
    id: 'participants.contacts.log',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/contacts',
    summary:
      'Log a contact (append-only; a correction names the entry it corrects). Send an Idempotency-Key so a retry never logs it twice',
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_contacts:use', notFoundForOtherRoles: true },
    params: careParticipantParams,
    body: logContactRequest,
    response: loggedContactResponse,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const logged = await logContact(
        tx,
        { siteId: requireSite(site).id, userId: requireSession(session).user.id, now: deps.clock() },
        params.participantId,
        {
          kind: body.kind,
          occurredAt: new Date(body.occurredAt),
          durationMinutes: body.durationMinutes ?? null,
          note: body.note ?? null,
          staffIds: body.staffIds ?? null,
          correctsContactId: body.correctsContactId ?? null,
        },
      );
      await audit({
        action: 'participant.contact.logged',
        resourceType: 'participant',
        resourceId: logged.participant.id,
        outcome: 'success',
      });
      return {
        contact: presentContact(logged.contact),
        lastContactAt: logged.participant.lastContactAt?.toISOString() ?? null,
        engagement: presentEngagement(logged.engagement),
      };
    },
  }),
  defineRoute({
    id: 'participants.engagement.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/engagement',
    summary:
      'People in the program with their engagement (derived from contacts), longest without contact first; a caseload and a going-in-the-wind filter',
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_contacts:use', notFoundForOtherRoles: true },
    params: engagementListParams,
    query: engagementListQuery,
    response: engagementListResponse,
    async handler({ tx, site, session, query, deps, audit }) {
      const list = await engagementList(
        tx,
        { siteId: requireSite(site).id, now: deps.clock() },
        {
          caseManagerId: query.caseload === 'me' ? requireSession(session).user.id : null,
          goingInTheWindWithinDays: query.goingInTheWindWithinDays ?? null,
        },
      );
      await audit({
        action: 'participants.engagement.listed',
        resourceType: 'participant',
        resourceId: null,
        outcome: 'success',
      });
      return {
        thresholds: list.thresholds,
        participants: list.rows.map((row) => ({
          participantId: row.participant.id,
          personName: row.participant.personName,
          status: row.participant.status,
          caseManagerId: row.participant.caseManagerId,
          caseManagerName: row.caseManagerName,
          lastContactAt: row.participant.lastContactAt?.toISOString() ?? null,
          engagement: presentEngagement(row.engagement),
        })),
      };
    },
  }),
  defineRoute({
    id: 'participants.plan.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/plan',
    summary: "A participant's plan: goals in their own words, linked to needs, with each goal's history",
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_plan:use', notFoundForOtherRoles: true },
    params: careParticipantParams,
    response: planResponse,
    async handler({ tx, site, params, audit }) {
      const goals = await participantPlan(tx, requireSite(site).id, params.participantId);
      await audit({
        action: 'participant.plan.viewed',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return { participantId: params.participantId, goals: goals.map(presentGoal) };
    },
  }),
  defineRoute({
    id: 'participants.plan.goals.add',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/plan/goals',
    summary: "Add a goal to a participant's plan, in their own words",
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_plan:use', notFoundForOtherRoles: true },
    params: careParticipantParams,
    body: addGoalRequest,
    response: goalResponse,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const goal = await addGoal(
        tx,
        { siteId: requireSite(site).id, userId: requireSession(session).user.id, now: deps.clock() },
        params.participantId,
        body,
      );
      await audit({
        action: 'participant.plan.goal_added',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentGoal(goal);
    },
  }),
  defineRoute({
    id: 'participants.plan.goals.change',
    method: 'PATCH',
    url: '/api/v1/sites/:siteId/participants/:participantId/plan/goals/:goalId',
    summary: "Change a goal's words, needs or status (set_aside rather than delete); every change kept",
    tags: ['participants'],
    access: { kind: 'site', action: 'participant_plan:use', notFoundForOtherRoles: true },
    params: goalParams,
    body: changeGoalRequest,
    response: goalResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const goal = await changeGoal(
        tx,
        { siteId: requireSite(site).id, userId: requireSession(session).user.id, now: deps.clock() },
        params.participantId,
        params.goalId,
        { ...body, note: body.note ?? null },
      );
      await audit({
        action: 'participant.plan.goal_changed',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentGoal(goal);
    },
  }),
];

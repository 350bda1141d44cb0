import { completeIntake } from '../../app/participants/complete-intake.ts';
import { decodeTimelineCursor } from '../../app/participants/participant-timeline.ts';
import { recordRelease } from '../../app/participants/record-release.ts';
import { revokeRelease } from '../../app/participants/revoke-release.ts';
import { saveIntake } from '../../app/participants/save-intake.ts';
import { startIntake } from '../../app/participants/start-intake.ts';
import { viewParticipant } from '../../app/participants/view-participant.ts';
import { viewParticipantTimeline } from '../../app/participants/view-participant-timeline.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  createReleaseRequest,
  participantDetail,
  participantListQuery,
  participantListResponse,
  participantParams,
  participantSummary,
  participantTimelinePage,
  participantTimelineQuery,
  releaseParams,
  releaseSchema,
  revokeReleaseRequest,
  saveIntakeRequest,
  startIntakeRequest,
} from '../../contracts/participants.ts';
import { referralParams } from '../../contracts/referrals.ts';
import { findParticipants } from '../../db/repositories/participants.ts';
import { findRelease } from '../../db/repositories/releases.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import { DomainError } from '../../domain/errors.ts';
import { dateInZone } from '../../domain/participants/intake.ts';
import {
  presentParticipantDetail,
  presentParticipantSummary,
  presentRelease,
  presentTimelinePage,
} from '../presenters/participants.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSite } from './context.ts';

/**
 * Participant records: the care team only; the route guard answers everyone else 404, as if
 * nothing existed (notFoundForOtherRoles). Every read writes an audit row.
 */
const VIEW = { kind: 'site', action: 'participants:view', notFoundForOtherRoles: true } as const;
const WRITE = { kind: 'site', action: 'participants:write', notFoundForOtherRoles: true } as const;

export const participantRoutes = [
  defineRoute({
    id: 'participants.start_intake',
    method: 'POST',
    url: '/api/v1/sites/:siteId/referrals/:referralId/intake',
    summary: 'Start the intake of an accepted referral: the person becomes a participant in intake',
    tags: ['participants'],
    access: WRITE,
    params: referralParams,
    body: startIntakeRequest,
    response: participantSummary,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const { participant, started } = await startIntake(
        tx,
        { siteId: requireSite(site).id, principal: principalOf(session, site), now: deps.clock() },
        params.referralId,
        body,
      );
      await audit({
        action: started ? 'participant.intake_started' : 'participant.viewed',
        resourceType: 'participant',
        resourceId: participant.id,
        outcome: 'success',
      });
      return presentParticipantSummary(participant);
    },
  }),
  defineRoute({
    id: 'participants.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants',
    summary: "The site's participants with their status, case manager and enrolment date",
    tags: ['participants'],
    access: VIEW,
    params: siteParams,
    query: participantListQuery,
    response: participantListResponse,
    async handler({ tx, site, query, audit }) {
      const participants = await findParticipants(tx, requireSite(site).id, query.limit);
      await audit({
        action: 'participant.list',
        resourceType: 'participant',
        resourceId: null,
        outcome: 'success',
      });
      return { participants: participants.map(presentParticipantSummary) };
    },
  }),
  defineRoute({
    id: 'participants.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId',
    summary: "One participant's record: summary, referral, intake, releases, ways to reach them, timeline",
    tags: ['participants'],
    access: VIEW,
    params: participantParams,
    response: participantDetail,
    async handler({ tx, site, session, params, deps, audit }) {
      const view = await viewParticipant(
        tx,
        { siteId: requireSite(site).id, principal: principalOf(session, site), now: deps.clock() },
        params.participantId,
      );
      await audit({
        action: 'participant.viewed',
        resourceType: 'participant',
        resourceId: view.participant.id,
        outcome: 'success',
      });
      return presentParticipantDetail(view);
    },
  }),
  defineRoute({
    id: 'participants.timeline',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/timeline',
    summary:
      "An older page of a participant's timeline: the items after `before` (the cursor a page gave), newest first",
    tags: ['participants'],
    access: VIEW,
    params: participantParams,
    query: participantTimelineQuery,
    response: participantTimelinePage,
    async handler({ tx, site, session, params, query, audit }) {
      const before = query.before === undefined ? null : decodeTimelineCursor(query.before);
      if (query.before !== undefined && !before)
        throw new DomainError('VALIDATION_FAILED', 'before: not a timeline cursor.', { field: 'before' });
      const page = await viewParticipantTimeline(
        tx,
        { siteId: requireSite(site).id, principal: principalOf(session, site) },
        params.participantId,
        { before, limit: query.limit },
      );
      await audit({
        action: 'participant.viewed',
        resourceType: 'participant',
        resourceId: page.participant.id,
        outcome: 'success',
      });
      return presentTimelinePage(page);
    },
  }),
  defineRoute({
    id: 'participants.intake.save',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/participants/:participantId/intake',
    summary: 'Save the intake as a draft (as often as needed): needs, demographics, ways to reach the person',
    tags: ['participants'],
    access: WRITE,
    params: participantParams,
    body: saveIntakeRequest,
    response: participantDetail,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const context = {
        siteId: requireSite(site).id,
        principal: principalOf(session, site),
        now: deps.clock(),
      };
      await saveIntake(tx, context, params.participantId, body);
      await audit({
        action: 'participant.intake_saved',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return presentParticipantDetail(await viewParticipant(tx, context, params.participantId));
    },
  }),
  defineRoute({
    id: 'participants.intake.complete',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/intake/complete',
    summary: 'Complete the intake (needs a signed release in force): enrols the participant and the referral',
    tags: ['participants'],
    access: WRITE,
    params: participantParams,
    response: participantDetail,
    async handler({ tx, site, session, params, deps, audit }) {
      const context = {
        siteId: requireSite(site).id,
        principal: principalOf(session, site),
        now: deps.clock(),
      };
      const { referralId } = await completeIntake(tx, context, params.participantId);
      await audit({
        action: 'participant.intake_completed',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      await audit({
        action: 'referral.complete_intake',
        resourceType: 'referral',
        resourceId: referralId,
        outcome: 'success',
      });
      return presentParticipantDetail(await viewParticipant(tx, context, params.participantId));
    },
  }),
  defineRoute({
    id: 'participants.releases.create',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/releases',
    summary: 'Record a signed release of information (every 42 CFR 2.31 element required)',
    tags: ['participants'],
    access: WRITE,
    params: participantParams,
    body: createReleaseRequest,
    response: releaseSchema,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const now = deps.clock();
      const releaseId = await recordRelease(
        tx,
        { siteId, principal: principalOf(session, site), now },
        params.participantId,
        body,
      );
      await audit({
        action: 'release.signed',
        resourceType: 'release',
        resourceId: releaseId,
        outcome: 'success',
      });
      return presentStoredRelease(tx, siteId, params.participantId, releaseId, now);
    },
  }),
  defineRoute({
    id: 'participants.releases.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/releases/:releaseId',
    summary: 'One release with every element (the printable copy for the person)',
    tags: ['participants'],
    access: VIEW,
    params: releaseParams,
    response: releaseSchema,
    async handler({ tx, site, params, deps, audit }) {
      const siteId = requireSite(site).id;
      const release = await presentStoredRelease(
        tx,
        siteId,
        params.participantId,
        params.releaseId,
        deps.clock(),
      );
      await audit({
        action: 'release.viewed',
        resourceType: 'release',
        resourceId: release.id,
        outcome: 'success',
      });
      return release;
    },
  }),
  defineRoute({
    id: 'participants.releases.revoke',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/releases/:releaseId/revoke',
    summary: 'Revoke a release: it stops allowing any disclosure at once',
    tags: ['participants'],
    access: WRITE,
    params: releaseParams,
    body: revokeReleaseRequest,
    response: releaseSchema,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const now = deps.clock();
      await revokeRelease(
        tx,
        { siteId, principal: principalOf(session, site), now },
        params.participantId,
        params.releaseId,
        body.note ?? null,
      );
      await audit({
        action: 'release.revoked',
        resourceType: 'release',
        resourceId: params.releaseId,
        outcome: 'success',
      });
      return presentStoredRelease(tx, siteId, params.participantId, params.releaseId, now);
    },
  }),
];

async function presentStoredRelease(
  tx: Parameters<typeof findRelease>[0],
  siteId: string,
  participantId: string,
  releaseId: string,
  now: Date,
) {
  const [release, site] = [
    await findRelease(tx, siteId, participantId, releaseId),
    await findSiteById(tx, siteId),
  ];
  if (!release || !site) throw new DomainError('NOT_FOUND', 'Not found.');
  return presentRelease(release, dateInZone(now, site.timezone));
}

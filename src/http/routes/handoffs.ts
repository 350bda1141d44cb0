import { answerHandoff } from '../../app/handoffs/answer-handoff.ts';
import { requestHandoff } from '../../app/handoffs/request-handoff.ts';
import { viewHandoff } from '../../app/handoffs/view-handoff.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  handoff,
  handoffEventRequest,
  handoffParams,
  handoffRequest,
  handoffSummary,
  handoffsQuery,
  handoffsResponse,
} from '../../contracts/handoffs.ts';
import { referralParams } from '../../contracts/referrals.ts';
import { findOpenHandoffs, findRecentHandoffs } from '../../db/repositories/handoffs.ts';
import { CARE_TEAM } from '../../domain/access/roles.ts';
import { presentHandoff, presentHandoffSummary } from '../presenters/handoffs.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSite } from './context.ts';

const viewerOf = (principal: { userId: string; rolesAtSite: readonly string[] }) => ({
  userId: principal.userId,
  careTeam: principal.rolesAtSite.some((role) => (CARE_TEAM as readonly string[]).includes(role)),
});

export const handoffRoutes = [
  defineRoute({
    id: 'handoffs.request',
    method: 'POST',
    url: '/api/v1/sites/:siteId/referrals/:referralId/handoffs',
    summary: 'Ask the on-call responder for a warm hand-off on an accepted referral (in person or by phone)',
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:request' },
    params: referralParams,
    body: handoffRequest,
    response: handoffSummary,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit, live, afterCommit }) {
      const principal = principalOf(session, site);
      const requested = await requestHandoff(
        tx,
        { siteId: requireSite(site).id, principal, now: deps.clock(), appUrl: deps.config.publicUrl },
        params.referralId,
        body.mode,
      );
      await audit({
        action: 'handoff.requested',
        resourceType: 'handoff',
        resourceId: requested.handoff.id,
        outcome: 'success',
      });
      afterCommit(() => live.publish(requested.live));
      const current = await viewHandoff(
        tx,
        { siteId: requireSite(site).id, principal },
        requested.handoff.id,
      );
      return presentHandoffSummary(current.handoff, viewerOf(principal));
    },
  }),
  defineRoute({
    id: 'handoffs.answer',
    method: 'POST',
    url: '/api/v1/sites/:siteId/handoffs/:handoffId/events',
    summary:
      'Answer a hand-off: acknowledge with an estimated arrival, en route, arrived, by phone, or unable',
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:respond' },
    params: handoffParams,
    body: handoffEventRequest,
    response: handoffSummary,
    async handler({ tx, site, session, params, body, deps, audit, live, afterCommit }) {
      const principal = principalOf(session, site);
      const answered = await answerHandoff(
        tx,
        { siteId: requireSite(site).id, principal, now: deps.clock() },
        params.handoffId,
        body,
      );
      await audit({
        action: `handoff.${body.type}`,
        resourceType: 'handoff',
        resourceId: params.handoffId,
        outcome: 'success',
      });
      afterCommit(() => live.publish(answered.live));
      return presentHandoffSummary(answered.handoff, viewerOf(principal));
    },
  }),
  defineRoute({
    id: 'handoffs.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/handoffs/:handoffId',
    summary:
      "A hand-off's live status with each step's time (the officer who asked for it, or the care team)",
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:view' },
    params: handoffParams,
    response: handoff,
    async handler({ tx, site, session, params }) {
      const principal = principalOf(session, site);
      const view = await viewHandoff(tx, { siteId: requireSite(site).id, principal }, params.handoffId);
      return presentHandoff(view.handoff, view.events, viewerOf(principal));
    },
  }),
  defineRoute({
    id: 'handoffs.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/handoffs',
    summary: "The care team's queue: open hand-offs, oldest first (state=all: the latest of every state)",
    tags: ['handoffs'],
    access: { kind: 'site', action: 'handoffs:queue' },
    params: siteParams,
    query: handoffsQuery,
    response: handoffsResponse,
    async handler({ tx, site, session, query }) {
      const principal = principalOf(session, site);
      const siteId = requireSite(site).id;
      const found =
        query.state === 'open'
          ? await findOpenHandoffs(tx, siteId, query.limit)
          : await findRecentHandoffs(tx, siteId, query.limit);
      return { handoffs: found.map((entry) => presentHandoffSummary(entry, viewerOf(principal))) };
    },
  }),
];

import { recordProsecutorDecision } from '../../app/intake-deadlines/record-prosecutor-decision.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  arrestDiversionDeadline,
  arrestDiversionDeadlinesQuery,
  arrestDiversionDeadlinesResponse,
  prosecutorDecisionRequest,
} from '../../contracts/intake-deadlines.ts';
import { referralParams } from '../../contracts/referrals.ts';
import { findArrestDiversionDeadlines } from '../../db/repositories/intake-deadlines.ts';
import { presentArrestDiversionDeadline } from '../presenters/intake-deadlines.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

export const intakeDeadlineRoutes = [
  defineRoute({
    id: 'prosecutor.arrest_diversions.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/prosecutor/arrest-diversions',
    summary: "The site's arrest diversions with their intake deadline, soonest first (the prosecutor's view)",
    tags: ['intake-deadlines'],
    access: { kind: 'site', action: 'prosecutor:deadlines' },
    params: siteParams,
    query: arrestDiversionDeadlinesQuery,
    response: arrestDiversionDeadlinesResponse,
    async handler({ tx, site, query, audit }) {
      const deadlines = await findArrestDiversionDeadlines(tx, requireSite(site).id, query.limit);
      await audit({
        action: 'prosecutor.arrest_diversions.list',
        resourceType: 'referral',
        resourceId: null,
        outcome: 'success',
      });
      return { arrestDiversions: deadlines.map(presentArrestDiversionDeadline) };
    },
  }),
  defineRoute({
    id: 'prosecutor.arrest_diversions.decide',
    method: 'POST',
    url: '/api/v1/sites/:siteId/prosecutor/arrest-diversions/:referralId/decision',
    summary:
      'Record the decision (declined to file, filed) on an arrest diversion whose intake deadline passed',
    tags: ['intake-deadlines'],
    access: { kind: 'site', action: 'prosecutor:deadlines' },
    params: referralParams,
    body: prosecutorDecisionRequest,
    response: arrestDiversionDeadline,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const decided = await recordProsecutorDecision(
        tx,
        { siteId: requireSite(site).id, userId: requireSession(session).user.id, now: deps.clock() },
        params.referralId,
        body.decision,
      );
      await audit({
        action: `prosecutor.decision.${body.decision}`,
        resourceType: 'referral',
        resourceId: decided.id,
        outcome: 'success',
      });
      return presentArrestDiversionDeadline(decided);
    },
  }),
];

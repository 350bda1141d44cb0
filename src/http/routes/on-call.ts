import { addOnCallOverride } from '../../app/on-call/add-override.ts';
import { findCoverageGaps } from '../../app/on-call/coverage-gaps.ts';
import { removeOnCallOverride } from '../../app/on-call/remove-override.ts';
import { replaceWeeklyPattern } from '../../app/on-call/replace-pattern.ts';
import { viewOnCall } from '../../app/on-call/view-on-call.ts';
import { emptyResponse, siteParams } from '../../contracts/common.ts';
import {
  addOverrideRequest,
  gapsQuery,
  gapsResponse,
  onCallResponse,
  overrideParams,
  replacePatternRequest,
} from '../../contracts/on-call.ts';
import { presentGaps, presentOnCall } from '../presenters/on-call.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

export const onCallRoutes = [
  defineRoute({
    id: 'on_call.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/on-call',
    summary: "The site's weekly on-call pattern, the overrides to come, and who is on call now at each level",
    tags: ['on-call'],
    access: { kind: 'site', action: 'on_call:view' },
    params: siteParams,
    response: onCallResponse,
    async handler({ tx, site, deps }) {
      return presentOnCall(await viewOnCall(tx, requireSite(site).id, deps.clock()));
    },
  }),
  defineRoute({
    id: 'on_call.pattern.replace',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/on-call/pattern',
    summary: 'Replace the weekly on-call pattern (shifts in the site’s local time)',
    tags: ['on-call'],
    access: { kind: 'site', action: 'on_call:manage' },
    params: siteParams,
    body: replacePatternRequest,
    response: onCallResponse,
    async handler({ tx, site, body, deps, audit }) {
      const siteId = requireSite(site).id;
      await replaceWeeklyPattern(tx, siteId, body.shifts);
      await audit({
        action: 'on_call.pattern_replaced',
        resourceType: 'site',
        resourceId: siteId,
        outcome: 'success',
      });
      return presentOnCall(await viewOnCall(tx, siteId, deps.clock()));
    },
  }),
  defineRoute({
    id: 'on_call.overrides.add',
    method: 'POST',
    url: '/api/v1/sites/:siteId/on-call/overrides',
    summary: 'Swap who holds a level for a while, or leave it to nobody (a holiday)',
    tags: ['on-call'],
    access: { kind: 'site', action: 'on_call:manage' },
    params: siteParams,
    body: addOverrideRequest,
    response: onCallResponse,
    successStatus: 201,
    async handler({ tx, site, session, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const now = deps.clock();
      const id = await addOnCallOverride(
        tx,
        { siteId, userId: requireSession(session).user.id, now },
        { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) },
      );
      await audit({
        action: 'on_call.override_added',
        resourceType: 'on_call_override',
        resourceId: id,
        outcome: 'success',
      });
      return presentOnCall(await viewOnCall(tx, siteId, now));
    },
  }),
  defineRoute({
    id: 'on_call.overrides.remove',
    method: 'DELETE',
    url: '/api/v1/sites/:siteId/on-call/overrides/:overrideId',
    summary: 'Remove an on-call override; the weekly pattern applies again',
    tags: ['on-call'],
    access: { kind: 'site', action: 'on_call:manage' },
    params: overrideParams,
    response: emptyResponse,
    async handler({ tx, site, params, audit }) {
      await removeOnCallOverride(tx, requireSite(site).id, params.overrideId);
      await audit({
        action: 'on_call.override_removed',
        resourceType: 'on_call_override',
        resourceId: params.overrideId,
        outcome: 'success',
      });
      return { ok: true as const };
    },
  }),
  defineRoute({
    id: 'on_call.gaps',
    method: 'GET',
    url: '/api/v1/sites/:siteId/on-call/gaps',
    summary:
      'When nobody is primary, and separately when nobody is backup, in the coming days (14 unless asked)',
    tags: ['on-call'],
    access: { kind: 'site', action: 'on_call:view' },
    params: siteParams,
    query: gapsQuery,
    response: gapsResponse,
    async handler({ tx, site, query, deps }) {
      return presentGaps(await findCoverageGaps(tx, requireSite(site).id, deps.clock(), query.days));
    },
  }),
];

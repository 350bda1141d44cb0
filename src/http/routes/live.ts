import { siteParams } from '../../contracts/common.ts';
import { liveStreamResponse } from '../../contracts/handoffs.ts';
import { openLiveStream } from '../live-stream.ts';
import { defineRoute } from '../route.ts';
import { requireSession, requireSite } from './context.ts';

export const liveRoutes = [
  defineRoute({
    id: 'live.listen',
    method: 'GET',
    url: '/api/v1/sites/:siteId/live',
    summary:
      'Server-Sent Events addressed to the signed-in user at this site (handoff.offered, handoff.updated); text/event-stream',
    tags: ['live'],
    access: { kind: 'site', action: 'live:listen' },
    params: siteParams,
    response: liveStreamResponse,
    // Guarded like every route (session, second factor, site policy); once its audit row has
    // committed, the connection is handed to the stream and the route sends nothing itself.
    async handler({ site, session, reply, live, audit, afterCommit }) {
      const siteId = requireSite(site).id;
      const userId = requireSession(session).user.id;
      await audit({ action: 'live.listen', resourceType: 'site', resourceId: siteId, outcome: 'success' });
      afterCommit(() => openLiveStream(reply, live, { siteId, userId }));
      return '';
    },
  }),
];

import type { HandoffEventRecord, HandoffRecord } from '../../db/repositories/handoffs.ts';

type Viewer = { userId: string; careTeam: boolean };

const ENDED = new Set(['arrived', 'handed_off_by_phone', 'unable']);

function firstAt(events: readonly HandoffEventRecord[], matches: (event: HandoffEventRecord) => boolean) {
  return events.find(matches)?.at.toISOString() ?? null;
}

/** A hand-off's status and steps; the reason a responder was unable goes to the care team only. */
export function presentHandoff(
  handoff: HandoffRecord,
  events: readonly HandoffEventRecord[],
  viewer: Viewer,
) {
  return {
    ...presentHandoffSummary(handoff, viewer),
    acknowledgedAt: firstAt(events, (event) => event.event === 'acknowledge'),
    enRouteAt: firstAt(events, (event) => event.event === 'en_route'),
    endedAt: firstAt(events, (event) => ENDED.has(event.toState)),
    steps: events.map((event) => ({
      event: event.event,
      state: event.toState,
      level: event.level,
      at: event.at.toISOString(),
      etaMinutes: event.etaMinutes,
      ...(viewer.careTeam ? { reason: event.reason } : {}),
    })),
  };
}

/** A hand-off's status without its steps (for a queue, or the answer to a change). */
export function presentHandoffSummary(handoff: HandoffRecord, viewer: Viewer) {
  return {
    id: handoff.id,
    referralId: handoff.referralId,
    mode: handoff.mode,
    state: handoff.state,
    level: handoff.level,
    etaMinutes: handoff.etaMinutes,
    requestedAt: handoff.requestedAt.toISOString(),
    updatedAt: handoff.updatedAt.toISOString(),
    requestedByMe: handoff.requestedBy === viewer.userId,
    offeredToMe: handoff.responderUserId === viewer.userId,
  };
}

import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { accessibleParticipant } from './accessible-participant.ts';
import { participantTimeline, type TimelineCursor } from './participant-timeline.ts';

/** An older page of a participant's timeline, for the care team (the route audits the read). */
export async function viewParticipantTimeline(
  tx: Tx,
  context: { siteId: string; principal: Principal },
  participantId: string,
  page: { before: TimelineCursor | null; limit: number },
) {
  const { siteId } = context;
  const participant = await accessibleParticipant(tx, siteId, participantId);
  return { participant, ...(await participantTimeline(tx, { siteId, participant, loaded: {} }, page)) };
}

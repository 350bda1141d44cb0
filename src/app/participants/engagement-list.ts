import { findStaffOfSite } from '../../db/repositories/memberships.ts';
import { type CareParticipant, findCurrentParticipants } from '../../db/repositories/participant-care.ts';
import type { Tx } from '../../db/scope.ts';
import {
  type Engagement,
  type EngagementThresholds,
  isGoingInTheWind,
} from '../../domain/participants/engagement.ts';
import { engagementContext, engagementOfParticipant } from './care-participant.ts';

export type EngagementRow = {
  participant: CareParticipant;
  caseManagerName: string | null;
  engagement: Engagement;
};

/**
 * The people in the program (everyone, or one case manager's) with their engagement now, longest
 * without contact first; with `goingInTheWindWithinDays`, only those that close to "in the wind" or
 * past it (the case manager's home list). Engagement never changes anyone's status.
 */
export async function engagementList(
  tx: Tx,
  context: { siteId: string; now: Date },
  filter: { caseManagerId: string | null; goingInTheWindWithinDays: number | null },
): Promise<{ thresholds: EngagementThresholds; rows: EngagementRow[] }> {
  const site = await engagementContext(tx, context.siteId);
  const names = new Map(
    (await findStaffOfSite(tx, context.siteId)).map((member) => [member.userId, member.displayName]),
  );
  const participants = await findCurrentParticipants(tx, context.siteId, filter.caseManagerId ?? undefined);
  const rows = participants
    .map((participant) => ({
      participant,
      caseManagerName: participant.caseManagerId ? (names.get(participant.caseManagerId) ?? null) : null,
      engagement: engagementOfParticipant(participant, context.now, site),
    }))
    .filter(
      (row) =>
        filter.goingInTheWindWithinDays === null ||
        isGoingInTheWind(row.engagement, filter.goingInTheWindWithinDays),
    );
  return { thresholds: site.thresholds, rows };
}

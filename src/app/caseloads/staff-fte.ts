import { saveStaffFte } from '../../db/repositories/caseloads.ts';
import type { Tx } from '../../db/scope.ts';
import { requireCareTeamMembers } from './care-team.ts';

/** A program manager sets a care-team member's FTE at the site (0 < FTE <= 1). */
export async function setStaffFte(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date },
  staffUserId: string,
  fte: number,
): Promise<void> {
  await requireCareTeamMembers(tx, context.siteId, [staffUserId]);
  await saveStaffFte(tx, {
    siteId: context.siteId,
    userId: staffUserId,
    fte,
    at: context.now,
    by: context.userId,
  });
}

import { findPendingIntakes, type PendingIntakeRow } from '../../db/repositories/pending-intakes.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { daysLeft } from '../../domain/referrals/intake-reminders.ts';

export type PendingIntake = PendingIntakeRow & { daysLeft: number };

/** Accepted referrals waiting for their intake at the site, soonest deadline first, with days left. */
export async function listPendingIntakes(
  tx: Tx,
  context: { siteId: string; now: Date },
  limit: number,
): Promise<PendingIntake[]> {
  const site = await findSiteById(tx, context.siteId);
  if (!site) throw new DomainError('NOT_FOUND', 'Not found.');
  const rows = await findPendingIntakes(tx, context.siteId, limit);
  return rows.map((row) => ({ ...row, daysLeft: daysLeft(context.now, row.dueAt, site.timezone) }));
}

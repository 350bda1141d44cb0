import { findAcceptedReferralHandoffs, findHandoffTimes } from '../../db/repositories/handoff-figures.ts';
import { findHandoffSettings } from '../../db/repositories/handoff-settings.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { type HandoffFigures, handoffFigures } from '../../domain/handoffs/figures.ts';
import { instantAt } from '../../domain/on-call/local-time.ts';

/**
 * The site's hand-off figures for the local dates [from, to): hand-offs requested in that period
 * and referrals accepted in it, measured against the site's target as it stands now.
 */
export async function siteHandoffFigures(
  tx: Tx,
  context: { siteId: string; now: Date },
  period: { from: string; to: string },
): Promise<HandoffFigures & { timezone: string; targetMinutes: number }> {
  const { siteId, now } = context;
  const site = await findSiteById(tx, siteId);
  if (!site) throw new DomainError('NOT_FOUND', 'Not found.');
  const start = instantAt(Date.parse(period.from), 0, site.timezone);
  const end = instantAt(Date.parse(period.to), 0, site.timezone);
  const { targetMinutes } = await findHandoffSettings(tx, siteId);
  const figures = handoffFigures({
    handoffs: await findHandoffTimes(tx, siteId, start, end),
    acceptedReferrals: await findAcceptedReferralHandoffs(tx, siteId, start, end),
    targetMinutes,
    now,
  });
  return { ...figures, timezone: site.timezone, targetMinutes };
}

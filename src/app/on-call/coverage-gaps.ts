import type { Tx } from '../../db/scope.ts';
import { type CoverageGap, coverageGaps } from '../../domain/on-call/roster.ts';
import { loadSiteRoster } from './site-roster.ts';

/** Primary and backup gaps in the site's on-call coverage for the `days` from `now`. */
export async function findCoverageGaps(
  tx: Tx,
  siteId: string,
  now: Date,
  days: number,
): Promise<{ from: Date; to: Date; timezone: string; gaps: CoverageGap[] }> {
  const roster = await loadSiteRoster(tx, siteId, now);
  const gaps = coverageGaps(roster, roster.timezone, now, days);
  return { from: now, to: new Date(now.getTime() + days * 86_400_000), timezone: roster.timezone, gaps };
}

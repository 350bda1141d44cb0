import { findStaffOfSite } from '../../db/repositories/memberships.ts';
import {
  findOnCallOverridesEndingAfter,
  findOnCallPattern,
  type StoredOverride,
  type StoredShift,
} from '../../db/repositories/on-call.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { CARE_TEAM } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';

export type SiteRoster = {
  timezone: string;
  pattern: StoredShift[];
  /** Overrides not yet ended at the time asked about, oldest created first. */
  overrides: StoredOverride[];
};

/** The site's time zone, weekly pattern and the overrides still to come or running at `now`. */
export async function loadSiteRoster(tx: Tx, siteId: string, now: Date): Promise<SiteRoster> {
  const site = await findSiteById(tx, siteId);
  if (!site) throw new DomainError('NOT_FOUND', 'Not found.');
  return {
    timezone: site.timezone,
    pattern: await findOnCallPattern(tx, siteId),
    overrides: await findOnCallOverridesEndingAfter(tx, siteId, now),
  };
}

/** Only the site's care team (program managers included) can be put on call there. */
export async function requireCareTeam(tx: Tx, siteId: string, userIds: readonly string[]): Promise<void> {
  const careTeam = new Set(
    (await findStaffOfSite(tx, siteId))
      .filter((member) => member.roles.some((role) => CARE_TEAM.includes(role)))
      .map((member) => member.userId),
  );
  const outsider = userIds.find((userId) => !careTeam.has(userId));
  if (outsider)
    throw new DomainError(
      'NOT_ON_CARE_TEAM',
      'Only someone on this site’s care team (case manager, outreach, peer support or program manager) can be put on call.',
      { userId: outsider },
    );
}

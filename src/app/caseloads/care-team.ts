import { findStaffOfSite, type StaffRow } from '../../db/repositories/memberships.ts';
import type { Tx } from '../../db/scope.ts';
import { CARE_TEAM } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';

/** The site's care team (case managers, outreach, peer support, program managers). */
export async function findCareTeam(tx: Tx, siteId: string): Promise<StaffRow[]> {
  return (await findStaffOfSite(tx, siteId)).filter((member) =>
    member.roles.some((role) => CARE_TEAM.includes(role)),
  );
}

/** Refuses anyone who is not on the site's care team (as a case manager, or as staff at a contact). */
export async function requireCareTeamMembers(
  tx: Tx,
  siteId: string,
  userIds: readonly string[],
): Promise<void> {
  const careTeam = new Set((await findCareTeam(tx, siteId)).map((member) => member.userId));
  const outsider = userIds.find((userId) => !careTeam.has(userId));
  if (outsider)
    throw new DomainError(
      'NOT_ON_CARE_TEAM',
      'Only someone on this site’s care team (case manager, outreach, peer support or program manager) can be named here.',
      { userId: outsider },
    );
}

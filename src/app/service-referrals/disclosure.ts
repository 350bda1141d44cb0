import { findReleaseTermsOfParticipant } from '../../db/repositories/service-referrals.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { localDateOf } from '../../domain/on-call/local-time.ts';
import { disclosableCategories, type ReleaseCategory } from '../../domain/participants/release.ts';

/** Today's date (YYYY-MM-DD) in the site's time zone, for "is this release in force". */
export async function siteToday(tx: Tx, siteId: string, now: Date): Promise<string> {
  const site = await findSiteById(tx, siteId);
  return new Date(localDateOf(now, site?.timezone ?? 'UTC')).toISOString().slice(0, 10);
}

/**
 * What a partner organization may learn about a participant right now, read from the releases at
 * the moment of the request (so a revocation counts from the next request on).
 */
export async function categoriesForOrganization(
  tx: Tx,
  context: { siteId: string; now: Date },
  participantId: string,
  organizationId: string,
): Promise<ReadonlySet<ReleaseCategory>> {
  const releases = await findReleaseTermsOfParticipant(tx, context.siteId, participantId);
  return disclosableCategories(
    releases,
    { kind: 'provider_organization', organizationId },
    await siteToday(tx, context.siteId, context.now),
  );
}

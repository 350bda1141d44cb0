import { findReleasesOfReferral } from '../../db/repositories/releases.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { dateInZone } from '../../domain/participants/intake.ts';
import { disclosableCategories, type Requester } from '../../domain/participants/release.ts';

/**
 * What a recipient outside the care team (the arresting agency's officer, the district attorney's
 * office) may learn about the person a referral brought in, at this moment: the categories of the
 * releases in force that name them. Asked on every read, so a revocation counts from the next one.
 */
export async function categoriesDisclosedFor(
  tx: Tx,
  siteId: string,
  referralIds: readonly string[],
  requester: Requester,
  now: Date,
): Promise<Map<string, ReadonlySet<string>>> {
  const site = await findSiteById(tx, siteId);
  const today = dateInZone(now, site?.timezone ?? 'UTC');
  const disclosed = new Map<string, ReadonlySet<string>>();
  for (const referralId of new Set(referralIds)) {
    const releases = await findReleasesOfReferral(tx, siteId, referralId);
    disclosed.set(referralId, disclosableCategories(releases, requester, today));
  }
  return disclosed;
}

import { readFileSync } from 'node:fs';
import { saveProviderOrganization } from '../../db/repositories/provider-organizations.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { importHsds } from '../directory/hsds-import.ts';

/** Six invented Wilmington-area partners (synthetic names, addresses and 555 numbers), as HSDS 3.0. */
const DEMO_DIRECTORY = new URL('./demo-directory.hsds.json', import.meta.url);

/** The partner the demo provider account works for (Cape Fear Harbor Shelter in the file). */
const DEMO_PROVIDER_ORGANIZATION = '98907806-6351-5403-8773-2dfca2c739dc';

/**
 * Loads the demo partner directory into a site from its HSDS file (the same import as
 * `lead directory import`) and links the site's demo provider account to one partner.
 */
export async function seedDemoDirectory(
  tx: Tx,
  site: { id: string },
  provider: { userId: string; linkedBy: string } | null,
  now: Date,
): Promise<void> {
  const document: unknown = JSON.parse(readFileSync(DEMO_DIRECTORY, 'utf8'));
  await inScope(tx, { siteId: site.id, userId: null }, async (scoped) => {
    await importHsds(scoped, site.id, document, now);
    if (provider)
      await saveProviderOrganization(scoped, {
        siteId: site.id,
        userId: provider.userId,
        organizationId: DEMO_PROVIDER_ORGANIZATION,
        setBy: provider.linkedBy,
        at: now,
      });
  });
}

import { inScope, type Tx } from '../../db/scope.ts';
import { addFundingSource } from '../funds/funding-sources.ts';

/** The demo site's funding sources for discretionary spending, added by its program manager. */
export async function seedDemoFundingSources(
  tx: Tx,
  site: { id: string },
  programManagerId: string,
  now: Date,
): Promise<void> {
  await inScope(tx, { siteId: site.id, userId: programManagerId }, async (scoped) => {
    const context = { siteId: site.id, userId: programManagerId, now };
    for (const name of ['Opioid settlement funds', 'County harm-reduction grant'])
      await addFundingSource(scoped, context, name);
  });
}

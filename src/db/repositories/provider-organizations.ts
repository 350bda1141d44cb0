import type { Tx } from '../scope.ts';

/** The organization a provider user works for at a site, or undefined. */
export async function findProviderOrganization(
  tx: Tx,
  siteId: string,
  userId: string,
): Promise<{ organizationId: string; organizationName: string } | undefined> {
  return tx
    .selectFrom('provider_organizations')
    .innerJoin('directory_organizations', (join) =>
      join
        .onRef('directory_organizations.site_id', '=', 'provider_organizations.site_id')
        .onRef('directory_organizations.id', '=', 'provider_organizations.organization_id'),
    )
    .select([
      'provider_organizations.organization_id as organizationId',
      'directory_organizations.name as organizationName',
    ])
    .where('provider_organizations.site_id', '=', siteId)
    .where('provider_organizations.user_id', '=', userId)
    .executeTakeFirst();
}

export async function saveProviderOrganization(
  tx: Tx,
  link: { siteId: string; userId: string; organizationId: string; setBy: string; at: Date },
) {
  const values = { organization_id: link.organizationId, set_by: link.setBy, set_at: link.at };
  await tx
    .insertInto('provider_organizations')
    .values({ site_id: link.siteId, user_id: link.userId, ...values })
    .onConflict((conflict) => conflict.columns(['site_id', 'user_id']).doUpdateSet(values))
    .execute();
}

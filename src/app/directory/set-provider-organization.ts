import { findOrganization } from '../../db/repositories/directory.ts';
import { findStaffOfSite } from '../../db/repositories/memberships.ts';
import {
  findProviderOrganization,
  saveProviderOrganization,
} from '../../db/repositories/provider-organizations.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * A program manager or admin says which partner organization a provider user works for; that user
 * then sees only the referrals sent to it. The user must hold the provider role at the site.
 */
export async function setProviderOrganization(
  tx: Tx,
  context: { siteId: string; setBy: string; now: Date },
  userId: string,
  organizationId: string,
) {
  const [member] = await findStaffOfSite(tx, context.siteId, userId);
  if (!member) throw new DomainError('NOT_FOUND', 'Not found.');
  if (!member.roles.includes('provider'))
    throw new DomainError(
      'NOT_A_PROVIDER',
      'Only a person with the provider role can be linked to an organization.',
    );
  if (!(await findOrganization(tx, context.siteId, organizationId)))
    throw new DomainError('UNKNOWN_ORGANIZATION', 'That organization is not in the directory.');
  await saveProviderOrganization(tx, {
    siteId: context.siteId,
    userId,
    organizationId,
    setBy: context.setBy,
    at: context.now,
  });
  const link = await findProviderOrganization(tx, context.siteId, userId);
  if (!link) throw new Error('provider organization not saved');
  return { userId, ...link };
}

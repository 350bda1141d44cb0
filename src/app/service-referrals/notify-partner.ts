import { findOrganization } from '../../db/repositories/directory.ts';
import { enqueueMessage } from '../../db/repositories/outbox-messages.ts';
import { findProviderUsersOfOrganization } from '../../db/repositories/partner-attendance.ts';
import type { Tx } from '../../db/scope.ts';

/**
 * The e-mail a partner's users get when a referral is sent to their organization. It says only that
 * there is one and where to look: no name, no need, nothing about the person (the release governs
 * what they see once signed in).
 */
export function newReferralMessage(organizationName: string, appUrl: string) {
  return {
    subject: 'New referral in the LEAD app',
    body: `A new referral was sent to ${organizationName} in the LEAD app: ${appUrl}/provider/referrals`,
  };
}

/**
 * Writes that e-mail to the outbox for each provider user linked to the organization, in the
 * caller's transaction (the referral and its notices commit or roll back together).
 */
export async function notifyPartnerOfReferral(
  tx: Tx,
  notice: { siteId: string; organizationId: string; appUrl: string; at: Date },
): Promise<void> {
  const organization = await findOrganization(tx, notice.siteId, notice.organizationId);
  if (!organization) return;
  const message = newReferralMessage(organization.name, notice.appUrl);
  for (const user of await findProviderUsersOfOrganization(tx, notice.siteId, notice.organizationId))
    await enqueueMessage(tx, {
      siteId: notice.siteId,
      channel: 'email',
      recipient: user.email,
      ...message,
      purpose: 'service_referral.sent',
      at: notice.at,
    });
}

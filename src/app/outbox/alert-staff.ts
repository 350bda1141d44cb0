import { enqueueMessage } from '../../db/repositories/outbox-messages.ts';
import { findAlertAddresses } from '../../db/repositories/staff-contacts.ts';
import type { Tx } from '../../db/scope.ts';

/**
 * Writes an alert to a member of staff into the outbox, in the caller's transaction: by e-mail, and
 * by SMS too when they turned SMS alerts on at the site. The texts must name no participant.
 */
export async function alertStaff(
  tx: Tx,
  alert: {
    siteId: string;
    userId: string;
    purpose: string;
    email: { subject: string; body: string };
    sms: string;
    at: Date;
  },
): Promise<void> {
  const { siteId, purpose, at } = alert;
  const addresses = await findAlertAddresses(tx, siteId, alert.userId);
  if (!addresses) return;
  await enqueueMessage(tx, {
    siteId,
    channel: 'email',
    recipient: addresses.email,
    subject: alert.email.subject,
    body: alert.email.body,
    purpose,
    at,
  });
  if (addresses.sms)
    await enqueueMessage(tx, {
      siteId,
      channel: 'sms',
      recipient: addresses.sms,
      body: alert.sms,
      purpose,
      at,
    });
}

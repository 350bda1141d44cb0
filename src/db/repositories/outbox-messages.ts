import type { MessageChannel } from '../schema-dispatch.ts';
import type { Tx } from '../scope.ts';

export type NewMessage = {
  siteId: string;
  channel: MessageChannel;
  recipient: string;
  /** E-mail only. */
  subject?: string | null;
  body: string;
  /** What the message is for ('handoff.requested', ...), never who it is about. */
  purpose: string;
  at: Date;
};

/** A message a worker holds a lease on; `attempts` counts this attempt and identifies the claim. */
export type ClaimedMessage = {
  siteId: string;
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  attempts: number;
};

/**
 * Writes a message to the outbox. Call it in the transaction of the event that causes the message,
 * so the message exists exactly when the event does (a rolled-back event sends nothing).
 */
export async function enqueueMessage(tx: Tx, message: NewMessage): Promise<string> {
  const row = await tx
    .insertInto('outbox_messages')
    .values({
      site_id: message.siteId,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject ?? null,
      body: message.body,
      purpose: message.purpose,
      created_at: message.at,
      next_attempt_at: message.at,
      last_error: null,
      sent_at: null,
      claimed_by: null,
      claimed_until: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Leases up to `limit` messages of the transaction's site that are due: pending with their next
 * attempt due, or held by a worker whose lease ran out (it died mid-send). SKIP LOCKED lets several
 * workers claim at once without taking the same message.
 */
export function claimDueMessages(
  tx: Tx,
  claim: { siteId: string; workerId: string; now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedMessage[]> {
  const due = tx
    .selectFrom('outbox_messages')
    .select('id')
    .where('site_id', '=', claim.siteId)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', claim.now)]),
        eb.and([eb('state', '=', 'sending'), eb('claimed_until', '<=', claim.now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(claim.limit)
    .forUpdate()
    .skipLocked();
  return tx
    .updateTable('outbox_messages')
    .set((eb) => ({
      state: 'sending',
      claimed_by: claim.workerId,
      claimed_until: claim.leaseUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('site_id', '=', claim.siteId)
    .where('id', 'in', due)
    .returning(['site_id as siteId', 'id', 'channel', 'recipient', 'subject', 'body', 'attempts'])
    .execute();
}

type ClaimKey = { siteId: string; id: string; workerId: string; attempts: number };

/** Finalizes a claim as sent; false when the claim was lost (its lease expired and another took it). */
export async function markMessageSent(tx: Tx, claim: ClaimKey & { at: Date }): Promise<boolean> {
  const result = await tx
    .updateTable('outbox_messages')
    .set({ state: 'sent', sent_at: claim.at, claimed_by: null, claimed_until: null, last_error: null })
    .where('site_id', '=', claim.siteId)
    .where('id', '=', claim.id)
    .where('state', '=', 'sending')
    .where('claimed_by', '=', claim.workerId)
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Finalizes a failed attempt: pending again from `retryAt`, or failed for good when it is null. */
export async function recordFailedAttempt(
  tx: Tx,
  claim: ClaimKey & { error: string; retryAt: Date | null },
): Promise<boolean> {
  const result = await tx
    .updateTable('outbox_messages')
    .set((eb) => ({
      state: claim.retryAt ? 'pending' : 'failed',
      next_attempt_at: claim.retryAt ?? eb.ref('next_attempt_at'),
      last_error: claim.error,
      claimed_by: null,
      claimed_until: null,
    }))
    .where('site_id', '=', claim.siteId)
    .where('id', '=', claim.id)
    .where('state', '=', 'sending')
    .where('claimed_by', '=', claim.workerId)
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type ClaimedMessage,
  claimDueMessages,
  markMessageSent,
  recordFailedAttempt,
} from '../../db/repositories/outbox-messages.ts';
import { listSiteIds } from '../../db/repositories/sites.ts';
import { inScope } from '../../db/scope.ts';
import { describeFailure, retryDelayMilliseconds } from '../../domain/outbox/retry.ts';
import type { AppDeps } from '../deps.ts';
import type { Transports } from './transports/transport.ts';

/** How long a claim lasts; longer than any transport's timeouts, so only a dead worker's expires. */
export const LEASE_MILLISECONDS = 5 * 60_000;
const BATCH_SIZE = 20;

export type OutboxRun = { sent: number; retried: number; failed: number };

/** A name for one worker instance, stored on its claims (host, process, a random part). */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Sends the messages that are due, site by site (each site's rows only inside its own scope, so
 * row-level security holds for the worker too), and records each outcome.
 *
 * Delivery is at least once, and duplicates are kept to one narrow window:
 * 1. claim (commit): the message is 'sending' under this worker's lease, attempts + 1;
 * 2. send through the transport, outside any transaction;
 * 3. finalize (commit): 'sent', or 'pending' with a back-off, or 'failed' after the last attempt,
 *    only if the claim is still ours.
 * A message committed as sent is never claimed again, so restarts and further workers do not repeat
 * it. If the process dies between 2 and 3, the lease expires and the message is sent again: e-mail
 * carries the same Message-ID each time (receiving systems can deduplicate on it) and SMS the same
 * Idempotency-Key header; a gateway that ignores it will deliver that one message twice.
 */
export async function runOutboxOnce(
  deps: AppDeps,
  transports: Transports,
  options: { workerId?: string } = {},
): Promise<OutboxRun> {
  const workerId = options.workerId ?? newWorkerId();
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  for (const siteId of await listSiteIds(deps.db)) {
    const now = deps.clock();
    const claimed = await inScope(deps.db, { siteId, userId: null }, (tx) =>
      claimDueMessages(tx, {
        siteId,
        workerId,
        now,
        leaseUntil: new Date(now.getTime() + LEASE_MILLISECONDS),
        limit: BATCH_SIZE,
      }),
    );
    for (const message of claimed) run[await deliver(deps, transports, workerId, message)] += 1;
  }
  return run;
}

async function deliver(
  deps: AppDeps,
  transports: Transports,
  workerId: string,
  message: ClaimedMessage,
): Promise<keyof OutboxRun> {
  const claim = { siteId: message.siteId, id: message.id, workerId, attempts: message.attempts };
  try {
    await transports[message.channel].send(message);
  } catch (error) {
    const lastAttempt = message.attempts >= deps.config.outboxMaxAttempts;
    const retryAt = lastAttempt
      ? null
      : new Date(deps.clock().getTime() + retryDelayMilliseconds(message.attempts));
    const hidden = [message.body, message.recipient, ...(message.subject ? [message.subject] : [])];
    await inScope(deps.db, { siteId: message.siteId, userId: null }, (tx) =>
      recordFailedAttempt(tx, { ...claim, error: describeFailure(error, hidden), retryAt }),
    );
    return lastAttempt ? 'failed' : 'retried';
  }
  // False only when our lease ran out mid-send and another worker took the message over.
  await inScope(deps.db, { siteId: message.siteId, userId: null }, (tx) =>
    markMessageSent(tx, { ...claim, at: deps.clock() }),
  );
  return 'sent';
}

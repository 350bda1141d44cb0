import type { Db } from '../database.ts';
import type { Tx } from '../scope.ts';

export type IdempotencyRecord = {
  requestHash: string;
  state: 'running' | 'done';
  responseStatus: number | null;
  responseBody: unknown;
  createdAt: Date;
};

export function findIdempotencyKey(
  db: Db | Tx,
  userId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select([
      'request_hash as requestHash',
      'state',
      'response_status as responseStatus',
      'response_body as responseBody',
      'created_at as createdAt',
    ])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Claims a key for a request about to run; answers false if someone already holds it. */
export async function claimIdempotencyKey(
  db: Db | Tx,
  claim: { userId: string; key: string; requestHash: string; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values({
      user_id: claim.userId,
      key: claim.key,
      request_hash: claim.requestHash,
      state: 'running',
      response_status: null,
      response_body: null,
      created_at: claim.at,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes over a claim whose request died before finishing (its process was killed). */
export async function reclaimAbandonedKey(
  db: Db | Tx,
  claim: { userId: string; key: string; requestHash: string; at: Date; abandonedBefore: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_keys')
    .set({ request_hash: claim.requestHash, created_at: claim.at })
    .where('user_id', '=', claim.userId)
    .where('key', '=', claim.key)
    .where('state', '=', 'running')
    .where('created_at', '<', claim.abandonedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores the response with the write it belongs to (same transaction). */
export async function completeIdempotencyKey(
  tx: Tx,
  done: { userId: string; key: string; status: number; body: unknown },
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: done.status, response_body: JSON.stringify(done.body ?? null) })
    .where('user_id', '=', done.userId)
    .where('key', '=', done.key)
    .execute();
}

export async function releaseIdempotencyKey(db: Db | Tx, userId: string, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('state', '=', 'running')
    .execute();
}

import { sql } from 'kysely';
import type { AuditEntry } from '../../domain/audit/audit-entry.ts';
import type { Db } from '../database.ts';
import type { AuditLogTable } from '../schema.ts';
import type { Tx } from '../scope.ts';

/**
 * Takes the audit chain's lock (held until the transaction ends, so each row links to the one
 * committed before it) and reads the chain's head, in one round trip (migration 0013).
 */
export async function lockAuditChainHead(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await sql<{ seq: string | number | null; hash: string | null }>`
    select seq, hash from audit_chain_head()`.execute(tx);
  const head = rows[0];
  return head?.seq != null && head.hash != null ? { seq: Number(head.seq), hash: head.hash } : undefined;
}

export type AuditRow = { seq: number; entry: AuditEntry; previousHash: string; hash: string };

/** Appends rows (already chained) in one statement. */
export async function insertAuditRows(tx: Tx, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('audit_log')
    .values(
      rows.map(({ seq, entry, previousHash, hash }) => ({
        seq,
        occurred_at: entry.occurredAt,
        user_id: entry.userId,
        role: entry.role,
        site_id: entry.siteId,
        action: entry.action,
        resource_type: entry.resourceType,
        resource_id: entry.resourceId,
        outcome: entry.outcome,
        request_id: entry.requestId,
        previous_hash: previousHash,
        hash,
      })),
    )
    .execute();
}

export type StoredAuditRow = AuditLogTable;

/** Rows in chain order, a page at a time, for verification. */
export function findAuditRowsAfter(db: Db | Tx, afterSeq: number, limit: number): Promise<StoredAuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The newest rows about one site. */
/**
 * The newest rows about one site: those recorded at the site, and the sign-in and second-factor
 * events (which belong to no site) of the people who hold a role there.
 */
export function findSiteAuditRows(tx: Tx, siteId: string, beforeSeq: number | undefined, limit: number) {
  let query = tx
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('site_id', '=', siteId),
        eb.and([
          eb('site_id', 'is', null),
          eb(
            'user_id',
            'in',
            eb.selectFrom('memberships').select('user_id').where('memberships.site_id', '=', siteId),
          ),
        ]),
      ]),
    )
    .orderBy('seq', 'desc')
    .limit(limit);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.execute();
}

export function countAuditRows(
  db: Db | Tx,
  filter: { userId?: string; action?: string; outcome?: string } = {},
) {
  let query = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('count'));
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome as 'success');
  return query.executeTakeFirstOrThrow().then((row) => Number(row.count));
}

import { sql } from 'kysely';
import type { AuditEntry } from '../../domain/audit/audit-entry.ts';
import type { Db } from '../database.ts';
import type { AuditLogTable } from '../schema.ts';
import type { Tx } from '../scope.ts';

const AUDIT_APPEND_LOCK = 7_263_001;

/** Serializes appends until the transaction ends, so each row links to the one committed before it. */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(tx);
}

export async function findLastAuditLink(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
  const row = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

export async function insertAuditRow(
  tx: Tx,
  row: { seq: number; entry: AuditEntry; previousHash: string; hash: string },
): Promise<void> {
  const { entry } = row;
  await tx
    .insertInto('audit_log')
    .values({
      seq: row.seq,
      occurred_at: entry.occurredAt,
      user_id: entry.userId,
      role: entry.role,
      site_id: entry.siteId,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      outcome: entry.outcome,
      request_id: entry.requestId,
      previous_hash: row.previousHash,
      hash: row.hash,
    })
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

import type { Db } from '../../db/database.ts';
import { findAuditRowsAfter } from '../../db/repositories/audit-log.ts';
import { GENESIS_HASH } from '../../domain/audit/audit-entry.ts';
import { auditHash } from './record-audit.ts';

export type ChainVerdict =
  | { intact: true; rows: number }
  | { intact: false; rows: number; firstBadSeq: number; reason: string };

const PAGE = 2000;

/** Recomputes every hash in order; names the first row whose link or contents do not match. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await findAuditRowsAfter(db, expectedSeq - 1, PAGE);
    if (rows.length === 0) return { intact: true, rows: checked };
    for (const row of rows) {
      const seq = Number(row.seq);
      const bad = (reason: string): ChainVerdict => ({
        intact: false,
        rows: checked,
        firstBadSeq: seq,
        reason,
      });
      if (seq !== expectedSeq)
        return { intact: false, rows: checked, firstBadSeq: expectedSeq, reason: 'row is missing' };
      if (row.previous_hash !== previousHash) return bad('does not link to the row before it');
      const entry = {
        occurredAt: row.occurred_at,
        userId: row.user_id,
        role: row.role,
        siteId: row.site_id,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        outcome: row.outcome,
        requestId: row.request_id,
      };
      if (auditHash(seq, entry, previousHash) !== row.hash) return bad('contents do not match its hash');
      previousHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}

import { createHash } from 'node:crypto';
import { type AuditRow, insertAuditRows, lockAuditChainHead } from '../../db/repositories/audit-log.ts';
import type { Tx } from '../../db/scope.ts';
import { type AuditEntry, auditHashInput, GENESIS_HASH } from '../../domain/audit/audit-entry.ts';

export function auditHash(seq: number, entry: AuditEntry, previousHash: string): string {
  return createHash('sha256')
    .update(auditHashInput(seq, entry, previousHash))
    .digest('hex');
}

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction, so the record of
 * an access commits or rolls back with the access itself. Two round trips however many entries: the
 * chain's lock with its head, then one insert.
 */
export async function recordAudits(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await lockAuditChainHead(tx);
  let seq = head?.seq ?? 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
  const rows: AuditRow[] = entries.map((entry) => {
    seq += 1;
    const hash = auditHash(seq, entry, previousHash);
    const row = { seq, entry, previousHash, hash };
    previousHash = hash;
    return row;
  });
  await insertAuditRows(tx, rows);
}

/** Appends one entry (see recordAudits). */
export function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  return recordAudits(tx, [entry]);
}

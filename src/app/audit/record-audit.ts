import { createHash } from 'node:crypto';
import { findLastAuditLink, insertAuditRow, lockAuditChain } from '../../db/repositories/audit-log.ts';
import type { Tx } from '../../db/scope.ts';
import { type AuditEntry, auditHashInput, GENESIS_HASH } from '../../domain/audit/audit-entry.ts';

export function auditHash(seq: number, entry: AuditEntry, previousHash: string): string {
  return createHash('sha256')
    .update(auditHashInput(seq, entry, previousHash))
    .digest('hex');
}

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction, so the record
 * of an access commits or rolls back with the access itself.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await lockAuditChain(tx);
  const last = await findLastAuditLink(tx);
  const seq = (last?.seq ?? 0) + 1;
  const previousHash = last?.hash ?? GENESIS_HASH;
  await insertAuditRow(tx, { seq, entry, previousHash, hash: auditHash(seq, entry, previousHash) });
}

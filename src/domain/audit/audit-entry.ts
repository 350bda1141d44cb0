/**
 * One row of the audit log: who did what to which resource, and how it ended. It never holds
 * names, dates of birth or notes: resource ids only.
 */
export type AuditEntry = {
  occurredAt: Date;
  userId: string | null;
  role: string | null;
  siteId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  requestId: string | null;
};

/** The hash of the first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact text hashed for a row: its sequence number, its fields in a fixed order, and the
 * previous row's hash. Changing any of them changes the hash, and so every later hash.
 */
export function auditHashInput(seq: number, entry: AuditEntry, previousHash: string): string {
  return JSON.stringify([
    seq,
    entry.occurredAt.toISOString(),
    entry.userId,
    entry.role,
    entry.siteId,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.outcome,
    entry.requestId,
    previousHash,
  ]);
}

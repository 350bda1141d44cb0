import { type FundEntryRecord, findFundEntry, insertFundEntry } from '../../db/repositories/funds.ts';
import { findParticipantStanding } from '../../db/repositories/participant-status-events.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertReversible } from '../../domain/funds/fund-ledger.ts';
import type { FundsContext } from './record-fund-entry.ts';

/**
 * Corrects an entry by a reversing entry of the same amount, category and source, dated `date`
 * (the original is never changed). An entry is reversed at most once (the database holds to it
 * when two corrections race).
 */
export async function reverseFundEntry(
  tx: Tx,
  context: FundsContext,
  key: { participantId: string; entryId: string },
  reversal: { date: string; note: string | null },
): Promise<FundEntryRecord> {
  const { siteId, userId, now } = context;
  // Corrections of one participant's ledger take turns.
  if (!(await findParticipantStanding(tx, siteId, key.participantId, { lock: true })))
    throw new DomainError('NOT_FOUND', 'Not found.');
  const original = await findFundEntry(tx, { siteId, ...key });
  if (!original) throw new DomainError('NOT_FOUND', 'Not found.');
  assertReversible(original);
  const id = await insertFundEntry(tx, {
    siteId,
    participantId: key.participantId,
    kind: 'reversal',
    reversesId: original.id,
    entryDate: reversal.date,
    amountCents: original.amountCents,
    category: original.category,
    fundingSourceId: original.fundingSourceId,
    note: reversal.note,
    recordedBy: userId,
    at: now,
  });
  const recorded = await findFundEntry(tx, { siteId, participantId: key.participantId, entryId: id });
  if (!recorded) throw new Error('a recorded fund entry vanished');
  return recorded;
}

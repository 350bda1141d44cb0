import {
  type FundEntryRecord,
  findFundEntry,
  findFundingSource,
  insertFundEntry,
} from '../../db/repositories/funds.ts';
import { findParticipantStanding } from '../../db/repositories/participant-status-events.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FundCategory } from '../../domain/funds/fund-ledger.ts';

export type FundsContext = { siteId: string; userId: string; now: Date };

/**
 * Records money spent for a participant from one of the site's active funding sources (a person who
 * has exited keeps their ledger, and may still have something paid, a deposit refund say).
 */
export async function recordFundEntry(
  tx: Tx,
  context: FundsContext,
  participantId: string,
  entry: {
    date: string;
    amountCents: number;
    category: FundCategory;
    fundingSourceId: string;
    note: string | null;
  },
): Promise<FundEntryRecord> {
  const { siteId, userId, now } = context;
  if (!(await findParticipantStanding(tx, siteId, participantId)))
    throw new DomainError('NOT_FOUND', 'Not found.');
  const source = await findFundingSource(tx, siteId, entry.fundingSourceId);
  if (!source?.active)
    throw new DomainError('VALIDATION_FAILED', 'Choose one of the site’s funding sources.', {
      field: 'fundingSourceId',
    });
  const id = await insertFundEntry(tx, {
    siteId,
    participantId,
    kind: 'spend',
    reversesId: null,
    entryDate: entry.date,
    amountCents: entry.amountCents,
    category: entry.category,
    fundingSourceId: source.id,
    note: entry.note,
    recordedBy: userId,
    at: now,
  });
  const recorded = await findFundEntry(tx, { siteId, participantId, entryId: id });
  if (!recorded) throw new Error('a recorded fund entry vanished');
  return recorded;
}

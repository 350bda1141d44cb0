import type { FundEntryRecord, FundingSourceRecord, FundTotalRow } from '../../db/repositories/funds.ts';
import { summarizeTotals } from '../../domain/funds/fund-ledger.ts';

export function presentFundEntry(entry: FundEntryRecord) {
  return {
    id: entry.id,
    kind: entry.kind,
    reversesId: entry.reversesId,
    reversedBy: entry.reversedBy,
    date: entry.entryDate,
    amountCents: entry.amountCents,
    category: entry.category,
    fundingSourceId: entry.fundingSourceId,
    fundingSourceName: entry.fundingSourceName,
    note: entry.note,
    recordedBy: entry.recordedBy,
    recordedAt: entry.recordedAt.toISOString(),
  };
}

export function presentFundTotals(period: { from: string; to: string }, rows: readonly FundTotalRow[]) {
  return { from: period.from, to: period.to, rows: [...rows], ...summarizeTotals(rows) };
}

export function presentFundingSource(source: FundingSourceRecord) {
  return {
    id: source.id,
    name: source.name,
    active: source.active,
    createdAt: source.createdAt.toISOString(),
  };
}

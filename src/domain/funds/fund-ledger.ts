import { DomainError } from '../errors.ts';

/**
 * The discretionary funds ledger (PRODUCT.md step 6): money spent for a participant, by category,
 * against one of the site's funding sources (opioid settlement funds, a grant). Entries are never
 * changed or removed; a correction is a reversing entry of the same amount, category and source.
 */
export const FUND_CATEGORIES = [
  'phone_service',
  'transport',
  'housing_deposit',
  'id_fees',
  'food',
  'other',
] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];

export type FundEntryKind = 'spend' | 'reversal';

/** One entry in cents, at most $100,000 (a typo guard). */
export const MOST_AMOUNT_CENTS = 10_000_000;

/** What an entry adds to a total: a spend adds its amount, a reversal takes it away. */
export function signedCents(entry: { kind: FundEntryKind; amountCents: number }): number {
  return entry.kind === 'spend' ? entry.amountCents : -entry.amountCents;
}

/** Whether `entry` may be reversed: a spend not reversed yet (a reversal is not itself reversed). */
export function assertReversible(entry: { kind: FundEntryKind; reversedBy: string | null }): void {
  if (entry.kind === 'reversal')
    throw new DomainError('INVALID_TRANSITION', 'A reversal cannot itself be reversed; record a new entry.');
  if (entry.reversedBy !== null)
    throw new DomainError('INVALID_TRANSITION', 'This entry is already reversed.');
}

/** A period is from one date to another, both included; `from` must not come after `to`. */
export function assertPeriod(period: { from: string; to: string }): void {
  if (period.from > period.to)
    throw new DomainError('VALIDATION_FAILED', 'The period must start on or before its end.', {
      field: 'from',
    });
}

export type FundTotalLine = {
  fundingSourceId: string;
  fundingSourceName: string;
  category: FundCategory;
  totalCents: number;
  entries: number;
};

/** Net totals by source and category rolled up by source, by category, and overall. */
export function summarizeTotals(rows: readonly FundTotalLine[]) {
  const bySource = new Map<
    string,
    { fundingSourceId: string; fundingSourceName: string; totalCents: number }
  >();
  const byCategory = new Map<FundCategory, number>();
  let totalCents = 0;
  for (const row of rows) {
    const source = bySource.get(row.fundingSourceId) ?? {
      fundingSourceId: row.fundingSourceId,
      fundingSourceName: row.fundingSourceName,
      totalCents: 0,
    };
    source.totalCents += row.totalCents;
    bySource.set(row.fundingSourceId, source);
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.totalCents);
    totalCents += row.totalCents;
  }
  return {
    bySource: [...bySource.values()],
    byCategory: FUND_CATEGORIES.filter((category) => byCategory.has(category)).map((category) => ({
      category,
      totalCents: byCategory.get(category) ?? 0,
    })),
    totalCents,
  };
}

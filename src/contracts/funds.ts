import { z } from 'zod';
import { FUND_CATEGORIES, MOST_AMOUNT_CENTS } from '../domain/funds/fund-ledger.ts';

export const fundCategory = z.enum(FUND_CATEGORIES);

export const fundEntryParams = z.strictObject({
  siteId: z.uuid(),
  participantId: z.uuid(),
  entryId: z.uuid(),
});
export const fundingSourceParams = z.strictObject({ siteId: z.uuid(), fundingSourceId: z.uuid() });

const date = z.iso.date();
const note = z.string().trim().min(1).max(500).nullable().optional();

/** Money spent for a participant: the date, the amount in cents (> 0), the category and the source. */
export const fundEntryRequest = z.strictObject({
  date,
  amountCents: z.number().int().min(1).max(MOST_AMOUNT_CENTS),
  category: fundCategory,
  fundingSourceId: z.uuid(),
  note,
});

/** A correction: a reversing entry, dated `date`. */
export const fundReversalRequest = z.strictObject({ date, note });

/** A period of dates, both included. */
export const fundPeriodQuery = z.strictObject({ from: date, to: date });

export const fundEntry = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(['spend', 'reversal']),
    reversesId: z.uuid().nullable(),
    reversedBy: z.uuid().nullable(),
    date: z.string(),
    amountCents: z.number().int(),
    category: fundCategory,
    fundingSourceId: z.uuid(),
    fundingSourceName: z.string(),
    note: z.string().nullable(),
    recordedBy: z.uuid(),
    recordedAt: z.string(),
  })
  .meta({ id: 'FundEntry' });

export const fundTotal = z.strictObject({
  fundingSourceId: z.uuid(),
  fundingSourceName: z.string(),
  category: fundCategory,
  totalCents: z.number().int(),
  entries: z.number().int(),
});

/** Net totals for a period: by source and category, by source, and overall. */
export const fundTotals = z
  .strictObject({
    from: z.string(),
    to: z.string(),
    rows: z.array(fundTotal),
    bySource: z.array(
      z.strictObject({
        fundingSourceId: z.uuid(),
        fundingSourceName: z.string(),
        totalCents: z.number().int(),
      }),
    ),
    byCategory: z.array(z.strictObject({ category: fundCategory, totalCents: z.number().int() })),
    totalCents: z.number().int(),
  })
  .meta({ id: 'FundTotals' });

/** A participant's ledger (every entry, newest first), with totals for the period asked (or all time). */
export const participantFundsResponse = z.strictObject({ entries: z.array(fundEntry), totals: fundTotals });

export const participantFundsQuery = z.strictObject({ from: date.optional(), to: date.optional() });

export const fundingSource = z
  .strictObject({ id: z.uuid(), name: z.string(), active: z.boolean(), createdAt: z.string() })
  .meta({ id: 'FundingSource' });
export const fundingSourcesResponse = z.strictObject({ fundingSources: z.array(fundingSource) });
export const fundingSourceRequest = z.strictObject({ name: z.string().trim().min(1).max(120) });
export const fundingSourceChangeRequest = z.strictObject({ active: z.boolean() });

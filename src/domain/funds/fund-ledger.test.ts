import { describe, expect, it } from 'vitest';
import { assertPeriod, assertReversible, signedCents, summarizeTotals } from './fund-ledger.ts';

describe('the funds ledger', () => {
  it('a reversal takes its amount away', () => {
    expect(signedCents({ kind: 'spend', amountCents: 500 })).toBe(500);
    expect(signedCents({ kind: 'reversal', amountCents: 500 })).toBe(-500);
  });

  it('reverses a spend once, never a reversal', () => {
    expect(() => assertReversible({ kind: 'spend', reversedBy: null })).not.toThrow();
    expect(() => assertReversible({ kind: 'spend', reversedBy: 'x' })).toThrow(/already/);
    expect(() => assertReversible({ kind: 'reversal', reversedBy: null })).toThrow(/cannot itself/);
  });

  it('a period may be one day, not backwards', () => {
    expect(() => assertPeriod({ from: '2026-04-01', to: '2026-04-01' })).not.toThrow();
    expect(() => assertPeriod({ from: '2026-04-02', to: '2026-04-01' })).toThrow();
  });

  it('rolls totals up by source, by category (in their order) and overall', () => {
    const summary = summarizeTotals([
      { fundingSourceId: 'a', fundingSourceName: 'A', category: 'food', totalCents: 100, entries: 1 },
      { fundingSourceId: 'a', fundingSourceName: 'A', category: 'phone_service', totalCents: 50, entries: 1 },
      { fundingSourceId: 'b', fundingSourceName: 'B', category: 'food', totalCents: -20, entries: 2 },
    ]);
    expect(summary).toEqual({
      bySource: [
        { fundingSourceId: 'a', fundingSourceName: 'A', totalCents: 150 },
        { fundingSourceId: 'b', fundingSourceName: 'B', totalCents: -20 },
      ],
      byCategory: [
        { category: 'phone_service', totalCents: 50 },
        { category: 'food', totalCents: 80 },
      ],
      totalCents: 130,
    });
  });
});

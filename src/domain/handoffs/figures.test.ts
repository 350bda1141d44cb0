import { describe, expect, it } from 'vitest';
import { type HandoffTimes, handoffFigures, missedTarget, percentile, share } from './figures.ts';

const REQUESTED = new Date('2026-05-01T14:00:00Z');
const minutesIn = (minutes: number) => new Date(REQUESTED.getTime() + minutes * 60_000);
const handoff = (overrides: Partial<HandoffTimes> = {}): HandoffTimes => ({
  requestedAt: REQUESTED,
  state: 'requested',
  acknowledgedAt: null,
  arrivedAt: null,
  byPhoneAt: null,
  reachedUnanswered: false,
  ...overrides,
});

describe('percentile', () => {
  it('interpolates between the closest ranks, as percentile_cont', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([60, 120, 180, 240, 600], 0.9)).toBeCloseTo(456, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('share', () => {
  it('rounds to four decimals and is null with nothing to divide by', () => {
    expect(share(3, 7)).toBe(0.4286);
    expect(share(0, 4)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });
});

describe('missedTarget', () => {
  it('counts arrival or phone hand-off after the target, and anything never completed once past it', () => {
    expect(missedTarget(handoff({ state: 'arrived', arrivedAt: minutesIn(30) }), 30, minutesIn(60))).toBe(
      false,
    );
    expect(missedTarget(handoff({ state: 'arrived', arrivedAt: minutesIn(30.01) }), 30, minutesIn(60))).toBe(
      true,
    );
    expect(
      missedTarget(handoff({ state: 'handed_off_by_phone', byPhoneAt: minutesIn(45) }), 30, minutesIn(60)),
    ).toBe(true);
    expect(missedTarget(handoff({ state: 'unable' }), 30, minutesIn(2))).toBe(true);
    expect(missedTarget(handoff({ state: 'unanswered' }), 30, minutesIn(10))).toBe(false);
    expect(missedTarget(handoff({ state: 'unanswered' }), 30, minutesIn(31))).toBe(true);
    expect(missedTarget(handoff({ state: 'en_route' }), 30, minutesIn(29))).toBe(false);
    expect(missedTarget(handoff({ state: 'en_route' }), 30, minutesIn(31))).toBe(true);
  });
});

describe('handoffFigures', () => {
  it('counts, times, the target and the warm hand-off share', () => {
    const figures = handoffFigures({
      handoffs: [
        handoff({ state: 'arrived', acknowledgedAt: minutesIn(2), arrivedAt: minutesIn(20) }),
        handoff({ state: 'arrived', acknowledgedAt: minutesIn(4), arrivedAt: minutesIn(40) }),
        handoff({ state: 'handed_off_by_phone', acknowledgedAt: minutesIn(1), byPhoneAt: minutesIn(10) }),
        handoff({ state: 'unanswered', reachedUnanswered: true }),
        handoff({ state: 'unable', acknowledgedAt: minutesIn(3) }),
      ],
      acceptedReferrals: [
        { warm: true, byPhone: false },
        { warm: true, byPhone: true },
        { warm: false, byPhone: true },
        { warm: false, byPhone: false },
      ],
      targetMinutes: 30,
      now: minutesIn(120),
    });
    expect(figures).toEqual({
      handoffs: {
        count: 5,
        byState: {
          requested: 0,
          acknowledged: 0,
          en_route: 0,
          arrived: 2,
          handed_off_by_phone: 1,
          unable: 1,
          unanswered: 1,
        },
        unanswered: 1,
        overTarget: 3,
        overTargetShare: 0.6,
      },
      timeToAcknowledge: { count: 4, medianSeconds: 150, p90Seconds: 222 },
      timeToArrival: { count: 2, medianSeconds: 1800, p90Seconds: 2280 },
      acceptedReferrals: {
        count: 4,
        warmHandoff: 2,
        warmHandoffShare: 0.5,
        byPhone: 1,
        byPhoneShare: 0.25,
      },
    });
  });

  it('answers nulls, not zeros, for times and shares with nothing to measure', () => {
    const figures = handoffFigures({
      handoffs: [],
      acceptedReferrals: [],
      targetMinutes: 30,
      now: REQUESTED,
    });
    expect(figures.timeToAcknowledge).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
    expect(figures.handoffs.overTargetShare).toBeNull();
    expect(figures.acceptedReferrals.warmHandoffShare).toBeNull();
  });
});

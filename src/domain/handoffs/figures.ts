import type { HandoffState } from './handoff.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export type HandoffTimes = {
  requestedAt: Date;
  state: HandoffState;
  acknowledgedAt: Date | null;
  arrivedAt: Date | null;
  byPhoneAt: Date | null;
  reachedUnanswered: boolean;
};

export type Duration = { count: number; medianSeconds: number | null; p90Seconds: number | null };

export type HandoffFigures = {
  handoffs: {
    count: number;
    byState: Record<HandoffState, number>;
    unanswered: number;
    overTarget: number;
    overTargetShare: number | null;
  };
  timeToAcknowledge: Duration;
  timeToArrival: Duration;
  acceptedReferrals: {
    count: number;
    warmHandoff: number;
    warmHandoffShare: number | null;
    byPhone: number;
    byPhoneShare: number | null;
  };
};

/**
 * The `fraction` percentile of `values` by linear interpolation between the closest ranks (as SQL's
 * percentile_cont): the median of 1, 2, 3, 4 is 2.5; the 90th percentile of 1..10 is 9.1.
 */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

function duration(milliseconds: readonly number[]): Duration {
  const seconds = milliseconds.map((value) => value / SECOND);
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    count: seconds.length,
    medianSeconds: round(percentile(seconds, 0.5)),
    p90Seconds: round(percentile(seconds, 0.9)),
  };
}

/** A share to four decimals; null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * Whether a hand-off missed the site's target: arrived (or handed off by phone) more than
 * `targetMinutes` after the request, or never: it ended unable or unanswered, or is still open at
 * `now` past the target. One still open within the target has not missed it yet.
 */
export function missedTarget(handoff: HandoffTimes, targetMinutes: number, now: Date): boolean {
  const limit = handoff.requestedAt.getTime() + targetMinutes * MINUTE;
  const completedAt = handoff.arrivedAt ?? handoff.byPhoneAt;
  if (completedAt) return completedAt.getTime() > limit;
  if (handoff.state === 'unable') return true;
  return now.getTime() > limit;
}

/**
 * The response figures of a site's hand-offs over a period (issue 4): how many, how fast they were
 * acknowledged and reached (median and 90th percentile), how many missed the target, and the share
 * of the period's accepted referrals with a warm (in person) hand-off, and by phone.
 */
export function handoffFigures(input: {
  handoffs: readonly HandoffTimes[];
  acceptedReferrals: readonly { warm: boolean; byPhone: boolean }[];
  targetMinutes: number;
  now: Date;
}): HandoffFigures {
  const { handoffs, acceptedReferrals, targetMinutes, now } = input;
  const byState: Record<HandoffState, number> = {
    requested: 0,
    acknowledged: 0,
    en_route: 0,
    arrived: 0,
    handed_off_by_phone: 0,
    unable: 0,
    unanswered: 0,
  };
  for (const handoff of handoffs) byState[handoff.state] += 1;
  const since = (handoff: HandoffTimes, at: Date | null) =>
    at === null ? [] : [at.getTime() - handoff.requestedAt.getTime()];
  const overTarget = handoffs.filter((handoff) => missedTarget(handoff, targetMinutes, now)).length;
  const warm = acceptedReferrals.filter((referral) => referral.warm).length;
  const byPhone = acceptedReferrals.filter((referral) => !referral.warm && referral.byPhone).length;
  return {
    handoffs: {
      count: handoffs.length,
      byState,
      unanswered: handoffs.filter((handoff) => handoff.reachedUnanswered).length,
      overTarget,
      overTargetShare: share(overTarget, handoffs.length),
    },
    timeToAcknowledge: duration(handoffs.flatMap((handoff) => since(handoff, handoff.acknowledgedAt))),
    timeToArrival: duration(handoffs.flatMap((handoff) => since(handoff, handoff.arrivedAt))),
    acceptedReferrals: {
      count: acceptedReferrals.length,
      warmHandoff: warm,
      warmHandoffShare: share(warm, acceptedReferrals.length),
      byPhone,
      byPhoneShare: share(byPhone, acceptedReferrals.length),
    },
  };
}

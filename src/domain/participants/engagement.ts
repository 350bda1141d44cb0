import { localDateOf } from '../on-call/local-time.ts';

/** Engagement is derived from the contact log, never typed, and never changes a participant's status. */
export const ENGAGEMENT_LEVELS = ['active', 'inactive', 'in_the_wind'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

/** Site settings: how many whole local days without contact a person may go at each level. */
export type EngagementThresholds = { inactiveDays: number; inTheWindDays: number };

/** The defaults (issue 5): inactive past 30 days, "in the wind" past 90. */
export const DEFAULT_ENGAGEMENT_THRESHOLDS: EngagementThresholds = { inactiveDays: 30, inTheWindDays: 90 };

export type Engagement = {
  level: EngagementLevel;
  /** What the days count from: the last contact, or enrolment (or the intake start) if none. */
  since: 'last_contact' | 'enrolment';
  sinceAt: Date;
  /** Whole calendar days, in the site's time zone, from `sinceAt`'s local date to today's. */
  daysSince: number;
  /** Days left before the person is "in the wind" (0 or less: already). */
  daysUntilInTheWind: number;
};

const DAY = 86_400_000;

/**
 * The engagement of a person on `now`, counted in site-local calendar days (a contact at 23:50 and
 * one at 00:10 the next local day are a day apart). Boundaries are inclusive of the threshold:
 * with the defaults, 0-30 days is active, 31-90 inactive, 91 or more in the wind.
 */
export function engagementOf(
  facts: { lastContactAt: Date | null; enrolledAt: Date | null; createdAt: Date },
  now: Date,
  timeZone: string,
  thresholds: EngagementThresholds,
): Engagement {
  const since = facts.lastContactAt ? 'last_contact' : 'enrolment';
  const sinceAt = facts.lastContactAt ?? facts.enrolledAt ?? facts.createdAt;
  const daysSince = Math.max(
    0,
    Math.round((localDateOf(now, timeZone) - localDateOf(sinceAt, timeZone)) / DAY),
  );
  const level: EngagementLevel =
    daysSince > thresholds.inTheWindDays
      ? 'in_the_wind'
      : daysSince > thresholds.inactiveDays
        ? 'inactive'
        : 'active';
  return { level, since, sinceAt, daysSince, daysUntilInTheWind: thresholds.inTheWindDays + 1 - daysSince };
}

/** Whether a person belongs on the "going in the wind" list: within `withinDays` of it, or past it. */
export function isGoingInTheWind(engagement: Engagement, withinDays: number): boolean {
  return engagement.daysUntilInTheWind <= withinDays;
}

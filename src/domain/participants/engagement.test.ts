import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGAGEMENT_THRESHOLDS, engagementOf, isGoingInTheWind } from './engagement.ts';

const ZONE = 'America/New_York';
// 23:30 on 1 May 2026 in New York (EDT, UTC-4).
const lastContactAt = new Date('2026-05-02T03:30:00Z');
const facts = {
  lastContactAt,
  enrolledAt: new Date('2026-04-01T15:00:00Z'),
  createdAt: new Date('2026-03-30T15:00:00Z'),
};

/** 00:10 New York time on the local date `days` after 1 May 2026. */
function localMorningAfter(days: number): Date {
  const date = new Date(Date.UTC(2026, 4, 1 + days, 4, 10));
  return date;
}

const at = (days: number) =>
  engagementOf(facts, localMorningAfter(days), ZONE, DEFAULT_ENGAGEMENT_THRESHOLDS);

describe('engagementOf', () => {
  it('counts site-local calendar days: 40 minutes later, on the next local day, is one day', () => {
    expect(at(1)).toMatchObject({ level: 'active', daysSince: 1, since: 'last_contact' });
  });

  it('is still active on exactly the 30th day, inactive on the 31st', () => {
    expect(at(30)).toMatchObject({ level: 'active', daysSince: 30 });
    expect(at(31)).toMatchObject({ level: 'inactive', daysSince: 31 });
  });

  it('is inactive on exactly the 90th day, in the wind on the 91st', () => {
    expect(at(90)).toMatchObject({ level: 'inactive', daysSince: 90, daysUntilInTheWind: 1 });
    expect(at(91)).toMatchObject({ level: 'in_the_wind', daysSince: 91, daysUntilInTheWind: 0 });
  });

  it('uses the local date, not 24-hour periods: 23:59 local on day 30 is still day 30', () => {
    const late = new Date(Date.UTC(2026, 4, 31, 3, 59)); // 23:59 on 30 May EDT = day 29
    expect(engagementOf(facts, late, ZONE, DEFAULT_ENGAGEMENT_THRESHOLDS).daysSince).toBe(29);
    const lateDay30 = new Date(Date.UTC(2026, 5, 1, 3, 59)); // 23:59 on 31 May EDT
    expect(engagementOf(facts, lateDay30, ZONE, DEFAULT_ENGAGEMENT_THRESHOLDS)).toMatchObject({
      level: 'active',
      daysSince: 30,
    });
  });

  it('counts from enrolment when there is no contact, and from the intake start before enrolment', () => {
    const enrolled = engagementOf(
      { ...facts, lastContactAt: null },
      new Date('2026-05-02T12:00:00Z'),
      ZONE,
      DEFAULT_ENGAGEMENT_THRESHOLDS,
    );
    expect(enrolled).toMatchObject({ since: 'enrolment', daysSince: 31, level: 'inactive' });
    const notYet = engagementOf(
      { lastContactAt: null, enrolledAt: null, createdAt: facts.createdAt },
      new Date('2026-03-31T12:00:00Z'),
      ZONE,
      DEFAULT_ENGAGEMENT_THRESHOLDS,
    );
    expect(notYet).toMatchObject({ since: 'enrolment', daysSince: 1, level: 'active' });
  });

  it('follows the site thresholds', () => {
    const strict = { inactiveDays: 7, inTheWindDays: 14 };
    expect(engagementOf(facts, localMorningAfter(7), ZONE, strict).level).toBe('active');
    expect(engagementOf(facts, localMorningAfter(8), ZONE, strict).level).toBe('inactive');
    expect(engagementOf(facts, localMorningAfter(15), ZONE, strict).level).toBe('in_the_wind');
  });

  it('puts people within N days of the threshold, or past it, on the going-in-the-wind list', () => {
    expect(isGoingInTheWind(at(76), 14)).toBe(false); // 15 days left
    expect(isGoingInTheWind(at(77), 14)).toBe(true); // 14 days left
    expect(isGoingInTheWind(at(200), 14)).toBe(true);
  });
});

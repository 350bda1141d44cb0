import { describe, expect, it } from 'vitest';
import { instantAt, localDateOf } from './local-time.ts';
import { coverageGaps, type PatternShift, type Roster, whoIsOnCall } from './roster.ts';

const NEW_YORK = 'America/New_York';
const DAY = 'day-person';
const NIGHT = 'night-person';
const BACKUP = 'backup-person';
const CRISIS = 'mobile-crisis';

/** Days 08:00–20:00 and nights 20:00–08:00 as primary, a whole-day backup, and mobile crisis. */
const weekly = (skip: (shift: PatternShift) => boolean = () => false): PatternShift[] =>
  [0, 1, 2, 3, 4, 5, 6]
    .flatMap((weekday): PatternShift[] => [
      { weekday, startsAt: '08:00', endsAt: '20:00', level: 1, userId: DAY },
      { weekday, startsAt: '20:00', endsAt: '08:00', level: 1, userId: NIGHT },
      { weekday, startsAt: '00:00', endsAt: '00:00', level: 2, userId: BACKUP },
      { weekday, startsAt: '00:00', endsAt: '00:00', level: 3, userId: CRISIS },
    ])
    .filter((shift) => !skip(shift));

const at = (iso: string) => new Date(iso);

describe('instantAt: local wall time to an instant in New York', () => {
  const day = (iso: string) => localDateOf(new Date(`${iso}T17:00:00Z`), NEW_YORK);
  it.each([
    ['a winter evening', '2026-01-15', 22 * 60, '2026-01-16T03:00:00.000Z'],
    ['a summer evening', '2026-07-15', 22 * 60, '2026-07-16T02:00:00.000Z'],
    ['02:30 skipped at spring-forward reads as 03:30 EDT', '2026-03-08', 150, '2026-03-08T07:30:00.000Z'],
    ['08:00 after spring-forward is EDT', '2026-03-08', 480, '2026-03-08T12:00:00.000Z'],
    ['01:30 twice at fall-back is the first (EDT)', '2026-11-01', 90, '2026-11-01T05:30:00.000Z'],
    ['08:00 after fall-back is EST', '2026-11-01', 480, '2026-11-01T13:00:00.000Z'],
  ])('%s', (_name, date, minutes, expected) => {
    expect(instantAt(day(date), minutes, NEW_YORK).toISOString()).toBe(expected);
  });
});

describe('whoIsOnCall', () => {
  const swap: Roster = {
    pattern: weekly(),
    overrides: [
      // Thursday 2026-01-15, 20:00–23:00 EST: the night person swaps with someone else.
      {
        startsAt: at('2026-01-16T01:00:00Z'),
        endsAt: at('2026-01-16T04:00:00Z'),
        level: 1,
        userId: 'swap-in',
      },
    ],
  };
  const holiday: Roster = {
    pattern: weekly(),
    overrides: [
      // New Year's Day 2026, all day local: no primary.
      { startsAt: at('2026-01-01T05:00:00Z'), endsAt: at('2026-01-02T05:00:00Z'), level: 1, userId: null },
    ],
  };
  it.each([
    ['a winter afternoon (14:00 EST)', { pattern: weekly(), overrides: [] }, '2026-01-15T19:00:00Z', DAY],
    [
      'a night shift after midnight (03:00 EST)',
      { pattern: weekly(), overrides: [] },
      '2026-01-15T08:00:00Z',
      NIGHT,
    ],
    [
      'the handover instant goes to the incoming shift',
      { pattern: weekly(), overrides: [] },
      '2026-01-15T13:00:00Z',
      DAY,
    ],
    // Saturday 22:00 EST to Sunday 08:00 EDT: the night shift lasts 9 real hours and ends at 08:00 local.
    ['spring-forward night, 03:30 EDT', { pattern: weekly(), overrides: [] }, '2026-03-08T07:30:00Z', NIGHT],
    ['spring-forward night, 07:59 EDT', { pattern: weekly(), overrides: [] }, '2026-03-08T11:59:00Z', NIGHT],
    ['spring-forward morning, 08:00 EDT', { pattern: weekly(), overrides: [] }, '2026-03-08T12:00:00Z', DAY],
    // Saturday 22:00 EDT to Sunday 08:00 EST: eleven real hours.
    [
      'fall-back night, the second 01:30 (EST)',
      { pattern: weekly(), overrides: [] },
      '2026-11-01T06:30:00Z',
      NIGHT,
    ],
    ['fall-back night, 07:59 EST', { pattern: weekly(), overrides: [] }, '2026-11-01T12:59:00Z', NIGHT],
    ['fall-back morning, 08:00 EST', { pattern: weekly(), overrides: [] }, '2026-11-01T13:00:00Z', DAY],
    ['a swap replaces the night person', swap, '2026-01-16T02:00:00Z', 'swap-in'],
    ['after the swap the pattern resumes', swap, '2026-01-16T04:00:00Z', NIGHT],
    ['a holiday leaves no primary', holiday, '2026-01-01T18:00:00Z', undefined],
  ])('%s', (_name, roster, instant, primary) => {
    const onCall = whoIsOnCall(roster as Roster, NEW_YORK, at(instant));
    expect(onCall.find((entry) => entry.level === 1)?.userId).toBe(primary);
    expect(onCall.filter((entry) => entry.level > 1)).toEqual([
      { level: 2, userId: BACKUP },
      { level: 3, userId: CRISIS },
    ]);
  });

  it('lists the levels in escalation order and leaves out a level nobody holds', () => {
    const roster: Roster = {
      pattern: weekly((shift) => shift.level === 2),
      overrides: [],
    };
    expect(whoIsOnCall(roster, NEW_YORK, at('2026-01-15T19:00:00Z'))).toEqual([
      { level: 1, userId: DAY },
      { level: 3, userId: CRISIS },
    ]);
  });

  it('lets the newest of two overlapping overrides at a level decide', () => {
    const roster: Roster = {
      pattern: weekly(),
      overrides: [
        { startsAt: at('2026-01-15T00:00:00Z'), endsAt: at('2026-01-16T00:00:00Z'), level: 1, userId: null },
        {
          startsAt: at('2026-01-15T18:00:00Z'),
          endsAt: at('2026-01-15T20:00:00Z'),
          level: 1,
          userId: 'cover',
        },
      ],
    };
    expect(whoIsOnCall(roster, NEW_YORK, at('2026-01-15T19:00:00Z'))[0]).toEqual({
      level: 1,
      userId: 'cover',
    });
    expect(whoIsOnCall(roster, NEW_YORK, at('2026-01-15T21:00:00Z'))[0]?.level).toBe(2);
  });
});

describe('coverageGaps', () => {
  const gapsOf = (roster: Roster, from: string, days = 14) =>
    coverageGaps(roster, NEW_YORK, at(from), days).map((gap) => ({
      level: gap.level,
      from: gap.from.toISOString(),
      to: gap.to.toISOString(),
    }));

  it.each([
    ['winter', '2026-01-10T00:00:00Z'],
    ['across spring-forward', '2026-03-01T00:00:00Z'],
    ['across fall-back', '2026-10-25T00:00:00Z'],
  ])('a pattern covering 24/7 has no gaps (%s)', (_name, from) => {
    expect(gapsOf({ pattern: weekly(), overrides: [] }, from)).toEqual([]);
  });

  it.each([
    // Wednesday nights 20:00–08:00 local; 2026-03-04 is EST, 2026-03-11 EDT (after spring-forward).
    [
      'winter and summer time',
      '2026-03-01T00:00:00Z',
      [
        ['2026-03-05T01:00:00.000Z', '2026-03-05T13:00:00.000Z'],
        ['2026-03-12T00:00:00.000Z', '2026-03-12T12:00:00.000Z'],
      ],
    ],
    [
      'summer and winter time',
      '2026-10-26T00:00:00Z',
      [
        ['2026-10-29T00:00:00.000Z', '2026-10-29T12:00:00.000Z'],
        ['2026-11-05T01:00:00.000Z', '2026-11-05T13:00:00.000Z'],
      ],
    ],
  ])('removing the Wednesday night shift creates exactly that gap, in %s', (_name, from, expected) => {
    const roster = {
      pattern: weekly((shift) => shift.weekday === 3 && shift.userId === NIGHT),
      overrides: [],
    };
    expect(gapsOf(roster, from)).toEqual(
      expected.map(([start, end]) => ({ level: 1, from: start, to: end })),
    );
  });

  it('a holiday with nobody is a primary gap; a swap is not a gap', () => {
    const roster: Roster = {
      pattern: weekly(),
      overrides: [
        { startsAt: at('2026-01-12T13:00:00Z'), endsAt: at('2026-01-13T01:00:00Z'), level: 1, userId: null },
        {
          startsAt: at('2026-01-14T13:00:00Z'),
          endsAt: at('2026-01-15T01:00:00Z'),
          level: 1,
          userId: 'swap-in',
        },
      ],
    };
    expect(gapsOf(roster, '2026-01-10T00:00:00Z')).toEqual([
      { level: 1, from: '2026-01-12T13:00:00.000Z', to: '2026-01-13T01:00:00.000Z' },
    ]);
  });

  it('reports backup gaps separately from primary gaps, and clips them to the window', () => {
    const roster: Roster = {
      pattern: weekly(),
      overrides: [
        { startsAt: at('2026-01-09T00:00:00Z'), endsAt: at('2026-01-10T06:00:00Z'), level: 2, userId: null },
      ],
    };
    expect(gapsOf(roster, '2026-01-10T00:00:00Z')).toEqual([
      { level: 2, from: '2026-01-10T00:00:00.000Z', to: '2026-01-10T06:00:00.000Z' },
    ]);
  });

  it('an empty roster is one gap per reported level over the whole window', () => {
    expect(gapsOf({ pattern: [], overrides: [] }, '2026-01-10T00:00:00Z', 2)).toEqual([
      { level: 1, from: '2026-01-10T00:00:00.000Z', to: '2026-01-12T00:00:00.000Z' },
      { level: 2, from: '2026-01-10T00:00:00.000Z', to: '2026-01-12T00:00:00.000Z' },
    ]);
  });
});

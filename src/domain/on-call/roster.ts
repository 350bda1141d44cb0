import { addDays, instantAt, localDateOf, minutesOf, weekdayOf } from './local-time.ts';

/** 1 = primary, 2 = backup, 3 = mobile crisis or the program manager: who is called, in order. */
export const ESCALATION_LEVELS = [1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * One shift of the weekly pattern, in the site's local time: it starts on `weekday` (0 = Sunday)
 * at `startsAt` ('HH:MM') and ends at `endsAt`, on the next day when `endsAt` is not later than
 * `startsAt` (22:00–08:00 is a night shift; 08:00–08:00 is a whole day).
 */
export type PatternShift = {
  weekday: number;
  startsAt: string;
  endsAt: string;
  level: EscalationLevel;
  userId: string;
};

/** A swap or a holiday: for its time and level it replaces the pattern. No user means nobody. */
export type RosterOverride = { startsAt: Date; endsAt: Date; level: EscalationLevel; userId: string | null };

/** Overlapping overrides at one level: the one listed last wins (repositories list oldest first). */
export type Roster = { pattern: readonly PatternShift[]; overrides: readonly RosterOverride[] };

export type OnCall = { level: EscalationLevel; userId: string };
export type CoverageGap = { level: EscalationLevel; from: Date; to: Date };

type Occurrence = { level: EscalationLevel; userId: string; start: number; end: number };

const DAY = 86_400_000;

/** Whether a weekly shift is well formed (weekday 0–6, times 'HH:MM'). */
export function isValidShift(shift: PatternShift): boolean {
  return (
    Number.isInteger(shift.weekday) &&
    shift.weekday >= 0 &&
    shift.weekday <= 6 &&
    minutesOf(shift.startsAt) !== undefined &&
    minutesOf(shift.endsAt) !== undefined
  );
}

/** Every occurrence of the weekly pattern that overlaps [from, to), as instants. */
function occurrences(pattern: readonly PatternShift[], timeZone: string, from: number, to: number) {
  const found: Occurrence[] = [];
  // A shift lasts at most a day (and an hour at a DST change), so start two local days early.
  const first = addDays(localDateOf(new Date(from), timeZone), -2);
  const last = localDateOf(new Date(to), timeZone);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    for (const shift of pattern) {
      if (shift.weekday !== weekday) continue;
      const startMinutes = minutesOf(shift.startsAt);
      const endMinutes = minutesOf(shift.endsAt);
      if (startMinutes === undefined || endMinutes === undefined) continue;
      const endDate = endMinutes <= startMinutes ? addDays(date, 1) : date;
      const start = instantAt(date, startMinutes, timeZone).getTime();
      const end = instantAt(endDate, endMinutes, timeZone).getTime();
      if (start < to && end > from && end > start)
        found.push({ level: shift.level, userId: shift.userId, start, end });
    }
  }
  return found;
}

/**
 * Who holds each level at `at`: an override covering `at` decides its level (nobody, for a
 * holiday); otherwise the pattern shift that began most recently (at a handover, the incoming one).
 */
function resolve(shifts: readonly Occurrence[], overrides: readonly RosterOverride[], at: number): OnCall[] {
  const onCall: OnCall[] = [];
  for (const level of ESCALATION_LEVELS) {
    const override = overrides.findLast(
      (candidate) =>
        candidate.level === level && candidate.startsAt.getTime() <= at && at < candidate.endsAt.getTime(),
    );
    if (override) {
      if (override.userId !== null) onCall.push({ level, userId: override.userId });
      continue;
    }
    let current: Occurrence | undefined;
    for (const shift of shifts) {
      if (shift.level !== level || shift.start > at || at >= shift.end) continue;
      if (!current || shift.start > current.start) current = shift;
    }
    if (current) onCall.push({ level, userId: current.userId });
  }
  return onCall;
}

/** Who is on call at `at`, in escalation order; a level nobody holds is left out. */
export function whoIsOnCall(roster: Roster, siteTimezone: string, at: Date): OnCall[] {
  const instant = at.getTime();
  return resolve(occurrences(roster.pattern, siteTimezone, instant, instant + 1), roster.overrides, instant);
}

/** The levels whose gaps are reported: primary and backup, separately. A missing level 3 (mobile
 * crisis or program manager) is the last resort and not reported as a gap. */
export const LEVELS_WITH_GAPS: readonly EscalationLevel[] = [1, 2];

/**
 * The stretches in [from, from + days) when nobody holds the primary level, and separately when
 * nobody holds the backup level, ordered by level and time. Computed by the same rule as
 * `whoIsOnCall`, evaluated between every shift and override boundary.
 */
export function coverageGaps(roster: Roster, siteTimezone: string, from: Date, days = 14): CoverageGap[] {
  const start = from.getTime();
  const end = start + days * DAY;
  const shifts = occurrences(roster.pattern, siteTimezone, start, end);
  const boundaries = new Set([start, end]);
  for (const shift of shifts) boundaries.add(shift.start).add(shift.end);
  for (const override of roster.overrides)
    boundaries.add(override.startsAt.getTime()).add(override.endsAt.getTime());
  const points = [...boundaries].filter((point) => point >= start && point <= end).sort((a, b) => a - b);

  const gaps: CoverageGap[] = [];
  for (const level of LEVELS_WITH_GAPS) {
    let open: number | undefined;
    for (const [index, point] of points.entries()) {
      const next = points[index + 1];
      if (next === undefined) break;
      const covered = resolve(shifts, roster.overrides, point).some((entry) => entry.level === level);
      if (!covered && open === undefined) open = point;
      if (covered && open !== undefined) {
        gaps.push({ level, from: new Date(open), to: new Date(point) });
        open = undefined;
      }
    }
    if (open !== undefined) gaps.push({ level, from: new Date(open), to: new Date(end) });
  }
  return gaps;
}

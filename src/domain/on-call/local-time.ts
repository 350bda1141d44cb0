/**
 * Pure conversions between instants and a site's wall-clock time, by IANA time zone, using only
 * `Intl.DateTimeFormat` (computation, no clock). A local date is kept as a UTC-midnight epoch day.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading at `instant` in `timeZone`, as if it were a UTC time (milliseconds). */
function wallClockAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The zone's offset from UTC at `instant`, in milliseconds (New York in winter: -5 h). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return wallClockAt(wholeSeconds, timeZone) - wholeSeconds;
}

/** The local date (UTC midnight of that calendar day) at `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): number {
  const wall = wallClockAt(instant.getTime(), timeZone);
  return wall - (((wall % DAY) + DAY) % DAY);
}

/** 0 = Sunday … 6 = Saturday, for a local date from `localDateOf`. */
export function weekdayOf(localDate: number): number {
  return new Date(localDate).getUTCDay();
}

export function addDays(localDate: number, days: number): number {
  return localDate + days * DAY;
}

/**
 * The instant at which the wall clock in `timeZone` reads `minutes` past midnight of `localDate`.
 * A time skipped by a spring-forward change is read with the offset before the change (02:30 on
 * the day New York springs forward is 03:30 EDT); a time that happens twice at fall-back is the
 * first of the two. (These are Temporal's "compatible" rules.)
 */
export function instantAt(localDate: number, minutes: number, timeZone: string): Date {
  const wall = localDate + minutes * MINUTE;
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - before);
}

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes past midnight of a local time written 'HH:MM' (00:00–23:59); undefined if malformed. */
export function minutesOf(localTime: string): number | undefined {
  const match = LOCAL_TIME.exec(localTime);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

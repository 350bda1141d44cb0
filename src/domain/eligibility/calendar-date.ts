/**
 * Calendar dates as 'YYYY-MM-DD' strings, with no time zone and no clock: a screening date is the
 * date where the officer stands, and ages and look-back periods are counted in whole dates.
 */
export type CalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateParts = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The parts of a real date ('2026-02-30' is not one), or undefined. */
export function parseCalendarDate(text: string): DateParts | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

function format({ year, month, day }: DateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parts(date: CalendarDate): DateParts {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`not a calendar date: ${date}`);
  return parsed;
}

/** The same calendar date `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(date: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = parts(date);
  const earlier = year - years;
  return format({ year: earlier, month, day: Math.min(day, daysInMonth(earlier, month)) });
}

/**
 * Age in whole years on `on`: a person is 18 on their 18th birthday. Someone born on 29 February
 * has their birthday on 1 March in a common year.
 */
export function wholeYearsBetween(birth: CalendarDate, on: CalendarDate): number {
  const from = parts(birth);
  const to = parts(on);
  const beforeBirthday = to.month < from.month || (to.month === from.month && to.day < from.day);
  return to.year - from.year - (beforeBirthday ? 1 : 0);
}

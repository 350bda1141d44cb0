// What the on-call page's inputs mean: pure, so a unit test can hold them.
import { instantAt } from '../../../domain/on-call/local-time.ts';

/**
 * The instant a wall-clock 'YYYY-MM-DDTHH:MM' (a datetime-local input) means in the site's zone,
 * as an ISO string with offset Z; undefined when the text is not such a time.
 */
export function siteInstant(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  return instantAt(Date.UTC(year, month - 1, day), hour * 60 + minute, timeZone).toISOString();
}

/** "7, 2" -> [7, 2]; undefined unless each is a whole number of days 1-90, none repeats, at most 5. */
export function readReminderDays(text: string): number[] | undefined {
  const days = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(Number);
  if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 90)) return undefined;
  if (new Set(days).size !== days.length || days.length > 5) return undefined;
  return days;
}

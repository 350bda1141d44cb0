import { MOST_REMINDER_HOURS, MOST_REMINDERS } from '../../../domain/appointments/appointment.ts';

/** "24, 2" as hours, or null when it is not whole numbers in range, each once, few enough. */
export function parseReminderHours(text: string): number[] | null {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length > MOST_REMINDERS) return null;
  const hours = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  if (hours.some((hour) => !Number.isInteger(hour) || hour < 1 || hour > MOST_REMINDER_HOURS)) return null;
  if (new Set(hours).size !== hours.length) return null;
  return hours.sort((a, b) => b - a);
}

import { describe, expect, it } from 'vitest';
import { parseReminderHours } from './reminder-hours.ts';

describe('the reminder hours a program manager types', () => {
  it('reads whole hours separated by commas or spaces, latest first', () => {
    expect(parseReminderHours('2, 24')).toEqual([24, 2]);
    expect(parseReminderHours(' 48 2 ')).toEqual([48, 2]);
  });

  it('reads nothing as no reminders', () => {
    expect(parseReminderHours('')).toEqual([]);
    expect(parseReminderHours(' , ')).toEqual([]);
  });

  it('refuses what the server would: out of range, fractions, words, repeats, too many', () => {
    for (const text of ['0', '337', '1.5', '-2', 'tomorrow', '24, 24', '1, 2, 3, 4, 5, 6, 7'])
      expect(parseReminderHours(text), text).toBeNull();
    expect(parseReminderHours('336, 1')).toEqual([336, 1]);
  });
});

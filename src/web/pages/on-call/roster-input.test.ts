import { describe, expect, it } from 'vitest';
import { readReminderDays, siteInstant } from './roster-input.ts';

describe('siteInstant: a datetime-local input read in the site’s zone', () => {
  it('reads New York wall-clock times in winter and in summer', () => {
    expect(siteInstant('2026-12-01T10:00', 'America/New_York')).toBe('2026-12-01T15:00:00.000Z');
    expect(siteInstant('2026-07-01T02:00', 'America/New_York')).toBe('2026-07-01T06:00:00.000Z');
  });

  it('reads a time skipped by the spring-forward change with the offset before it', () => {
    expect(siteInstant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('answers nothing for an empty or malformed input', () => {
    expect(siteInstant('', 'America/New_York')).toBeUndefined();
    expect(siteInstant('2026-12-01', 'America/New_York')).toBeUndefined();
    expect(siteInstant('2026-13-01T10:00', 'America/New_York')).toBeUndefined();
  });
});

describe('readReminderDays', () => {
  it('reads days separated by commas or spaces, and none', () => {
    expect(readReminderDays('7, 2')).toEqual([7, 2]);
    expect(readReminderDays('14 7 1')).toEqual([14, 7, 1]);
    expect(readReminderDays('')).toEqual([]);
  });

  it('refuses what the API would refuse', () => {
    expect(readReminderDays('0')).toBeUndefined();
    expect(readReminderDays('91')).toBeUndefined();
    expect(readReminderDays('1.5')).toBeUndefined();
    expect(readReminderDays('7, 7')).toBeUndefined();
    expect(readReminderDays('1 2 3 4 5 6')).toBeUndefined();
    expect(readReminderDays('soon')).toBeUndefined();
  });
});

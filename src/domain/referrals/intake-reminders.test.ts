import { describe, expect, it } from 'vitest';
import { daysLeft, dueDateText, intakeReminderTimes, personReminder } from './intake-reminders.ts';

const DAY = 24 * 60 * 60 * 1000;
const ACCEPTED = new Date('2026-05-01T16:00:00Z');
const DUE = new Date(ACCEPTED.getTime() + 14 * DAY);

describe('intakeReminderTimes', () => {
  it('puts each reminder its days before the deadline, earliest first, once each', () => {
    expect(intakeReminderTimes({ acceptedAt: ACCEPTED, dueAt: DUE }, [2, 7, 7])).toEqual([
      { daysBefore: 7, at: new Date(DUE.getTime() - 7 * DAY) },
      { daysBefore: 2, at: new Date(DUE.getTime() - 2 * DAY) },
    ]);
  });

  it('skips a reminder that would fall at or before acceptance', () => {
    expect(intakeReminderTimes({ acceptedAt: ACCEPTED, dueAt: DUE }, [20, 14, 13])).toEqual([
      { daysBefore: 13, at: new Date(ACCEPTED.getTime() + DAY) },
    ]);
    expect(intakeReminderTimes({ acceptedAt: ACCEPTED, dueAt: DUE }, [])).toEqual([]);
  });
});

describe('daysLeft', () => {
  it('counts calendar days at the site, across a clock change', () => {
    const due = new Date('2026-11-02T04:30:00Z'); // 23:30 on 1 November in New York (EST)
    expect(daysLeft(new Date('2026-10-31T05:00:00Z'), due, 'America/New_York')).toBe(1);
    expect(daysLeft(new Date('2026-11-01T03:30:00Z'), due, 'America/New_York')).toBe(1);
    expect(daysLeft(new Date('2026-11-01T05:00:00Z'), due, 'America/New_York')).toBe(0);
    expect(daysLeft(new Date('2026-11-03T12:00:00Z'), due, 'America/New_York')).toBe(-2);
  });
});

describe('the reminder to the person', () => {
  it('says only "your appointment with the LEAD team", the date and the number to call', () => {
    const due = dueDateText(DUE, 'America/New_York');
    expect(due).toBe('Friday, May 15');
    expect(personReminder(due, '910-555-0100')).toEqual({
      subject: 'A reminder from the LEAD team',
      body: 'A reminder of your appointment with the LEAD team: please get in touch by Friday, May 15. Call 910-555-0100.',
    });
    expect(personReminder(due, null).body).toBe(
      'A reminder of your appointment with the LEAD team: please get in touch by Friday, May 15.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  missedAppointmentsReachLimit,
  personReminder,
  recordAppointmentStatus,
  reminderStillDue,
  reminderTimes,
} from './appointment.ts';

const startsAt = new Date('2026-05-03T12:00:00Z');

describe('reminderTimes', () => {
  it('is one per offset, skipping those already past and repeated ones', () => {
    const now = new Date('2026-05-03T09:00:00Z');
    expect(reminderTimes(startsAt, [24, 2, 2], now)).toEqual([
      { hoursBefore: 2, dueAt: new Date('2026-05-03T10:00:00Z') },
    ]);
    expect(
      reminderTimes(startsAt, [24, 2], new Date('2026-05-01T00:00:00Z')).map((r) => r.hoursBefore),
    ).toEqual([24, 2]);
  });
});

describe('reminderStillDue', () => {
  const now = new Date('2026-05-03T10:00:00Z');
  it('only for a still-scheduled appointment at the time the reminder was made for, not yet started', () => {
    expect(reminderStillDue({ status: 'scheduled', startsAt }, startsAt, now)).toBe(true);
    expect(reminderStillDue({ status: 'cancelled', startsAt }, startsAt, now)).toBe(false);
    expect(reminderStillDue({ status: 'scheduled', startsAt }, new Date('2026-05-02T12:00:00Z'), now)).toBe(
      false,
    );
    expect(
      reminderStillDue({ status: 'scheduled', startsAt }, startsAt, new Date('2026-05-03T12:00:01Z')),
    ).toBe(false);
  });
});

describe('recordAppointmentStatus', () => {
  it('cancels any time, records attendance from an hour before, and only once', () => {
    const early = new Date('2026-05-03T10:59:00Z');
    expect(recordAppointmentStatus({ status: 'scheduled', startsAt }, 'cancelled', early)).toBe('cancelled');
    expect(() => recordAppointmentStatus({ status: 'scheduled', startsAt }, 'missed', early)).toThrow(
      /about to start/,
    );
    expect(
      recordAppointmentStatus(
        { status: 'scheduled', startsAt },
        'attended',
        new Date('2026-05-03T11:00:00Z'),
      ),
    ).toBe('attended');
    expect(() => recordAppointmentStatus({ status: 'attended', startsAt }, 'missed', startsAt)).toThrow(
      /attended/,
    );
  });
});

describe('missedAppointmentsReachLimit', () => {
  it('is off without a limit, and on at N misses in a row (newest first)', () => {
    expect(missedAppointmentsReachLimit(['missed', 'missed', 'missed'], null)).toBe(false);
    expect(missedAppointmentsReachLimit(['missed', 'missed'], 3)).toBe(false);
    expect(missedAppointmentsReachLimit(['missed', 'missed', 'missed'], 3)).toBe(true);
    expect(missedAppointmentsReachLimit(['missed', 'attended', 'missed'], 2)).toBe(false);
    expect(missedAppointmentsReachLimit(['missed', 'missed', 'attended'], 2)).toBe(true);
  });
});

describe('personReminder', () => {
  it('says when (in the site time zone) and where, in English and Spanish, and nothing else', () => {
    const message = personReminder({ startsAt, place: 'Program office' }, 'America/New_York');
    expect(message.body).toBe(
      'Reminder: your appointment is Sunday, May 3 at 8:00 AM at Program office.\n' +
        'Recordatorio: su cita es el domingo, 3 de mayo, 8:00 a.m. en Program office.',
    );
  });
});

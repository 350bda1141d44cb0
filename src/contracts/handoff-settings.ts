import { z } from 'zod';

export const MOST_REMINDERS = 5;

const acknowledgeMinutes = z.number().int().min(1).max(120);
const targetMinutes = z.number().int().min(5).max(240);
const intakeReminderDays = z
  .array(z.number().int().min(1).max(90))
  .max(MOST_REMINDERS)
  .refine((days) => new Set(days).size === days.length, 'Each day may appear once.');
const reminderPhone = z
  .string()
  .trim()
  .regex(/^[0-9+() .-]{3,30}$/, 'A phone number: digits, spaces, + ( ) . - only.')
  .nullable();

/**
 * A site's hand-off and intake-reminder settings: how long the on-call person has to acknowledge
 * before it escalates, the warm hand-off target (request to arrival or phone hand-off), the days
 * before an intake deadline on which reminders go out (for deadlines started after a change), and
 * the program's phone number that reminders to a person give.
 */
export const handoffSettings = z
  .strictObject({
    acknowledgeMinutes,
    targetMinutes,
    intakeReminderDays,
    reminderPhone,
  })
  .meta({ id: 'HandoffSettings' });

/** Any of the settings; the ones left out keep their value. */
export const handoffSettingsRequest = z
  .strictObject({
    acknowledgeMinutes: acknowledgeMinutes.optional(),
    targetMinutes: targetMinutes.optional(),
    intakeReminderDays: intakeReminderDays.optional(),
    reminderPhone: reminderPhone.optional(),
  })
  .refine((settings) => Object.keys(settings).length > 0, 'Give at least one setting.');

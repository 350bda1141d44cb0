import { z } from 'zod';

/** E.164: a plus, the country code and the number, digits only (+19105550100). */
export const E164 = /^\+[1-9][0-9]{6,14}$/;

export const staffContactParams = z.strictObject({ siteId: z.uuid(), userId: z.uuid() });

/** A member of staff's SMS alerts at a site: hand-offs offered to them, intake reminders and their participants' appointment reminders. */
export const staffContactRequest = z
  .strictObject({
    smsNumber: z
      .string()
      .trim()
      .regex(E164, 'Give the number in E.164 form: +, country code and number, digits only.')
      .nullable(),
    smsEnabled: z.boolean(),
  })
  .refine((contact) => !contact.smsEnabled || contact.smsNumber !== null, {
    path: ['smsNumber'],
    message: 'A number is needed to turn SMS alerts on.',
  });

export const staffContact = z
  .strictObject({
    userId: z.uuid(),
    smsNumber: z.string().nullable(),
    smsEnabled: z.boolean(),
    /** Null until someone saves it. */
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'StaffContact' });

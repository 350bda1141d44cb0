import { z } from 'zod';
import { roleSchema } from './common.ts';

export const loginRequest = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const mfaStateSchema = z.enum(['not_required', 'pending', 'enrolment_required', 'verified']);

export const sessionResponse = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string(), mfaEnabled: z.boolean() }),
    mfaState: mfaStateSchema,
    /** Send this back as the X-CSRF-Token header on every state-changing request. */
    csrfToken: z.string(),
    sites: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        timezone: z.string(),
        roles: z.array(roleSchema),
        actions: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const mfaEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});

export const mfaCodeRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'a 6-digit code') });

export const mfaVerifyRequest = z
  .strictObject({
    code: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit code')
      .optional(),
    recoveryCode: z.string().min(6).max(64).optional(),
  })
  .refine((body) => Boolean(body.code) !== Boolean(body.recoveryCode), {
    message: 'send either code or recoveryCode',
  });

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

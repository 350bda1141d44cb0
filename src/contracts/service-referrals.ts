import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../domain/appointments/appointment.ts';
import { ENGAGEMENT_LEVELS } from '../domain/participants/engagement.ts';
import { PARTICIPANT_STATUSES } from '../domain/participants/participant-status.ts';
import { RELEASE_CATEGORIES } from '../domain/participants/release.ts';
import { SERVICE_REFERRAL_STATUSES } from '../domain/service-referrals/service-referral.ts';

export const serviceReferralStatusSchema = z.enum(SERVICE_REFERRAL_STATUSES);

export const participantServiceReferralParams = z.strictObject({ siteId: z.uuid(), participantId: z.uuid() });
export const serviceReferralParams = z.strictObject({ siteId: z.uuid(), serviceReferralId: z.uuid() });

const reason = z.string().trim().min(1).max(500);

export const createServiceReferralRequest = z.strictObject({
  serviceId: z.uuid(),
  /** What the person needs from the service, in words the partner can act on. */
  reason,
});

export const serviceReferralStatusRequest = z.strictObject({ status: serviceReferralStatusSchema, reason });

export const serviceReferralEvent = z.object({
  from: serviceReferralStatusSchema.nullable(),
  to: serviceReferralStatusSchema,
  reason: z.string(),
  by: z.string(),
  at: z.iso.datetime(),
});

export const serviceReferral = z
  .object({
    id: z.uuid(),
    participantId: z.uuid(),
    status: serviceReferralStatusSchema,
    service: z.object({ id: z.uuid(), name: z.string() }),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** The statuses the asker may move it to next. */
    nextStatuses: z.array(serviceReferralStatusSchema),
    history: z.array(serviceReferralEvent),
  })
  .meta({ id: 'ServiceReferral' });
export type ServiceReferral = z.infer<typeof serviceReferral>;

export const serviceReferralsResponse = z.object({ referrals: z.array(serviceReferral) });

/** A referral as the partner organization sees it: the person only as far as their release allows. */
export const providerReferral = z
  .object({
    id: z.uuid(),
    status: serviceReferralStatusSchema,
    service: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    nextStatuses: z.array(serviceReferralStatusSchema),
    history: z.array(serviceReferralEvent),
    /** The name or alias the person gave, to greet them by. */
    nameOrAlias: z.string(),
    /** What the person's releases in force let this organization see. */
    disclosed: z.array(z.enum(RELEASE_CATEGORIES)),
    /** Only under enrolment_status. */
    enrolmentStatus: z.enum(PARTICIPANT_STATUSES).nullable(),
    /** Only under contact_information. */
    contactMethods: z
      .array(z.object({ kind: z.string(), value: z.string(), note: z.string().nullable() }))
      .nullable(),
    /** Only under engagement_level, and only while the person is enrolled. */
    engagementLevel: z.enum(ENGAGEMENT_LEVELS).nullable(),
    /** Only under attendance: the appointments with this organization's services, date and status. */
    attendance: z
      .object({
        attended: z.number().int(),
        missed: z.number().int(),
        appointments: z.array(z.object({ date: z.iso.date(), status: z.enum(APPOINTMENT_STATUSES) })),
      })
      .nullable(),
  })
  .meta({ id: 'ProviderReferral' });
export type ProviderReferral = z.infer<typeof providerReferral>;

export const providerReferralsResponse = z.object({
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  referrals: z.array(providerReferral),
});

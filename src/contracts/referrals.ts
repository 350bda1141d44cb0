import { z } from 'zod';
import { ENGAGEMENT_LEVELS } from '../domain/participants/engagement.ts';
import { ETHNICITIES, GENDERS, MISSING_REASONS, RACES } from './demographic-codes.ts';
import { screeningAnswers, screeningDecision } from './screening.ts';

export const PATHWAYS = [
  'arrest_diversion',
  'social_contact',
  'community_referral',
  'self_referral',
] as const;
export const pathwaySchema = z.enum(PATHWAYS);

export { ETHNICITIES, GENDERS, MISSING_REASONS, RACES };

const missing = z.enum(MISSING_REASONS);

/** Each of race, ethnicity and gender is either answered or recorded as why not; never blank. */
export const demographicsSchema = z
  .strictObject({
    race: z.array(z.enum(RACES)).min(1).max(RACES.length).optional(),
    raceMissing: missing.optional(),
    ethnicity: z.enum(ETHNICITIES).optional(),
    ethnicityMissing: missing.optional(),
    gender: z.array(z.enum(GENDERS)).min(1).max(GENDERS.length).optional(),
    genderMissing: missing.optional(),
  })
  .superRefine((value, context) => {
    for (const [answer, reason] of [
      ['race', 'raceMissing'],
      ['ethnicity', 'ethnicityMissing'],
      ['gender', 'genderMissing'],
    ] as const) {
      if ((value[answer] === undefined) === (value[reason] === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [answer],
          message: `give either ${answer} or ${reason}, not both or neither`,
        });
      }
    }
  });

export const offerSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('accepted') }),
  z.strictObject({ outcome: z.literal('declined'), reason: z.string().trim().min(1).max(500) }),
  z.strictObject({
    outcome: z.literal('not_offered'),
    reason: z.enum(['ineligible', 'officer_discretion', 'needs_information']),
    note: z.string().trim().min(1).max(500).optional(),
  }),
  z.strictObject({ outcome: z.literal('pending') }),
]);

export const submitEncounterRequest = z.strictObject({
  pathway: pathwaySchema,
  occurredAt: z.iso.datetime({ offset: true }),
  /** Beat or area: coarse on purpose. Never GPS coordinates. */
  area: z
    .string()
    .trim()
    .max(100)
    .refine((text) => !/-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}/.test(text), {
      message: 'a beat or area name, not coordinates',
    })
    .optional(),
  incidentNumber: z.string().trim().min(1).max(60).optional(),
  chargeCodes: z
    .array(z.string().regex(/^[A-Z0-9_]{1,40}$/))
    .max(20)
    .default([]),
  person: z.strictObject({ nameOrAlias: z.string().trim().min(1).max(200) }),
  perceivedDemographics: demographicsSchema,
  /** The rule set the officer's device screened with; the current one when left out. */
  ruleSetId: z.uuid().optional(),
  answers: screeningAnswers,
  offer: offerSchema,
});
export type SubmitEncounterRequest = z.infer<typeof submitEncounterRequest>;

/** Screening someone who asked for contact: on the request's own encounter. */
export const screenPendingReferralRequest = z.strictObject({
  demographics: demographicsSchema,
  /** self_reported when the person answered; officer_perceived when staff recorded what they saw. */
  demographicsSource: z.enum(['self_reported', 'officer_perceived']),
  ruleSetId: z.uuid().optional(),
  answers: screeningAnswers,
  offer: offerSchema,
});
export type ScreenPendingReferralRequest = z.infer<typeof screenPendingReferralRequest>;

export const referralSummary = z
  .object({
    id: z.uuid(),
    status: z.string(),
    pathway: pathwaySchema,
    nameOrAlias: z.string(),
    occurredAt: z.string(),
    area: z.string().nullable(),
    incidentNumber: z.string().nullable(),
    screening: z.enum(['eligible', 'ineligible', 'needs_information']).nullable(),
    decidedBy: z.array(z.string()),
  })
  .meta({ id: 'ReferralSummary' });

export const submitEncounterResponse = z
  .object({ referral: referralSummary, screening: screeningDecision })
  .meta({ id: 'EncounterSubmitted' });

export const referralParams = z.strictObject({ siteId: z.uuid(), referralId: z.uuid() });

export const referralEventRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('offer') }),
  z.strictObject({ type: z.literal('accept') }),
  z.strictObject({ type: z.literal('decline'), reason: z.string().trim().min(1).max(500) }),
  z.strictObject({
    type: z.literal('not_offer'),
    reason: z.enum(['ineligible', 'officer_discretion', 'needs_information']),
    note: z.string().trim().min(1).max(500).optional(),
  }),
  z.strictObject({ type: z.literal('prosecutor_approve') }),
  z.strictObject({ type: z.literal('prosecutor_reject'), reason: z.string().trim().min(1).max(500) }),
  z.strictObject({ type: z.literal('close'), reason: z.string().trim().min(1).max(500) }),
]);

export const referralListResponse = z.object({ referrals: z.array(referralSummary) });

/**
 * What a release in force naming the arresting agency lets the recording officer learn of an
 * enrolled person's progress: each key only under its category, never anything clinical. The whole
 * object is absent when no release allows anything.
 */
export const officerProgress = z
  .object({
    /** Under enrolment_status: enrolled or exited, and the site-local date it happened. */
    enrolment: z.object({ status: z.enum(['enrolled', 'exited']), on: z.iso.date() }).optional(),
    /** Under engagement_level, while enrolled: derived from the contact log and the site thresholds. */
    engagement: z.enum(ENGAGEMENT_LEVELS).optional(),
  })
  .meta({ id: 'OfficerProgress' });
export type OfficerProgress = z.infer<typeof officerProgress>;

/** The officer's own referrals, each with the progress a release lets them see (if any). */
export const myReferralsResponse = z.object({
  referrals: z.array(referralSummary.extend({ progress: officerProgress.optional() })),
});

export const referralDetail = referralSummary
  .extend({
    chargeCodes: z.array(z.string()),
    history: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
    contactRequest: z
      .object({
        requester: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        bestTime: z.string().nullable(),
        message: z.string().nullable(),
      })
      .nullable(),
    /** For the recording officer only, and only what a release in force allows (see officerProgress). */
    progress: officerProgress.optional(),
  })
  .meta({ id: 'ReferralDetail' });

export const referralListQuery = z.strictObject({
  status: z.enum(['pending_review', 'open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const myReferralsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const contactRequestBody = z
  .strictObject({
    requester: z.enum(['self', 'family', 'friend', 'service_provider', 'other']),
    nameOrAlias: z.string().trim().min(1).max(200),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+()\-. ]{7,25}$/, 'a phone number')
      .optional(),
    email: z.email().max(320).optional(),
    bestTime: z.string().trim().max(200).optional(),
    message: z.string().trim().max(2000).optional(),
    /** Left empty by people; filled by bots. */
    website: z.string().max(500).optional(),
    /** When the form was opened (milliseconds since 1970); a form sent within 2 seconds is a bot's. */
    formOpenedAt: z.number().int().positive().optional(),
  })
  .refine((body) => body.phone !== undefined || body.email !== undefined, {
    message: 'give a phone number or an e-mail address so the program can reach you',
    path: ['phone'],
  });

export const contactRequestResponse = z.object({ received: z.literal(true) });

export const publicSiteParams = z.strictObject({ siteSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) });

import { z } from 'zod';
import { isCalendarDate } from '../domain/eligibility/calendar-date.ts';
import { CONTACT_METHOD_KINDS, NEED_DOMAINS, NEED_LEVELS } from '../domain/participants/intake.ts';
import { PARTICIPANT_STATUSES } from '../domain/participants/participant-status.ts';
import { RECIPIENT_KINDS, RELEASE_CATEGORIES } from '../domain/participants/release.ts';
import { demographicsSchema } from './referrals.ts';

const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a real date, YYYY-MM-DD' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const participantParams = z.strictObject({ siteId: z.uuid(), participantId: z.uuid() });
export const releaseParams = participantParams.extend({ releaseId: z.uuid() });

export const participantListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const startIntakeRequest = z.strictObject({
  /** The case manager to assign; the person starting the intake when left out. */
  caseManagerId: z.uuid().optional(),
});

export const needSchema = z.strictObject({
  domain: z.enum(NEED_DOMAINS),
  level: z.enum(NEED_LEVELS),
  notes: text(1000).optional(),
});

export const contactMethodSchema = z.strictObject({
  kind: z.enum(CONTACT_METHOD_KINDS),
  value: text(200),
  /** e.g. "a friend's phone, ask for Sam", "leave no message". */
  note: text(300).optional(),
  /** Whether appointment and intake reminders may use this way of reaching the person. */
  remindersAllowed: z.boolean(),
});

/** A draft of the intake: every field optional, saved as often as needed; what is given replaces. */
export const saveIntakeRequest = z.strictObject({
  neededNow: text(2000).nullable().optional(),
  immediateNeeds: text(2000).nullable().optional(),
  priorities: text(2000).nullable().optional(),
  needs: z
    .array(needSchema)
    .max(NEED_DOMAINS.length)
    .refine((needs) => new Set(needs.map((need) => need.domain)).size === needs.length, {
      message: 'each domain once',
    })
    .optional(),
  /** Self-reported (HMIS codes): each of race, ethnicity and gender answered or why not. */
  demographics: demographicsSchema.nullable().optional(),
  contactMethods: z.array(contactMethodSchema).max(10).optional(),
});
export type SaveIntakeRequest = z.infer<typeof saveIntakeRequest>;

export const recipientSchema = z
  .strictObject({
    kind: z.enum(RECIPIENT_KINDS),
    /** The partner directory's organization, for a provider organization (and only then). */
    organizationId: z.uuid().optional(),
    name: text(200),
  })
  .superRefine((recipient, context) => {
    if ((recipient.kind === 'provider_organization') !== (recipient.organizationId !== undefined))
      context.addIssue({
        code: 'custom',
        path: ['organizationId'],
        message:
          'a provider organization needs its organization id, and only a provider organization has one',
      });
  });

export const signatureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('typed'), typedName: text(200) }),
  z.strictObject({
    kind: z.literal('drawn'),
    /** The signature drawn on a canvas, as a PNG data URL. */
    image: z
      .string()
      .max(200_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL'),
  }),
]);

/**
 * A release of information with every element 42 CFR Part 2, section 2.31 requires: the person's
 * name, who may disclose, what (categories), to whom (one or more recipients), the purpose, the right
 * to revoke and how, an expiry date or event, and the signature with its date. A missing element
 * answers 400 naming it.
 */
export const createReleaseRequest = z
  .strictObject({
    personName: text(200),
    discloser: text(200),
    categories: z
      .array(z.enum(RELEASE_CATEGORIES))
      .min(1)
      .max(RELEASE_CATEGORIES.length)
      .refine((categories) => new Set(categories).size === categories.length, {
        message: 'each category once',
      }),
    recipients: z.array(recipientSchema).min(1).max(20),
    purpose: text(1000),
    revocationTerms: text(1000),
    expiresOn: calendarDate.optional(),
    expiryEvent: text(300).optional(),
    signature: signatureSchema,
    signedOn: calendarDate,
  })
  .superRefine((release, context) => {
    if (release.expiresOn === undefined && release.expiryEvent === undefined)
      context.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'give an expiry date (expiresOn) or an expiry event (expiryEvent)',
      });
    if (release.expiresOn !== undefined && release.expiresOn < release.signedOn)
      context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'expires before it was signed' });
  });
export type CreateReleaseRequest = z.infer<typeof createReleaseRequest>;

export const revokeReleaseRequest = z.strictObject({ note: text(500).optional() });

export const participantSummary = z
  .object({
    id: z.uuid(),
    nameOrAlias: z.string(),
    status: z.enum(PARTICIPANT_STATUSES),
    caseManager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    referralId: z.uuid(),
    createdAt: z.string(),
    enrolledAt: z.string().nullable(),
  })
  .meta({ id: 'ParticipantSummary' });

export const participantListResponse = z.object({ participants: z.array(participantSummary) });

export const releaseSchema = z
  .object({
    id: z.uuid(),
    personName: z.string(),
    discloser: z.string(),
    categories: z.array(z.enum(RELEASE_CATEGORIES)),
    recipients: z.array(
      z.object({ kind: z.enum(RECIPIENT_KINDS), organizationId: z.uuid().nullable(), name: z.string() }),
    ),
    purpose: z.string(),
    revocationTerms: z.string(),
    expiresOn: z.string().nullable(),
    expiryEvent: z.string().nullable(),
    signature: z.union([
      z.object({ kind: z.literal('typed'), typedName: z.string() }),
      z.object({ kind: z.literal('drawn'), image: z.string() }),
    ]),
    signedOn: z.string(),
    recordedAt: z.string(),
    inForce: z.boolean(),
    revokedAt: z.string().nullable(),
    revocationNote: z.string().nullable(),
  })
  .meta({ id: 'Release' });

export const intakeSchema = z
  .object({
    state: z.enum(['draft', 'completed']),
    neededNow: z.string().nullable(),
    immediateNeeds: z.string().nullable(),
    priorities: z.string().nullable(),
    needs: z.array(
      z.object({ domain: z.enum(NEED_DOMAINS), level: z.enum(NEED_LEVELS), notes: z.string().nullable() }),
    ),
    demographics: z.record(z.string(), z.unknown()).nullable(),
    startedAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'Intake' });

/** One item of a participant's timeline; other features add their kinds (contact, appointment...). */
export const timelineItem = z.object({
  kind: z.string(),
  /** Unique within its kind. */
  id: z.string(),
  at: z.string(),
  /** A short, translatable key of what happened, e.g. "status.enrolled", "release.revoked". */
  what: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
});

export const participantDetail = participantSummary
  .extend({
    referral: z.object({ id: z.uuid(), status: z.string(), pathway: z.string(), occurredAt: z.string() }),
    intake: intakeSchema.nullable(),
    releases: z.array(releaseSchema),
    contactMethods: z.array(
      z.object({
        kind: z.enum(CONTACT_METHOD_KINDS),
        value: z.string(),
        note: z.string().nullable(),
        remindersAllowed: z.boolean(),
      }),
    ),
    /** What a new release form starts with: the program's name and its standard revocation words. */
    releaseDefaults: z.object({ discloser: z.string(), revocationTerms: z.string(), purpose: z.string() }),
    /** The newest page of the timeline only; older pages: GET …/timeline?before=timelineCursor. */
    timeline: z.array(timelineItem),
    /** Where the next (older) page of the timeline starts; null when there is nothing older. */
    timelineCursor: z.string().nullable(),
  })
  .meta({ id: 'ParticipantDetail' });

/** An opaque timeline cursor, as a page of the timeline gave it. */
const TIMELINE_CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

export const participantTimelineQuery = z.strictObject({
  before: z.string().regex(TIMELINE_CURSOR, 'Not a timeline cursor.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const participantTimelinePage = z
  .object({ timeline: z.array(timelineItem), timelineCursor: z.string().nullable() })
  .meta({ id: 'ParticipantTimelinePage' });

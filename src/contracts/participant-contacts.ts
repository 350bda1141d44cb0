import { z } from 'zod';
import { ENGAGEMENT_LEVELS } from '../domain/participants/engagement.ts';
import { PARTICIPANT_STATUSES } from '../domain/participants/participant-status.ts';
import { siteParams } from './common.ts';

export const CONTACT_KINDS = ['field', 'office', 'phone', 'text', 'collateral'] as const;

export const careParticipantParams = z.strictObject({ siteId: z.uuid(), participantId: z.uuid() });

export const logContactRequest = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  occurredAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  note: z.string().trim().min(1).max(4000).nullable().optional(),
  /** The staff present; the person logging it when left out. */
  staffIds: z.array(z.uuid()).min(1).max(10).optional(),
  /** The entry this one corrects (entries are never edited). */
  correctsContactId: z.uuid().optional(),
});

export const contactListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const engagementResponse = z
  .object({
    level: z.enum(ENGAGEMENT_LEVELS),
    since: z.enum(['last_contact', 'enrolment']),
    sinceAt: z.string(),
    daysSince: z.number().int(),
    daysUntilInTheWind: z.number().int(),
  })
  .meta({ id: 'Engagement' });

export const contactResponse = z
  .object({
    id: z.uuid(),
    kind: z.enum(CONTACT_KINDS),
    occurredAt: z.string(),
    durationMinutes: z.number().int().nullable(),
    note: z.string().nullable(),
    loggedBy: z.uuid(),
    loggedAt: z.string(),
    correctsContactId: z.uuid().nullable(),
    /** A later entry that corrects this one, if any. */
    correctedBy: z.uuid().nullable(),
    staff: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  })
  .meta({ id: 'ParticipantContact' });

export const loggedContactResponse = z
  .object({ contact: contactResponse, lastContactAt: z.string().nullable(), engagement: engagementResponse })
  .meta({ id: 'LoggedContact' });

export const contactLogResponse = z
  .object({
    participantId: z.uuid(),
    lastContactAt: z.string().nullable(),
    engagement: engagementResponse,
    contacts: z.array(contactResponse),
  })
  .meta({ id: 'ContactLog' });

export const engagementListQuery = z.strictObject({
  /** "me": the signed-in person's caseload; "all": everyone at the site. */
  caseload: z.enum(['me', 'all']).default('all'),
  /** Only people this many days or fewer from "in the wind", or past it. */
  goingInTheWindWithinDays: z.coerce.number().int().min(0).max(365).optional(),
});

export const engagementListResponse = z
  .object({
    thresholds: z.object({ inactiveDays: z.number().int(), inTheWindDays: z.number().int() }),
    participants: z.array(
      z.object({
        participantId: z.uuid(),
        personName: z.string(),
        status: z.enum(PARTICIPANT_STATUSES),
        caseManagerId: z.uuid().nullable(),
        caseManagerName: z.string().nullable(),
        lastContactAt: z.string().nullable(),
        engagement: engagementResponse,
      }),
    ),
  })
  .meta({ id: 'EngagementList' });

export const engagementListParams = siteParams;

import { z } from 'zod';
import {
  CHOSEN_EXIT_REASONS,
  EXIT_REASONS,
  PARTICIPANT_STATUSES,
} from '../domain/participants/participant-status.ts';

export const participantStatus = z.enum(PARTICIPANT_STATUSES);
export const exitReason = z.enum(EXIT_REASONS);

/** The exit reasons someone may choose by hand (missed_appointments is the site policy's alone). */
export const chosenExitReason = z.enum(CHOSEN_EXIT_REASONS);

export const participantParams = z.strictObject({ siteId: z.uuid(), participantId: z.uuid() });

const note = z.string().trim().min(1).max(500).nullable().optional();

/** Exit with a reason (removed_for_violence needs a program manager) and an optional note. */
export const exitRequest = z.strictObject({ reason: chosenExitReason, note });

/** Re-enter someone who exited: an optional note and, if a new referral brought them back, its id. */
export const reEntryRequest = z.strictObject({
  note,
  referralId: z.uuid().nullable().optional(),
  /** Their case manager is at the hard maximum: a program manager's reason to go past it (audited). */
  overrideReason: z.string().trim().min(1).max(500).optional(),
});

export const participantStatusEvent = z.strictObject({
  seq: z.number().int(),
  event: z.enum(['intake_started', 'enrolled', 'exited', 're_entered']),
  fromStatus: participantStatus.nullable(),
  toStatus: participantStatus,
  exitReason: exitReason.nullable(),
  note: z.string().nullable(),
  byUserId: z.uuid().nullable(),
  at: z.string(),
});

/** A participant's status now, and every step that brought them there (exits and re-entries). */
export const participantStatusResponse = z
  .strictObject({
    participantId: z.uuid(),
    status: participantStatus,
    exitedAt: z.string().nullable(),
    exitReason: exitReason.nullable(),
    events: z.array(participantStatusEvent),
  })
  .meta({ id: 'ParticipantStatus' });

import { z } from 'zod';
import { handoffMode, handoffState } from './handoffs.ts';

export const pendingIntakesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** An accepted referral still waiting for its intake, for the case manager's queue. */
export const pendingIntake = z
  .strictObject({
    referralId: z.uuid(),
    personName: z.string(),
    pathway: z.enum(['arrest_diversion', 'social_contact', 'community_referral', 'self_referral']),
    acceptedAt: z.string(),
    dueAt: z.string(),
    /** Whole days from today to the due date, in the site's calendar (0: due today). */
    daysLeft: z.number().int(),
    latestHandoff: z
      .strictObject({
        id: z.uuid(),
        state: handoffState,
        mode: handoffMode,
        requestedAt: z.string(),
        updatedAt: z.string(),
      })
      .nullable(),
    /** The participant's assigned case manager, when the intake has started and one is assigned. */
    caseManager: z.strictObject({ userId: z.uuid(), displayName: z.string() }).nullable(),
  })
  .meta({ id: 'PendingIntake' });

export const pendingIntakesResponse = z.object({ pendingIntakes: z.array(pendingIntake) });

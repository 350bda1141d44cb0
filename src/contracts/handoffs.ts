import { z } from 'zod';

export const handoffMode = z.enum(['in_person', 'phone']);
export const handoffState = z.enum([
  'requested',
  'acknowledged',
  'en_route',
  'arrived',
  'handed_off_by_phone',
  'unable',
  'unanswered',
]);

export const handoffParams = z.strictObject({ siteId: z.uuid(), handoffId: z.uuid() });

export const handoffRequest = z.strictObject({ mode: handoffMode.default('in_person') });

export const handoffEventRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('acknowledge'), etaMinutes: z.number().int().min(0).max(600) }),
  z.strictObject({ type: z.literal('en_route') }),
  z.strictObject({ type: z.literal('arrived') }),
  z.strictObject({ type: z.literal('by_phone') }),
  z.strictObject({ type: z.literal('unable'), reason: z.string().trim().min(1).max(500) }),
]);

/** One timestamped step. `reason` (why a responder was unable) is shown to the care team only. */
export const handoffStep = z.strictObject({
  event: z.string(),
  state: handoffState,
  level: z.number().int(),
  at: z.string(),
  etaMinutes: z.number().int().nullable(),
  reason: z.string().nullable().optional(),
});

/**
 * A hand-off's live status: state, escalation level, estimated arrival and each step's time. No
 * name and nothing clinical, so the requesting officer may see all of it.
 */
export const handoff = z
  .strictObject({
    id: z.uuid(),
    referralId: z.uuid(),
    mode: handoffMode,
    state: handoffState,
    level: z.number().int(),
    etaMinutes: z.number().int().nullable(),
    requestedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    enRouteAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    updatedAt: z.string(),
    requestedByMe: z.boolean(),
    offeredToMe: z.boolean(),
    steps: z.array(handoffStep),
  })
  .meta({ id: 'Handoff' });

/** The answer to a request or an answer: the hand-off as it now stands (without its step list). */
export const handoffSummary = handoff
  .omit({ steps: true, acknowledgedAt: true, enRouteAt: true, endedAt: true })
  .meta({ id: 'HandoffSummary' });

export const handoffsQuery = z.strictObject({
  state: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const handoffsResponse = z.object({ handoffs: z.array(handoffSummary) });

export const liveStreamResponse = z.string().meta({
  description: 'text/event-stream: `handoff.offered` and `handoff.updated` events addressed to the caller',
});

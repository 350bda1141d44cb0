/**
 * A closed-loop referral of a participant to a partner service. Statuses are those of a FHIR Task
 * (https://hl7.org/fhir/task.html, Task.status): the care team sends it (requested), the partner
 * says it arrived (received), accepts or rejects it, works on it (in progress, on hold) and closes
 * it (completed, failed); the care team may cancel it while it is open. Every change has a reason
 * and the person who made it. This is the only place that decides which changes are allowed.
 */

export const SERVICE_REFERRAL_STATUSES = [
  'requested',
  'received',
  'accepted',
  'rejected',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
  'failed',
] as const;
export type ServiceReferralStatus = (typeof SERVICE_REFERRAL_STATUSES)[number];

/** Who moves a referral: the referring care team, or the partner organization it was sent to. */
export type ReferralParty = 'care_team' | 'provider';

const FINAL: readonly ServiceReferralStatus[] = ['rejected', 'completed', 'cancelled', 'failed'];

/** The moves each party may make from each status (FHIR Task's state machine, split by party). */
const MOVES: Record<
  ReferralParty,
  Partial<Record<ServiceReferralStatus, readonly ServiceReferralStatus[]>>
> = {
  provider: {
    requested: ['received', 'accepted', 'rejected'],
    received: ['accepted', 'rejected'],
    accepted: ['in_progress', 'on_hold', 'completed', 'failed'],
    in_progress: ['on_hold', 'completed', 'failed'],
    on_hold: ['in_progress', 'completed', 'failed'],
  },
  care_team: {
    requested: ['cancelled'],
    received: ['cancelled'],
    accepted: ['cancelled', 'on_hold'],
    in_progress: ['cancelled', 'on_hold', 'completed', 'failed'],
    on_hold: ['cancelled', 'in_progress'],
  },
};

export function isFinal(status: ServiceReferralStatus): boolean {
  return FINAL.includes(status);
}

/** The statuses `party` may move a referral to from `from`. */
export function allowedMoves(
  from: ServiceReferralStatus,
  party: ReferralParty,
): readonly ServiceReferralStatus[] {
  return MOVES[party][from] ?? [];
}

export type StatusChange = {
  from: ServiceReferralStatus | null;
  to: ServiceReferralStatus;
  reason: string;
  userId: string;
  at: Date;
};

export type TransitionResult =
  | { ok: true; status: ServiceReferralStatus; event: StatusChange }
  | { ok: false; code: 'INVALID_TRANSITION' | 'REASON_REQUIRED'; message: string };

const MAXIMUM_REASON = 500;

/** The first status of a new referral, with the care team's reason for sending it. */
export function openServiceReferral(input: { reason: string; userId: string; at: Date }): TransitionResult {
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > MAXIMUM_REASON)
    return { ok: false, code: 'REASON_REQUIRED', message: 'Say why (1 to 500 characters).' };
  return {
    ok: true,
    status: 'requested',
    event: { from: null, to: 'requested', reason, userId: input.userId, at: input.at },
  };
}

/**
 * Moves a referral from `from` to `to` for `party`, with a reason (1-500 characters, required on
 * every change) and who made it. Answers the new status and the event to store, or why not.
 */
export function changeServiceReferralStatus(
  from: ServiceReferralStatus,
  change: { to: ServiceReferralStatus; reason: string; party: ReferralParty; userId: string; at: Date },
): TransitionResult {
  const reason = change.reason.trim();
  if (reason.length === 0 || reason.length > MAXIMUM_REASON)
    return {
      ok: false,
      code: 'REASON_REQUIRED',
      message: 'Say why the status changes (1 to 500 characters).',
    };
  if (!allowedMoves(from, change.party).includes(change.to))
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `A referral that is ${from.replace('_', ' ')} cannot be made ${change.to.replace('_', ' ')} from here.`,
    };
  return {
    ok: true,
    status: change.to,
    event: { from, to: change.to, reason, userId: change.userId, at: change.at },
  };
}

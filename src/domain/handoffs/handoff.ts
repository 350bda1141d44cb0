import { DomainError } from '../errors.ts';

/**
 * A warm hand-off from an officer to the on-call responder (PRODUCT.md step 3). It is offered at
 * escalation level 1 and, while no one acknowledges, moves up the levels (1 primary, 2 backup,
 * 3 mobile crisis or program manager); after level 3 it is unanswered, still open to a late answer.
 */
export const HANDOFF_STATES = [
  'requested',
  'acknowledged',
  'en_route',
  'arrived',
  'handed_off_by_phone',
  'unable',
  'unanswered',
] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/** States in which the hand-off still needs someone: the care team's queue. */
export const OPEN_HANDOFF_STATES: readonly HandoffState[] = [
  'requested',
  'acknowledged',
  'en_route',
  'unanswered',
];

export type HandoffMode = 'in_person' | 'phone';
export type HandoffLevel = 1 | 2 | 3;

export const FIRST_LEVEL: HandoffLevel = 1;
export const LAST_LEVEL: HandoffLevel = 3;
/** The LEAD Support Bureau's guidance: acknowledge within five minutes unless the site says otherwise. */
export const DEFAULT_ACKNOWLEDGE_MINUTES = 5;
export const MOST_ETA_MINUTES = 600;

export type HandoffEvent =
  | { type: 'escalate' }
  | { type: 'acknowledge'; etaMinutes: number }
  | { type: 'en_route' }
  | { type: 'arrived' }
  | { type: 'by_phone' }
  | { type: 'unable'; reason: string };

export type HandoffPosition = { state: HandoffState; level: HandoffLevel };

/** One recorded step: the event, the states and the level it leaves the hand-off at. */
export type HandoffStep = {
  event: HandoffEvent['type'];
  from: HandoffState;
  to: HandoffState;
  level: HandoffLevel;
  etaMinutes: number | null;
  reason: string | null;
};

const ALLOWED_FROM: Record<Exclude<HandoffEvent['type'], 'escalate'>, readonly HandoffState[]> = {
  acknowledge: ['requested', 'unanswered'],
  en_route: ['acknowledged'],
  arrived: ['acknowledged', 'en_route'],
  by_phone: ['acknowledged', 'en_route'],
  unable: ['requested', 'acknowledged', 'en_route', 'unanswered'],
};

const TARGET: Record<Exclude<HandoffEvent['type'], 'escalate'>, HandoffState> = {
  acknowledge: 'acknowledged',
  en_route: 'en_route',
  arrived: 'arrived',
  by_phone: 'handed_off_by_phone',
  unable: 'unable',
};

function invalid(from: HandoffState, event: HandoffEvent['type']): DomainError {
  return new DomainError('INVALID_TRANSITION', `A hand-off that is ${from} cannot take "${event}".`, {
    from,
    event,
  });
}

/**
 * The one transition function of a hand-off: the step `event` takes from `position`, or
 * INVALID_TRANSITION. Escalation applies only while requested: to the next level, or after the last
 * level to unanswered.
 */
export function transition(position: HandoffPosition, event: HandoffEvent): HandoffStep {
  const { state: from, level } = position;
  if (event.type === 'escalate') {
    if (from !== 'requested') throw invalid(from, event.type);
    if (level >= LAST_LEVEL)
      return { event: 'escalate', from, to: 'unanswered', level, etaMinutes: null, reason: null };
    return {
      event: 'escalate',
      from,
      to: 'requested',
      level: (level + 1) as HandoffLevel,
      etaMinutes: null,
      reason: null,
    };
  }
  if (!ALLOWED_FROM[event.type].includes(from)) throw invalid(from, event.type);
  if (event.type === 'acknowledge') {
    const eta = event.etaMinutes;
    if (!Number.isInteger(eta) || eta < 0 || eta > MOST_ETA_MINUTES)
      throw new DomainError(
        'VALIDATION_FAILED',
        `The estimated arrival must be 0 to ${MOST_ETA_MINUTES} minutes.`,
      );
    return { event: event.type, from, to: TARGET.acknowledge, level, etaMinutes: eta, reason: null };
  }
  if (event.type === 'unable') {
    const reason = event.reason.trim();
    if (reason.length === 0 || reason.length > 500)
      throw new DomainError('VALIDATION_FAILED', 'Say why, in 1 to 500 characters.');
    return { event: event.type, from, to: 'unable', level, etaMinutes: null, reason };
  }
  return { event: event.type, from, to: TARGET[event.type], level, etaMinutes: null, reason: null };
}

/** Whether a hand-off in `state` still waits for someone to acknowledge it at `level`. */
export function awaitsAcknowledgement(position: HandoffPosition, level: HandoffLevel): boolean {
  return position.state === 'requested' && position.level === level;
}

/** When an offer made at `offeredAt` escalates if no one acknowledges it. */
export function escalationDueAt(offeredAt: Date, acknowledgeMinutes: number): Date {
  return new Date(offeredAt.getTime() + acknowledgeMinutes * 60_000);
}

export function isOpen(state: HandoffState): boolean {
  return OPEN_HANDOFF_STATES.includes(state);
}

import { DomainError } from '../errors.ts';

/**
 * A referral's states. Later features add theirs (hand-off, intake, enrolment, exit) here, and
 * only here: no other code compares or assigns a status.
 */
export const REFERRAL_STATUSES = [
  'pending_review', // asked for by a community member or the person, waiting for the program
  'screened',
  'offered',
  'accepted',
  'awaiting_prosecutor',
  'declined',
  'not_offered',
  'prosecutor_rejected',
  'closed',
  'no_intake_by_deadline', // accepted, but no intake before the site's intake deadline
  'enrolled', // the intake completed with a signed release: the person is a participant
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type ScreeningStatus = 'eligible' | 'ineligible' | 'needs_information';

/** What can happen to a referral, with what each event needs. */
export type ReferralEvent =
  | { type: 'request_contact' }
  | { type: 'screen' }
  | { type: 'offer' }
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'not_offer'; reason: NotOfferedReason; note?: string | undefined }
  | { type: 'prosecutor_approve' }
  | { type: 'prosecutor_reject'; reason: string }
  | { type: 'close'; reason: string }
  | { type: 'intake_deadline_passed' }
  | { type: 'complete_intake' };

/**
 * The events someone asks for on the referral itself; the others happen by themselves (a timer
 * firing) or through their own use case (completing an intake, which needs a signed release).
 */
export type StaffEvent = Exclude<ReferralEvent, { type: 'intake_deadline_passed' | 'complete_intake' }>;

export type NotOfferedReason = 'ineligible' | 'officer_discretion' | 'needs_information';

/** The facts about the referral a transition may depend on. */
export type ReferralFacts = {
  screening: ScreeningStatus | null;
  pathway: 'arrest_diversion' | 'social_contact' | 'community_referral' | 'self_referral';
  prosecutorApprovalRequired: boolean;
};

export type Transition = { from: ReferralStatus | null; to: ReferralStatus; reason: string | null };

const EVENT_LABELS: Record<ReferralEvent['type'], string> = {
  request_contact: 'open a contact request for',
  screen: 'record a screening for',
  offer: 'offer LEAD on',
  accept: 'accept',
  decline: 'decline',
  not_offer: 'record "not offered" for',
  prosecutor_approve: 'approve',
  prosecutor_reject: 'reject',
  close: 'close',
  intake_deadline_passed: 'expire the intake deadline of',
  complete_intake: 'complete the intake of',
};

function invalid(from: ReferralStatus | null, event: ReferralEvent, why: string): never {
  const label = EVENT_LABELS[event.type];
  throw new DomainError(
    'INVALID_TRANSITION',
    `Cannot ${label} a referral that is ${from ?? 'new'}: ${why}.`,
    {
      from,
      event: event.type,
    },
  );
}

/**
 * The one place a referral's status changes: the new status and the history row to write, or an
 * INVALID_TRANSITION error. LEAD offers are made only to people screened eligible; an officer
 * who wanted to refer someone ineligible records "not offered: ineligible", which stays countable.
 */
export function transition(
  from: ReferralStatus | null,
  event: ReferralEvent,
  facts: ReferralFacts,
): Transition {
  const to = (status: ReferralStatus, reason: string | null = null): Transition => ({
    from,
    to: status,
    reason,
  });
  switch (event.type) {
    case 'request_contact':
      if (from === null) return to('pending_review');
      return invalid(from, event, 'it exists already');
    case 'screen':
      if (from === null || from === 'pending_review') return to('screened');
      return invalid(from, event, 'it has been screened already');
    case 'offer':
      if (from !== 'screened') return invalid(from, event, 'only a screened referral can be offered');
      if (facts.screening !== 'eligible')
        return invalid(from, event, `the screening found the person ${facts.screening ?? 'unscreened'}`);
      return to('offered');
    case 'accept':
      if (from !== 'offered') return invalid(from, event, 'only an offer can be accepted');
      return facts.pathway === 'arrest_diversion' && facts.prosecutorApprovalRequired
        ? to('awaiting_prosecutor')
        : to('accepted');
    case 'decline':
      if (from !== 'offered') return invalid(from, event, 'only an offer can be declined');
      return to('declined', event.reason);
    case 'not_offer':
      if (from !== 'screened') return invalid(from, event, 'only a screened referral can be left unoffered');
      if (event.reason === 'ineligible' && facts.screening !== 'ineligible') {
        return invalid(from, event, 'the screening did not find the person ineligible');
      }
      if (event.reason === 'needs_information' && facts.screening !== 'needs_information') {
        return invalid(from, event, 'the screening is not missing information');
      }
      if (event.reason === 'officer_discretion' && !event.note) {
        return invalid(from, event, 'officer discretion needs a reason');
      }
      return to('not_offered', event.note ? `${event.reason}: ${event.note}` : event.reason);
    case 'prosecutor_approve':
      if (from !== 'awaiting_prosecutor') return invalid(from, event, 'it is not waiting for the prosecutor');
      return to('accepted');
    case 'prosecutor_reject':
      if (from !== 'awaiting_prosecutor') return invalid(from, event, 'it is not waiting for the prosecutor');
      return to('prosecutor_rejected', event.reason);
    case 'close':
      if (from !== 'pending_review')
        return invalid(from, event, 'only a pending request can be closed this way');
      return to('closed', event.reason);
    case 'intake_deadline_passed':
      if (from !== 'accepted') return invalid(from, event, 'only an accepted referral waits for its intake');
      return to('no_intake_by_deadline', 'deadline passed');
    case 'complete_intake':
      if (from === 'accepted') return to('enrolled', 'intake completed');
      // A late intake still enrols, except an arrest diversion: its expiry went to the prosecutor.
      if (from === 'no_intake_by_deadline' && facts.pathway !== 'arrest_diversion')
        return to('enrolled', 'intake completed after the deadline');
      return invalid(
        from,
        event,
        'only an accepted referral (or a late one outside arrest diversion) enrols',
      );
  }
}

/** Applies several events in order (an officer's submission: screen, offer, accept). */
export function transitions(
  from: ReferralStatus | null,
  events: ReferralEvent[],
  facts: ReferralFacts,
): Transition[] {
  const steps: Transition[] = [];
  let current = from;
  for (const event of events) {
    const step = transition(current, event, facts);
    steps.push(step);
    current = step.to;
  }
  return steps;
}

/** Whether `event` would be accepted from `from`: for offering only the actions that can succeed. */
export function canApply(from: ReferralStatus | null, event: ReferralEvent, facts: ReferralFacts): boolean {
  try {
    transition(from, event, facts);
    return true;
  } catch {
    return false;
  }
}

/** Whether these steps accept the referral into the program, which starts its intake deadline. */
export function reachesAcceptance(steps: readonly Transition[]): boolean {
  return steps.at(-1)?.to === 'accepted';
}

/** Whether the intake deadline passed with no intake: the prosecutor may then record a decision. */
export function intakeDeadlinePassed(status: ReferralStatus): boolean {
  return status === 'no_intake_by_deadline';
}

/** Whether a referral's intake may be started (and later completed) now. */
export function awaitsIntake(status: ReferralStatus, facts: ReferralFacts): boolean {
  return canApply(status, { type: 'complete_intake' }, facts);
}

/**
 * Whether the referral is accepted and its intake deadline still running: the time for a warm
 * hand-off, and for reminders before the deadline.
 */
export function withinIntakeDeadline(status: ReferralStatus): boolean {
  return status === 'accepted';
}

/** Whether the referral's person is enrolled: a fact a release must allow before anyone outside sees it. */
export function isEnrolled(status: ReferralStatus): boolean {
  return status === 'enrolled';
}

/**
 * The status shown to someone no release allows to learn of enrolment (an officer): an enrolled
 * referral shows as accepted, the last thing the officer knew; everything else as it is.
 */
export function statusWithoutEnrolment(status: ReferralStatus): ReferralStatus {
  return isEnrolled(status) ? 'accepted' : status;
}

/** Which kind of access an event needs (see mayAccessReferral in the access policy). */
export function accessNeededFor(
  event: StaffEvent['type'],
): 'record_outcome' | 'review' | 'prosecutor_decision' {
  if (event === 'prosecutor_approve' || event === 'prosecutor_reject') return 'prosecutor_decision';
  if (event === 'screen' || event === 'close' || event === 'request_contact') return 'review';
  return 'record_outcome';
}

/** Statuses still waiting on someone in the program. */
export const OPEN_STATUSES: readonly ReferralStatus[] = [
  'pending_review',
  'screened',
  'offered',
  'awaiting_prosecutor',
  'accepted',
];

import { mayRemoveForViolence } from '../access/policy.ts';
import type { Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';

/**
 * A participant's status (PRODUCT.md steps 5 and 7): in intake once a case manager starts it,
 * enrolled when intake completes with a signed release, exited with a reason, and enrolled again on
 * re-entry. This file is the one place a participant's status changes; every step it returns is
 * written as a participant_status_events row, and an exit clears nothing else (history stays).
 */
export const PARTICIPANT_STATUSES = ['intake', 'enrolled', 'exited'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Why someone leaves the program (PRODUCT.md step 7). */
export const EXIT_REASONS = [
  'goals_met',
  'voluntary',
  'moved',
  'deceased',
  'no_contact_past_limit',
  /** Violence or threats toward staff: only a program manager may record it. */
  'removed_for_violence',
  /** Only the site's missed-appointments policy exits for this reason, never a person by hand. */
  'missed_appointments',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** The exit reasons a member of the care team may choose by hand (the policy's own is not one). */
export const CHOSEN_EXIT_REASONS = [
  'goals_met',
  'voluntary',
  'moved',
  'deceased',
  'no_contact_past_limit',
  'removed_for_violence',
] as const satisfies readonly ExitReason[];

/**
 * The one rule for new work on a participant (a release, a case manager, a service referral, an
 * appointment, a new intake): none once they exit; re-entry comes first. `before` says what the
 * caller was about to do, e.g. "referring them".
 */
export function requireInProgram(status: ParticipantStatus, before: string): void {
  if (status === 'exited')
    throw new DomainError(
      'PARTICIPANT_EXITED',
      `This person has exited the program; re-enter them from their participant page before ${before}.`,
    );
}

export type ParticipantEvent =
  | { type: 'start_intake' }
  | { type: 'enrol' }
  | { type: 'exit'; reason: ExitReason; note?: string | null | undefined }
  | { type: 're_enter'; note?: string | null | undefined };

/** Who causes the step: a staff member with their roles at the site, or a site policy. */
export type ParticipantActor = { kind: 'staff'; roles: readonly Role[] } | { kind: 'site_policy' };

/** One recorded step, as a participant_status_events row holds it. */
export type ParticipantStep = {
  event: 'intake_started' | 'enrolled' | 'exited' | 're_entered';
  from: ParticipantStatus | null;
  to: ParticipantStatus;
  exitReason: ExitReason | null;
  /** The free-text note given with the step, if any. */
  reason: string | null;
};

const MOST_NOTE_CHARACTERS = 500;

function invalid(from: ParticipantStatus | null, event: ParticipantEvent['type']): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    `A participant who is ${from ?? 'new'} cannot take "${event}".`,
    { from, event },
  );
}

function cleanNote(note: string | null | undefined): string | null {
  if (note === null || note === undefined) return null;
  const trimmed = note.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > MOST_NOTE_CHARACTERS)
    throw new DomainError('VALIDATION_FAILED', `A note is at most ${MOST_NOTE_CHARACTERS} characters.`, {
      field: 'note',
    });
  return trimmed;
}

/**
 * The one transition function of a participant: the step `event` takes from `from` (null for a
 * person not yet a participant), or INVALID_TRANSITION; FORBIDDEN when `actor` may not choose that
 * exit reason (removed_for_violence needs a program manager; missed_appointments is the site
 * policy's alone).
 */
export function participantTransition(
  from: ParticipantStatus | null,
  event: ParticipantEvent,
  actor: ParticipantActor,
): ParticipantStep {
  switch (event.type) {
    case 'start_intake':
      if (from !== null) throw invalid(from, event.type);
      return { event: 'intake_started', from, to: 'intake', exitReason: null, reason: null };
    case 'enrol':
      if (from !== 'intake') throw invalid(from, event.type);
      return { event: 'enrolled', from, to: 'enrolled', exitReason: null, reason: null };
    case 'exit': {
      if (from !== 'intake' && from !== 'enrolled') throw invalid(from, event.type);
      if (!EXIT_REASONS.includes(event.reason))
        throw new DomainError('VALIDATION_FAILED', 'Choose an exit reason.', { field: 'reason' });
      if (!mayExitFor(actor, event.reason))
        throw new DomainError(
          'FORBIDDEN',
          event.reason === 'removed_for_violence'
            ? 'Only a program manager may exit someone for violence or threats toward staff.'
            : 'Only the site policy exits someone for missed appointments.',
          { reason: event.reason },
        );
      return { event: 'exited', from, to: 'exited', exitReason: event.reason, reason: cleanNote(event.note) };
    }
    case 're_enter':
      if (from !== 'exited') throw invalid(from, event.type);
      return { event: 're_entered', from, to: 'enrolled', exitReason: null, reason: cleanNote(event.note) };
  }
}

/** Whether `actor` may exit someone for `reason` (the UI offers only these). */
export function mayExitFor(actor: ParticipantActor, reason: ExitReason): boolean {
  if (reason === 'missed_appointments') return actor.kind === 'site_policy';
  if (actor.kind === 'site_policy') return false;
  if (reason === 'removed_for_violence') return mayRemoveForViolence(actor.roles);
  return true;
}

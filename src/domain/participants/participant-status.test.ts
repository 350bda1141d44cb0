import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  CHOSEN_EXIT_REASONS,
  EXIT_REASONS,
  type ParticipantActor,
  participantTransition,
} from './participant-status.ts';

const caseManager: ParticipantActor = { kind: 'staff', roles: ['case_manager'] };
const programManager: ParticipantActor = { kind: 'staff', roles: ['program_manager'] };
const sitePolicy: ParticipantActor = { kind: 'site_policy' };

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('participantTransition', () => {
  it('starts intake for a new participant, then enrols', () => {
    expect(participantTransition(null, { type: 'start_intake' }, caseManager)).toEqual({
      event: 'intake_started',
      from: null,
      to: 'intake',
      exitReason: null,
      reason: null,
    });
    expect(participantTransition('intake', { type: 'enrol' }, caseManager)).toMatchObject({
      event: 'enrolled',
      from: 'intake',
      to: 'enrolled',
    });
  });

  it('refuses to start intake twice or enrol someone not in intake', () => {
    expect(codeOf(() => participantTransition('intake', { type: 'start_intake' }, caseManager))).toBe(
      'INVALID_TRANSITION',
    );
    expect(codeOf(() => participantTransition('enrolled', { type: 'enrol' }, caseManager))).toBe(
      'INVALID_TRANSITION',
    );
    expect(codeOf(() => participantTransition(null, { type: 'enrol' }, caseManager))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it.each(CHOSEN_EXIT_REASONS.filter((reason) => reason !== 'removed_for_violence'))(
    'lets the care team exit an enrolled participant for %s, keeping the note',
    (reason) => {
      expect(
        participantTransition('enrolled', { type: 'exit', reason, note: '  said goodbye  ' }, caseManager),
      ).toEqual({
        event: 'exited',
        from: 'enrolled',
        to: 'exited',
        exitReason: reason,
        reason: 'said goodbye',
      });
    },
  );

  it('exits someone still in intake', () => {
    expect(participantTransition('intake', { type: 'exit', reason: 'moved' }, caseManager).to).toBe('exited');
  });

  it('lets only a program manager exit for violence or threats toward staff', () => {
    const event = { type: 'exit', reason: 'removed_for_violence' } as const;
    expect(codeOf(() => participantTransition('enrolled', event, caseManager))).toBe('FORBIDDEN');
    expect(
      codeOf(() =>
        participantTransition('enrolled', event, { kind: 'staff', roles: ['outreach', 'peer_support'] }),
      ),
    ).toBe('FORBIDDEN');
    expect(participantTransition('enrolled', event, programManager).exitReason).toBe('removed_for_violence');
    expect(codeOf(() => participantTransition('enrolled', event, sitePolicy))).toBe('FORBIDDEN');
  });

  it('keeps missed_appointments to the site policy', () => {
    const event = { type: 'exit', reason: 'missed_appointments' } as const;
    expect(codeOf(() => participantTransition('enrolled', event, programManager))).toBe('FORBIDDEN');
    expect(participantTransition('enrolled', event, sitePolicy)).toMatchObject({
      to: 'exited',
      exitReason: 'missed_appointments',
    });
    expect(EXIT_REASONS).toContain('missed_appointments');
    expect(CHOSEN_EXIT_REASONS).not.toContain('missed_appointments');
  });

  it('does not exit twice, and re-enters only from exited', () => {
    expect(
      codeOf(() => participantTransition('exited', { type: 'exit', reason: 'moved' }, caseManager)),
    ).toBe('INVALID_TRANSITION');
    expect(codeOf(() => participantTransition('enrolled', { type: 're_enter' }, caseManager))).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      participantTransition('exited', { type: 're_enter', note: 'back from out of state' }, caseManager),
    ).toEqual({
      event: 're_entered',
      from: 'exited',
      to: 'enrolled',
      exitReason: null,
      reason: 'back from out of state',
    });
  });

  it('refuses an unknown reason and a note over 500 characters', () => {
    expect(
      codeOf(() =>
        participantTransition('enrolled', { type: 'exit', reason: 'bored' as 'moved' }, caseManager),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        participantTransition(
          'enrolled',
          { type: 'exit', reason: 'moved', note: 'x'.repeat(501) },
          caseManager,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});

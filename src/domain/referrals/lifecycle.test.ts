import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  awaitsIntake,
  canApply,
  intakeDeadlinePassed,
  REFERRAL_STATUSES,
  type ReferralEvent,
  type ReferralFacts,
  type ReferralStatus,
  reachesAcceptance,
  statusWithoutEnrolment,
  transition,
  transitions,
} from './lifecycle.ts';

const eligibleArrest: ReferralFacts = {
  screening: 'eligible',
  pathway: 'arrest_diversion',
  prosecutorApprovalRequired: false,
};

function rejects(from: ReferralStatus | null, event: ReferralEvent, facts: ReferralFacts = eligibleArrest) {
  try {
    transition(from, event, facts);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_TRANSITION');
    return;
  }
  throw new Error(`expected ${event.type} from ${from} to be refused`);
}

describe('the referral lifecycle', () => {
  it('takes an eligible person from screened to accepted', () => {
    expect(
      transitions(null, [{ type: 'screen' }, { type: 'offer' }, { type: 'accept' }], eligibleArrest).map(
        (step) => step.to,
      ),
    ).toEqual(['screened', 'offered', 'accepted']);
  });

  it('waits for the prosecutor on arrest diversions where the site asks for it, and only there', () => {
    const facts = { ...eligibleArrest, prosecutorApprovalRequired: true };
    expect(transition('offered', { type: 'accept' }, facts).to).toBe('awaiting_prosecutor');
    expect(transition('offered', { type: 'accept' }, { ...facts, pathway: 'social_contact' }).to).toBe(
      'accepted',
    );
    expect(transition('awaiting_prosecutor', { type: 'prosecutor_approve' }, facts).to).toBe('accepted');
    expect(
      transition('awaiting_prosecutor', { type: 'prosecutor_reject', reason: 'pending charges' }, facts),
    ).toEqual({
      from: 'awaiting_prosecutor',
      to: 'prosecutor_rejected',
      reason: 'pending charges',
    });
  });

  it('records a decline with its reason', () => {
    expect(transition('offered', { type: 'decline', reason: 'not ready' }, eligibleArrest)).toEqual({
      from: 'offered',
      to: 'declined',
      reason: 'not ready',
    });
  });

  it('never offers LEAD to someone screened ineligible or not fully screened', () => {
    rejects('screened', { type: 'offer' }, { ...eligibleArrest, screening: 'ineligible' });
    rejects('screened', { type: 'offer' }, { ...eligibleArrest, screening: 'needs_information' });
  });

  it('counts "wanted to refer but could not" as not offered: ineligible', () => {
    const facts = { ...eligibleArrest, screening: 'ineligible' as const };
    expect(transition('screened', { type: 'not_offer', reason: 'ineligible' }, facts)).toMatchObject({
      to: 'not_offered',
      reason: 'ineligible',
    });
    rejects('screened', { type: 'not_offer', reason: 'ineligible' }, eligibleArrest);
  });

  it('needs a reason for officer discretion', () => {
    rejects('screened', { type: 'not_offer', reason: 'officer_discretion' });
    expect(
      transition(
        'screened',
        { type: 'not_offer', reason: 'officer_discretion', note: 'person left' },
        eligibleArrest,
      ).reason,
    ).toBe('officer_discretion: person left');
  });

  it.each([
    ['offered', { type: 'screen' }],
    ['screened', { type: 'accept' }],
    ['accepted', { type: 'decline', reason: 'x' }],
    ['declined', { type: 'accept' }],
    ['not_offered', { type: 'offer' }],
    ['accepted', { type: 'prosecutor_approve' }],
    ['screened', { type: 'close', reason: 'x' }],
  ] as const)('refuses from %s: %o', (from, event) => {
    rejects(from, event as ReferralEvent);
  });

  it('lets the program screen or close a pending community request', () => {
    expect(transition('pending_review', { type: 'screen' }, eligibleArrest).to).toBe('screened');
    expect(
      transition('pending_review', { type: 'close', reason: 'could not reach' }, eligibleArrest).to,
    ).toBe('closed');
  });
});

describe('the intake deadline', () => {
  it('moves an accepted referral to "no intake by deadline", with the reason', () => {
    expect(transition('accepted', { type: 'intake_deadline_passed' }, eligibleArrest)).toEqual({
      from: 'accepted',
      to: 'no_intake_by_deadline',
      reason: 'deadline passed',
    });
  });

  it.each(REFERRAL_STATUSES.filter((status) => status !== 'accepted'))(
    'leaves a referral that is %s alone',
    (from) => {
      rejects(from, { type: 'intake_deadline_passed' });
    },
  );

  it('starts with acceptance, whichever way it came', () => {
    const approval = { ...eligibleArrest, prosecutorApprovalRequired: true };
    expect(
      reachesAcceptance(transitions('screened', [{ type: 'offer' }, { type: 'accept' }], eligibleArrest)),
    ).toBe(true);
    expect(
      reachesAcceptance(transitions('screened', [{ type: 'offer' }, { type: 'accept' }], approval)),
    ).toBe(false);
    expect(
      reachesAcceptance([transition('awaiting_prosecutor', { type: 'prosecutor_approve' }, approval)]),
    ).toBe(true);
    expect(reachesAcceptance([transition('screened', { type: 'offer' }, eligibleArrest)])).toBe(false);
    expect(reachesAcceptance([])).toBe(false);
  });

  it('lets the prosecutor decide only once it has passed', () => {
    expect(intakeDeadlinePassed('no_intake_by_deadline')).toBe(true);
    expect(intakeDeadlinePassed('accepted')).toBe(false);
  });
});

describe('completing the intake', () => {
  const social: ReferralFacts = { ...eligibleArrest, pathway: 'social_contact' };

  it('enrols an accepted referral', () => {
    expect(transition('accepted', { type: 'complete_intake' }, eligibleArrest)).toEqual({
      from: 'accepted',
      to: 'enrolled',
      reason: 'intake completed',
    });
  });

  it('enrols a late intake, except for an arrest diversion (its expiry went to the prosecutor)', () => {
    expect(transition('no_intake_by_deadline', { type: 'complete_intake' }, social).to).toBe('enrolled');
    rejects('no_intake_by_deadline', { type: 'complete_intake' }, eligibleArrest);
    expect(awaitsIntake('no_intake_by_deadline', social)).toBe(true);
    expect(awaitsIntake('no_intake_by_deadline', eligibleArrest)).toBe(false);
  });

  it.each(REFERRAL_STATUSES.filter((status) => status !== 'accepted' && status !== 'no_intake_by_deadline'))(
    'does not enrol a referral that is %s',
    (from) => {
      rejects(from, { type: 'complete_intake' }, social);
    },
  );

  it('never lets the deadline expire an enrolled referral', () => {
    rejects('enrolled', { type: 'intake_deadline_passed' });
  });

  it('shows an enrolled referral as accepted to someone no release allows to know', () => {
    expect(statusWithoutEnrolment('enrolled')).toBe('accepted');
    expect(statusWithoutEnrolment('declined')).toBe('declined');
  });
});

describe('canApply', () => {
  it('answers without throwing what transition would allow', () => {
    expect(canApply('screened', { type: 'offer' }, eligibleArrest)).toBe(true);
    expect(canApply('screened', { type: 'offer' }, { ...eligibleArrest, screening: 'ineligible' })).toBe(
      false,
    );
    expect(
      canApply('offered', { type: 'not_offer', reason: 'officer_discretion', note: 'x' }, eligibleArrest),
    ).toBe(false);
  });
});

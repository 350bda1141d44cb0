import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_DEADLINE_DAYS, intakeDeadline } from './intake-deadline.ts';

describe('intakeDeadline', () => {
  const acceptedAt = new Date('2026-05-01T12:00:00Z');

  it('gives an arrest diversion 30 days and the other pathways 14 by default', () => {
    expect(intakeDeadline(acceptedAt, 'arrest_diversion', DEFAULT_INTAKE_DEADLINE_DAYS)).toEqual(
      new Date('2026-05-31T12:00:00Z'),
    );
    for (const pathway of ['social_contact', 'community_referral', 'self_referral'] as const) {
      expect(intakeDeadline(acceptedAt, pathway, DEFAULT_INTAKE_DEADLINE_DAYS)).toEqual(
        new Date('2026-05-15T12:00:00Z'),
      );
    }
  });

  it("follows the site's own lengths", () => {
    const days = { ...DEFAULT_INTAKE_DEADLINE_DAYS, social_contact: 21 };
    expect(intakeDeadline(acceptedAt, 'social_contact', days)).toEqual(new Date('2026-05-22T12:00:00Z'));
  });
});

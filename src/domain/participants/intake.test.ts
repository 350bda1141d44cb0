import { describe, expect, it } from 'vitest';
import { dateInZone, mayCompleteIntake, releaseDefaults } from './intake.ts';

describe('completing an intake', () => {
  it('needs a release in force today: none, revoked or expired ones do not count', () => {
    expect(mayCompleteIntake([], '2026-05-01')).toBe(false);
    expect(
      mayCompleteIntake([{ expiresOn: null, revokedAt: new Date('2026-05-01T10:00:00Z') }], '2026-05-01'),
    ).toBe(false);
    expect(mayCompleteIntake([{ expiresOn: '2026-04-30', revokedAt: null }], '2026-05-01')).toBe(false);
    expect(mayCompleteIntake([{ expiresOn: '2026-05-01', revokedAt: null }], '2026-05-01')).toBe(true);
    expect(mayCompleteIntake([{ expiresOn: null, revokedAt: null }], '2026-05-01')).toBe(true);
  });
});

describe('the date in a site', () => {
  it("is the site's calendar date, not UTC's", () => {
    const lateEvening = new Date('2026-05-02T02:30:00Z');
    expect(dateInZone(lateEvening, 'America/New_York')).toBe('2026-05-01');
    expect(dateInZone(lateEvening, 'UTC')).toBe('2026-05-02');
  });
});

describe('a new release form', () => {
  it('names the program as the one who may disclose, and says how to revoke', () => {
    const defaults = releaseDefaults('Demo City LEAD');
    expect(defaults.discloser).toBe('Demo City LEAD');
    expect(defaults.revocationTerms).toMatch(/revoke/);
  });
});

import { describe, expect, it } from 'vitest';
import { disclosableCategories, type ReleaseTerms, releaseInForce } from './release.ts';

const toDistrictAttorney: ReleaseTerms = {
  categories: ['enrolment_status', 'attendance'],
  recipients: [{ kind: 'district_attorney', organizationId: null, name: 'District Attorney, District 5' }],
  expiresOn: '2027-01-31',
  revokedAt: null,
};
const toClinic: ReleaseTerms = {
  categories: ['service_referrals', 'contact_information'],
  recipients: [{ kind: 'provider_organization', organizationId: 'org-clinic', name: 'Cape Fear Clinic' }],
  expiresOn: null,
  revokedAt: null,
};

describe('what a release allows', () => {
  it('gives a named recipient the categories of the releases that name them, and no one else anything', () => {
    const releases = [toDistrictAttorney, toClinic];
    expect([...disclosableCategories(releases, { kind: 'district_attorney' }, '2026-12-01')].sort()).toEqual([
      'attendance',
      'enrolment_status',
    ]);
    expect(disclosableCategories(releases, { kind: 'arresting_agency' }, '2026-12-01').size).toBe(0);
    expect([
      ...disclosableCategories(
        releases,
        { kind: 'provider_organization', organizationId: 'org-clinic' },
        '2026-12-01',
      ),
    ]).toEqual(['service_referrals', 'contact_information']);
    expect(
      disclosableCategories(
        releases,
        { kind: 'provider_organization', organizationId: 'org-other' },
        '2026-12-01',
      ).size,
    ).toBe(0);
  });

  it('is in force through its last day, and not the day after', () => {
    expect(releaseInForce(toDistrictAttorney, '2027-01-31')).toBe(true);
    expect(releaseInForce(toDistrictAttorney, '2027-02-01')).toBe(false);
    expect(
      disclosableCategories([toDistrictAttorney], { kind: 'district_attorney' }, '2027-02-01').size,
    ).toBe(0);
  });

  it('allows nothing once revoked', () => {
    const revoked = { ...toClinic, revokedAt: new Date('2026-12-01T10:00:00Z') };
    expect(releaseInForce(revoked, '2026-12-01')).toBe(false);
    expect(
      disclosableCategories(
        [revoked],
        { kind: 'provider_organization', organizationId: 'org-clinic' },
        '2026-12-01',
      ).size,
    ).toBe(0);
  });
});

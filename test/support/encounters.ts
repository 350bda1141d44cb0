import { randomBytes } from 'node:crypto';

/** A synthetic social-contact encounter that screens eligible under wilmington-2017, offered and accepted. */
export function eligibleEncounter(overrides: Record<string, unknown> = {}) {
  return {
    pathway: 'social_contact',
    occurredAt: '2026-05-01T02:10:00Z',
    area: 'Beat 4',
    person: { nameOrAlias: `Synthetic ${randomBytes(3).toString('hex')}` },
    perceivedDemographics: {
      race: ['black_african_american'],
      ethnicity: 'not_hispanic_latino',
      gender: ['woman'],
    },
    answers: {
      screenedOn: '2026-05-01',
      dateOfBirth: '1990-04-12',
      opioidDosageUnits: 12,
      involvedInDistribution: false,
      involvedInExploitationOfMinors: false,
      involvedInPromotingProstitution: false,
      onParoleOrProbation: false,
      violentCrimeDates: [],
      assaultChargeDates: [],
    },
    offer: { outcome: 'accepted' },
    ...overrides,
  };
}

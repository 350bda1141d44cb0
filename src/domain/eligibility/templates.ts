import type { Rule, RuleSet } from './rules.ts';

/**
 * The Wilmington, NC program's published criteria (seed 001): 18 or older, and none of the seven
 * disqualifiers, in the order the program lists them.
 */
const WILMINGTON_RULES: Rule[] = [
  { kind: 'minimum_age', code: 'AGE_UNDER_18', description: 'Under 18 years old', minimumYears: 18 },
  {
    kind: 'quantity_over_limit',
    code: 'OPIOID_UNITS_OVER_50',
    description: 'Possessing more than 50 dosage units of opioids',
    question: 'opioidDosageUnits',
    limit: 50,
  },
  {
    kind: 'yes_no_disqualifier',
    code: 'DISTRIBUTION',
    description: 'Involved in the distribution of drugs',
    question: 'involvedInDistribution',
  },
  {
    kind: 'yes_no_disqualifier',
    code: 'EXPLOITATION_OF_MINORS',
    description: 'Involved in the exploitation of minors',
    question: 'involvedInExploitationOfMinors',
  },
  {
    kind: 'yes_no_disqualifier',
    code: 'PROMOTING_PROSTITUTION',
    description: 'Involved in promoting prostitution or sex work',
    question: 'involvedInPromotingProstitution',
  },
  {
    kind: 'event_within_years',
    code: 'VIOLENT_CRIME_10Y',
    description: 'History of violent crime in the last 10 years',
    question: 'violentCrimeDates',
    years: 10,
  },
  {
    kind: 'yes_no_disqualifier',
    code: 'PAROLE_OR_PROBATION',
    description: 'On parole or probation',
    question: 'onParoleOrProbation',
  },
  {
    kind: 'event_within_years',
    code: 'ASSAULT_CHARGE_5Y',
    description:
      'Charged with assault on a female, on an officer, or with a deadly weapon in the last 5 years',
    question: 'assaultChargeDates',
    years: 5,
  },
];

export const WILMINGTON_2017: RuleSet = { name: 'wilmington-2017', version: 1, rules: WILMINGTON_RULES };

// The Duke evaluation (seed 003, V.b): "the program should be available to those who are on
// supervised probation".
export const INCLUSIVE_2023: RuleSet = {
  name: 'inclusive-2023',
  version: 1,
  rules: WILMINGTON_RULES.filter((rule) => rule.code !== 'PAROLE_OR_PROBATION'),
};

/** Rule-set templates a site starts from, by name. */
export const RULE_SET_TEMPLATES: Record<string, RuleSet> = {
  'wilmington-2017': WILMINGTON_2017,
  'inclusive-2023': INCLUSIVE_2023,
};

import { describe, expect, it } from 'vitest';
import { evaluateScreening } from './evaluate.ts';
import type { ScreeningAnswers } from './rules.ts';
import { INCLUSIVE_2023, WILMINGTON_2017 } from './templates.ts';

const wilmington = WILMINGTON_2017;
const inclusive = INCLUSIVE_2023;

/** Everything answered, nothing disqualifying. */
const clean: ScreeningAnswers = {
  screenedOn: '2026-05-01',
  dateOfBirth: '1990-04-12',
  opioidDosageUnits: 12,
  involvedInDistribution: false,
  involvedInExploitationOfMinors: false,
  involvedInPromotingProstitution: false,
  onParoleOrProbation: false,
  violentCrimeDates: [],
  assaultChargeDates: [],
};

const outcomeOf = (answers: Partial<ScreeningAnswers>, code: string) =>
  evaluateScreening(wilmington, { ...clean, ...answers }).rules.find((rule) => rule.code === code)?.outcome;

describe('the wilmington-2017 template', () => {
  it('has the seed criteria in order', () => {
    expect(wilmington.rules.map((rule) => rule.code)).toEqual([
      'AGE_UNDER_18',
      'OPIOID_UNITS_OVER_50',
      'DISTRIBUTION',
      'EXPLOITATION_OF_MINORS',
      'PROMOTING_PROSTITUTION',
      'VIOLENT_CRIME_10Y',
      'PAROLE_OR_PROBATION',
      'ASSAULT_CHARGE_5Y',
    ]);
  });

  it('inclusive-2023 is the same without parole or probation', () => {
    expect(inclusive.rules.map((rule) => rule.code)).toEqual(
      wilmington.rules.map((rule) => rule.code).filter((code) => code !== 'PAROLE_OR_PROBATION'),
    );
    expect(evaluateScreening(inclusive, { ...clean, onParoleOrProbation: true }).status).toBe('eligible');
    expect(evaluateScreening(wilmington, { ...clean, onParoleOrProbation: true }).status).toBe('ineligible');
  });

  it('finds a person with nothing disqualifying eligible', () => {
    expect(evaluateScreening(wilmington, clean)).toEqual({
      status: 'eligible',
      eligible: true,
      decidedBy: [],
      rules: wilmington.rules.map((rule) => ({ code: rule.code, outcome: 'pass' })),
      ruleSet: { name: 'wilmington-2017', version: 1 },
    });
  });
});

describe('boundaries', () => {
  it.each([
    ['the day before the 18th birthday', { dateOfBirth: '2008-05-02' }, 'fail'],
    ['the 18th birthday', { dateOfBirth: '2008-05-01' }, 'pass'],
    [
      '29 February birth, 28 February of a common year',
      { screenedOn: '2026-02-28', dateOfBirth: '2008-02-29' },
      'fail',
    ],
    [
      '29 February birth, 1 March of a common year',
      { screenedOn: '2026-03-01', dateOfBirth: '2008-02-29' },
      'pass',
    ],
    ['a stated age of 17', { dateOfBirth: undefined, age: 17 }, 'fail'],
    ['a stated age of 18', { dateOfBirth: undefined, age: 18 }, 'pass'],
    ['a date of birth wins over a stated age', { dateOfBirth: '2010-01-01', age: 30 }, 'fail'],
    ['no age and no date of birth', { dateOfBirth: undefined, age: undefined }, 'unknown'],
  ] as const)('age: %s', (_, answers, outcome) => {
    expect(outcomeOf(answers, 'AGE_UNDER_18')).toBe(outcome);
  });

  it.each([
    [50, 'pass'],
    [51, 'fail'],
    [0, 'pass'],
    [null, 'unknown'],
  ] as const)('opioid dosage units %s', (units, outcome) => {
    expect(outcomeOf({ opioidDosageUnits: units }, 'OPIOID_UNITS_OVER_50')).toBe(outcome);
  });

  it.each([
    ['exactly 10 years before', ['2016-05-01'], 'fail'],
    ['one day more than 10 years before', ['2016-04-30'], 'pass'],
    ['the screening date itself', ['2026-05-01'], 'fail'],
    ['one old and one recent', ['2001-01-01', '2020-06-01'], 'fail'],
    ['none', [], 'pass'],
    ['not asked', null, 'unknown'],
  ] as const)('violent crime: %s', (_, dates, outcome) => {
    expect(outcomeOf({ violentCrimeDates: dates === null ? null : [...dates] }, 'VIOLENT_CRIME_10Y')).toBe(
      outcome,
    );
  });

  it.each([
    ['exactly 5 years before', '2026-05-01', ['2021-05-01'], 'fail'],
    ['one day more than 5 years before', '2026-05-01', ['2021-04-30'], 'pass'],
    [
      'screened on 29 February: the same date 5 years earlier is 28 February',
      '2028-02-29',
      ['2023-02-28'],
      'fail',
    ],
    ['screened on 29 February: 27 February is outside', '2028-02-29', ['2023-02-27'], 'pass'],
  ] as const)('assault charge: %s', (_, screenedOn, dates, outcome) => {
    expect(outcomeOf({ screenedOn, assaultChargeDates: [...dates] }, 'ASSAULT_CHARGE_5Y')).toBe(outcome);
  });

  it.each([
    ['DISTRIBUTION', 'involvedInDistribution'],
    ['EXPLOITATION_OF_MINORS', 'involvedInExploitationOfMinors'],
    ['PROMOTING_PROSTITUTION', 'involvedInPromotingProstitution'],
    ['PAROLE_OR_PROBATION', 'onParoleOrProbation'],
  ] as const)('%s: yes fails, no passes, unanswered is unknown', (code, question) => {
    expect(outcomeOf({ [question]: true }, code)).toBe('fail');
    expect(outcomeOf({ [question]: false }, code)).toBe('pass');
    expect(outcomeOf({ [question]: null }, code)).toBe('unknown');
  });
});

describe('deciding', () => {
  it('an unanswered question makes the screening need information, never eligible', () => {
    const decision = evaluateScreening(wilmington, {
      ...clean,
      involvedInDistribution: undefined,
      violentCrimeDates: undefined,
    });
    expect(decision).toMatchObject({
      status: 'needs_information',
      eligible: false,
      decidedBy: ['DISTRIBUTION', 'VIOLENT_CRIME_10Y'],
    });
  });

  it('a failing rule makes it ineligible whatever else is missing, and every failing rule is reported in order', () => {
    const decision = evaluateScreening(wilmington, {
      screenedOn: '2026-05-01',
      age: 16,
      onParoleOrProbation: true,
      involvedInDistribution: true,
    });
    expect(decision).toMatchObject({
      status: 'ineligible',
      eligible: false,
      decidedBy: ['AGE_UNDER_18', 'DISTRIBUTION', 'PAROLE_OR_PROBATION'],
    });
    expect(decision.rules.filter((rule) => rule.outcome === 'unknown').map((rule) => rule.code)).toEqual([
      'OPIOID_UNITS_OVER_50',
      'EXPLOITATION_OF_MINORS',
      'PROMOTING_PROSTITUTION',
      'VIOLENT_CRIME_10Y',
      'ASSAULT_CHARGE_5Y',
    ]);
  });
});

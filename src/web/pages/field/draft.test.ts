import { describe, expect, it } from 'vitest';
import { WILMINGTON_2017 } from '../../../domain/eligibility/templates.ts';
import type { ScreeningConfiguration } from '../../offline/field-api.ts';
import {
  answersOf,
  type Draft,
  decide,
  newDraft,
  problemsAt,
  requestOf,
  screenRequestOf,
  stepsFor,
} from './draft.ts';

const configuration = {
  ruleSet: { ...WILMINGTON_2017, id: '00000000-0000-4000-8000-000000000001', createdAt: '2026-01-01' },
  charges: [{ code: 'POSS_PARA', statute: 'G.S. 90-113.22', description: 'Possess drug paraphernalia' }],
  prosecutorApprovalRequired: false,
} as ScreeningConfiguration;
const rules = configuration.ruleSet.rules;

function eligibleDraft(): Draft {
  return {
    ...newDraft('user', 'site', new Date(2026, 4, 1, 14, 30)),
    pathway: 'social_contact',
    nameOrAlias: 'Sam Synthetic',
    dateOfBirth: '1990-04-12',
    race: ['white'],
    ethnicityMissing: 'not_collected',
    genderMissing: 'doesnt_know',
    opioidDosageUnits: '3',
    yesNo: {
      involvedInDistribution: 'no',
      involvedInExploitationOfMinors: 'no',
      involvedInPromotingProstitution: 'no',
      onParoleOrProbation: 'no',
    },
    events: {
      violentCrimeDates: { answer: 'no', dates: [] },
      assaultChargeDates: { answer: 'no', dates: [] },
    },
    offer: 'accepted',
  };
}

describe('the screening form as data', () => {
  it('asks for the incident only on an arrest diversion, and the questions a few per page', () => {
    expect(stepsFor(eligibleDraft(), rules)).toEqual([
      'pathway',
      'person',
      'race',
      'ethnicity',
      'gender',
      'questions-1',
      'questions-2',
      'questions-3',
      'decision',
      'offer',
      'place',
    ]);
    expect(stepsFor({ ...eligibleDraft(), pathway: 'arrest_diversion' }, rules)).toContain('incident');
  });

  it('leaves out a question not asked, never sending it as "no"', () => {
    const draft = eligibleDraft();
    draft.yesNo.onParoleOrProbation = 'not_asked';
    draft.events.assaultChargeDates = { answer: 'not_asked', dates: [] };
    draft.opioidDosageUnits = '';
    const answers = answersOf(draft);
    expect(answers).not.toHaveProperty('onParoleOrProbation');
    expect(answers).not.toHaveProperty('assaultChargeDates');
    expect(answers).not.toHaveProperty('opioidDosageUnits');
    expect(answers.violentCrimeDates).toEqual([]);
    expect(decide(draft, configuration).status).toBe('needs_information');
  });

  it('builds the request of an eligible, accepted screening under the rule set it used', () => {
    const request = requestOf(eligibleDraft(), configuration);
    expect(request).toMatchObject({
      pathway: 'social_contact',
      person: { nameOrAlias: 'Sam Synthetic' },
      perceivedDemographics: {
        race: ['white'],
        ethnicityMissing: 'not_collected',
        genderMissing: 'doesnt_know',
      },
      ruleSetId: configuration.ruleSet.id,
      answers: { screenedOn: '2026-05-01', dateOfBirth: '1990-04-12', opioidDosageUnits: 3 },
      offer: { outcome: 'accepted' },
    });
    expect(request?.occurredAt).toMatch(/^2026-05-01T14:30:00[+-]\d{2}:\d{2}$/);
  });

  it('records an ineligible person as not offered: ineligible, whatever was chosen', () => {
    const draft = {
      ...eligibleDraft(),
      yesNo: { ...eligibleDraft().yesNo, onParoleOrProbation: 'yes' as const },
    };
    expect(decide(draft, configuration).decidedBy).toEqual(['PAROLE_OR_PROBATION']);
    expect(requestOf(draft, configuration)?.offer).toEqual({ outcome: 'not_offered', reason: 'ineligible' });
  });

  it('needs a note for officer discretion and a date for a "yes" look-back question', () => {
    expect(problemsAt('offer', { ...eligibleDraft(), offer: 'officer_discretion' }, rules)).toEqual([
      'problems.discretionNote',
    ]);
    const draft = eligibleDraft();
    draft.events.violentCrimeDates = { answer: 'yes', dates: [''] };
    expect(problemsAt('questions-2', draft, rules)).toEqual(['problems.eventDate']);
    expect(requestOf(draft, configuration)).toBeUndefined();
  });

  it('screens a request with its own steps: the age, not the pathway, name, incident or place', () => {
    expect(stepsFor(eligibleDraft(), rules, 'request')).toEqual([
      'age',
      'race',
      'ethnicity',
      'gender',
      'questions-1',
      'questions-2',
      'questions-3',
      'decision',
      'offer',
    ]);
    // The name is the request's: an empty one does not hold up the age step.
    expect(problemsAt('age', { ...eligibleDraft(), nameOrAlias: '' }, rules)).toEqual([]);
    expect(problemsAt('age', { ...eligibleDraft(), dateOfBirth: '2099-01-01' }, rules)).toEqual([
      'problems.dateOfBirthFuture',
    ]);
  });

  it("builds a request's screening, self-reported unless recorded as perceived", () => {
    const draft = { ...eligibleDraft(), pathway: undefined, occurredAt: '' };
    expect(screenRequestOf(draft, configuration)).toEqual({
      demographics: { race: ['white'], ethnicityMissing: 'not_collected', genderMissing: 'doesnt_know' },
      demographicsSource: 'self_reported',
      ruleSetId: configuration.ruleSet.id,
      answers: answersOf(draft),
      offer: { outcome: 'accepted' },
    });
    expect(
      screenRequestOf({ ...draft, demographicsSource: 'officer_perceived' }, configuration)
        ?.demographicsSource,
    ).toBe('officer_perceived');
    expect(screenRequestOf({ ...draft, race: [] }, configuration)).toBeUndefined();
  });
});

import { wholeYearsBetween, yearsBefore } from './calendar-date.ts';
import type { Rule, RuleOutcome, RuleSet, ScreeningAnswers } from './rules.ts';

export type ScreeningStatus = 'eligible' | 'ineligible' | 'needs_information';

export type ScreeningDecision = {
  status: ScreeningStatus;
  eligible: boolean;
  /** The rules that decided: every failing rule (ineligible), or every unknown one (needs information). */
  decidedBy: string[];
  rules: { code: string; outcome: RuleOutcome }[];
  ruleSet: { name: string; version: number };
};

function ageOn(answers: ScreeningAnswers): number | undefined {
  if (answers.dateOfBirth) return wholeYearsBetween(answers.dateOfBirth, answers.screenedOn);
  return answers.age ?? undefined;
}

/**
 * One rule's outcome. Semantics (also in the README):
 * - minimum age: whole years on the screening date, so a person is 18 on their 18th birthday;
 *   a date of birth wins over a stated age.
 * - quantity over a limit: fails only when strictly more than the limit.
 * - within the last N years: an event on or after the same calendar date N years before the
 *   screening date counts (29 February maps to 28 February).
 * - a question not answered makes the rule unknown.
 */
export function evaluateRule(rule: Rule, answers: ScreeningAnswers): RuleOutcome {
  switch (rule.kind) {
    case 'minimum_age': {
      const age = ageOn(answers);
      if (age === undefined) return 'unknown';
      return age < rule.minimumYears ? 'fail' : 'pass';
    }
    case 'quantity_over_limit': {
      const quantity = answers[rule.question];
      if (quantity === undefined || quantity === null) return 'unknown';
      return quantity > rule.limit ? 'fail' : 'pass';
    }
    case 'yes_no_disqualifier': {
      const answer = answers[rule.question];
      if (answer === undefined || answer === null) return 'unknown';
      return answer ? 'fail' : 'pass';
    }
    case 'event_within_years': {
      const dates = answers[rule.question];
      if (dates === undefined || dates === null) return 'unknown';
      const since = yearsBefore(answers.screenedOn, rule.years);
      return dates.some((date) => date >= since && date <= answers.screenedOn) ? 'fail' : 'pass';
    }
  }
}

/**
 * Decides a screening under a rule set. Any failing rule makes it ineligible whatever else is
 * missing; otherwise any unknown rule makes it "needs information", never eligible.
 */
export function evaluateScreening(ruleSet: RuleSet, answers: ScreeningAnswers): ScreeningDecision {
  const rules = ruleSet.rules.map((rule) => ({ code: rule.code, outcome: evaluateRule(rule, answers) }));
  const failing = rules.filter((rule) => rule.outcome === 'fail').map((rule) => rule.code);
  const unknown = rules.filter((rule) => rule.outcome === 'unknown').map((rule) => rule.code);
  const status: ScreeningStatus =
    failing.length > 0 ? 'ineligible' : unknown.length > 0 ? 'needs_information' : 'eligible';
  return {
    status,
    eligible: status === 'eligible',
    decidedBy: status === 'ineligible' ? failing : status === 'needs_information' ? unknown : [],
    rules,
    ruleSet: { name: ruleSet.name, version: ruleSet.version },
  };
}

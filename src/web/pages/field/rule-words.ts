// Rules in plain words, in the officer's language, from their kind and question (the rule set's
// own descriptions are the program manager's, in one language).
import type { TFunction } from 'i18next';
import type { Rule } from '../../../domain/eligibility/rules.ts';

/** Why a failing rule excludes the person: "On parole or probation". */
export function failingRuleWords(t: TFunction<'field'>, rule: Rule): string {
  switch (rule.kind) {
    case 'minimum_age':
      return t('rules.minimum_age', { years: rule.minimumYears });
    case 'quantity_over_limit':
      return t('rules.opioidDosageUnits', { limit: rule.limit });
    case 'yes_no_disqualifier':
      return t(`rules.${rule.question}`);
    case 'event_within_years':
      return t(`rules.${rule.question}`, { years: rule.years });
  }
}

/** What is still to be asked for an unknown rule: "On parole or probation?". */
export function unansweredWords(t: TFunction<'field'>, rule: Rule): string {
  switch (rule.kind) {
    case 'minimum_age':
      return t('unanswered.minimum_age');
    case 'quantity_over_limit':
      return t('unanswered.opioidDosageUnits');
    case 'yes_no_disqualifier':
      return t(`unanswered.${rule.question}`);
    case 'event_within_years':
      return t(`unanswered.${rule.question}`, { years: rule.years });
  }
}

// Rules in plain words, and the one number each kind lets a program manager change.
import type { TFunction } from 'i18next';
import type { Rule, RuleKind } from './rule-sets-api.ts';

export const RULE_KINDS: RuleKind[] = [
  'minimum_age',
  'quantity_over_limit',
  'yes_no_disqualifier',
  'event_within_years',
];

export const YES_NO_QUESTIONS = [
  'involvedInDistribution',
  'involvedInExploitationOfMinors',
  'involvedInPromotingProstitution',
  'onParoleOrProbation',
] as const;
export const EVENT_QUESTIONS = ['violentCrimeDates', 'assaultChargeDates'] as const;

/** The rule's number: its name (a translation key), value and allowed range; none for yes/no rules. */
export function ruleNumber(
  rule: Rule,
): { labelKey: string; value: number; min: number; max: number } | undefined {
  switch (rule.kind) {
    case 'minimum_age':
      return { labelKey: 'rules.number.minimumYears', value: rule.minimumYears, min: 0, max: 120 };
    case 'quantity_over_limit':
      return { labelKey: 'rules.number.limit', value: rule.limit, min: 0, max: 1_000_000 };
    case 'event_within_years':
      return { labelKey: 'rules.number.years', value: rule.years, min: 1, max: 100 };
    case 'yes_no_disqualifier':
      return undefined;
  }
}

export function withNumber(rule: Rule, value: number): Rule {
  switch (rule.kind) {
    case 'minimum_age':
      return { ...rule, minimumYears: value };
    case 'quantity_over_limit':
      return { ...rule, limit: value };
    case 'event_within_years':
      return { ...rule, years: value };
    case 'yes_no_disqualifier':
      return rule;
  }
}

/** What the rule does, in a sentence: "Not eligible if younger than 18." */
export function ruleInWords(rule: Rule, t: TFunction<'program'>): string {
  switch (rule.kind) {
    case 'minimum_age':
      return t('rules.words.minimum_age', { count: rule.minimumYears });
    case 'quantity_over_limit':
      return t('rules.words.quantity_over_limit', { count: rule.limit });
    case 'yes_no_disqualifier':
      return t('rules.words.yes_no_disqualifier', { question: t(`rules.questions.${rule.question}`) });
    case 'event_within_years':
      return t('rules.words.event_within_years', {
        count: rule.years,
        event: t(`rules.questions.${rule.question}`),
      });
  }
}

const CODE = /^[A-Z0-9_]{2,40}$/;

/** What is wrong with a rule set before saving (translation keys), or nothing. */
export function checkRules(rules: Rule[]): string | undefined {
  if (rules.length === 0) return 'rules.errors.empty';
  const codes = rules.map((rule) => rule.code);
  if (new Set(codes).size !== codes.length) return 'rules.errors.duplicateCode';
  for (const rule of rules) {
    if (!CODE.test(rule.code)) return 'rules.errors.code';
    const number = ruleNumber(rule);
    if (number && (!Number.isInteger(number.value) || number.value < number.min || number.value > number.max))
      return 'rules.errors.number';
  }
  return undefined;
}

export function isRuleCode(code: string): boolean {
  return CODE.test(code);
}

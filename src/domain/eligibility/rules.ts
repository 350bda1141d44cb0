import type { CalendarDate } from './calendar-date.ts';

/**
 * The questions an officer answers at screening. A question not answered (absent or null) is
 * unknown, never "no".
 */
export type ScreeningAnswers = {
  screenedOn: CalendarDate;
  dateOfBirth?: CalendarDate | null;
  age?: number | null;
  opioidDosageUnits?: number | null;
  involvedInDistribution?: boolean | null;
  involvedInExploitationOfMinors?: boolean | null;
  involvedInPromotingProstitution?: boolean | null;
  onParoleOrProbation?: boolean | null;
  violentCrimeDates?: CalendarDate[] | null;
  assaultChargeDates?: CalendarDate[] | null;
};

export type YesNoQuestion =
  | 'involvedInDistribution'
  | 'involvedInExploitationOfMinors'
  | 'involvedInPromotingProstitution'
  | 'onParoleOrProbation';
export type QuantityQuestion = 'opioidDosageUnits';
export type EventDatesQuestion = 'violentCrimeDates' | 'assaultChargeDates';

/**
 * A rule is data, of one of four kinds, so a program manager can edit a site's rules and an analyst
 * can re-run old screenings under another version. Each rule excludes: it fails when its
 * condition holds.
 */
export type Rule =
  | { kind: 'minimum_age'; code: string; description: string; minimumYears: number }
  | {
      kind: 'quantity_over_limit';
      code: string;
      description: string;
      question: QuantityQuestion;
      limit: number;
    }
  | { kind: 'yes_no_disqualifier'; code: string; description: string; question: YesNoQuestion }
  | {
      kind: 'event_within_years';
      code: string;
      description: string;
      question: EventDatesQuestion;
      years: number;
    };

export type RuleSet = { name: string; version: number; rules: Rule[] };

export type RuleOutcome = 'pass' | 'fail' | 'unknown';

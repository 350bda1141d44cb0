import { z } from 'zod';
import { isCalendarDate } from '../domain/eligibility/calendar-date.ts';

const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a real date, YYYY-MM-DD' });

/**
 * The screening questions, as `lead screen` and the API accept them. Unknown fields, impossible
 * dates and dates after the screening date are refused; a question left out is "not answered".
 */
export const screeningAnswers = z
  .strictObject({
    screenedOn: calendarDate,
    dateOfBirth: calendarDate.nullish(),
    age: z.number().int().min(0).max(120).nullish(),
    opioidDosageUnits: z.number().int().min(0).max(1_000_000).nullish(),
    involvedInDistribution: z.boolean().nullish(),
    involvedInExploitationOfMinors: z.boolean().nullish(),
    involvedInPromotingProstitution: z.boolean().nullish(),
    onParoleOrProbation: z.boolean().nullish(),
    violentCrimeDates: z.array(calendarDate).max(100).nullish(),
    assaultChargeDates: z.array(calendarDate).max(100).nullish(),
  })
  .superRefine((answers, context) => {
    const after = (date: string | null | undefined) => typeof date === 'string' && date > answers.screenedOn;
    if (after(answers.dateOfBirth)) {
      context.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'is after the screening date' });
    }
    for (const field of ['violentCrimeDates', 'assaultChargeDates'] as const) {
      (answers[field] ?? []).forEach((date, index) => {
        if (after(date))
          context.addIssue({ code: 'custom', path: [field, index], message: 'is after the screening date' });
      });
    }
  });

export type ScreeningAnswersInput = z.infer<typeof screeningAnswers>;

export const ruleOutcome = z.enum(['pass', 'fail', 'unknown']);

export const screeningDecision = z
  .object({
    status: z.enum(['eligible', 'ineligible', 'needs_information']),
    eligible: z.boolean(),
    decidedBy: z.array(z.string()),
    rules: z.array(z.object({ code: z.string(), outcome: ruleOutcome })),
    ruleSet: z.object({ name: z.string(), version: z.number().int() }),
  })
  .meta({ id: 'ScreeningDecision' });

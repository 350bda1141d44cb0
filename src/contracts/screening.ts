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

const ruleCode = z.string().regex(/^[A-Z0-9_]{2,40}$/, 'UPPER_SNAKE_CASE');
const description = z.string().trim().min(1).max(300);

/** A rule is data of one of four kinds (see src/domain/eligibility/rules.ts). */
export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('minimum_age'),
    code: ruleCode,
    description,
    minimumYears: z.number().int().min(0).max(120),
  }),
  z.strictObject({
    kind: z.literal('quantity_over_limit'),
    code: ruleCode,
    description,
    question: z.literal('opioidDosageUnits'),
    limit: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('yes_no_disqualifier'),
    code: ruleCode,
    description,
    question: z.enum([
      'involvedInDistribution',
      'involvedInExploitationOfMinors',
      'involvedInPromotingProstitution',
      'onParoleOrProbation',
    ]),
  }),
  z.strictObject({
    kind: z.literal('event_within_years'),
    code: ruleCode,
    description,
    question: z.enum(['violentCrimeDates', 'assaultChargeDates']),
    years: z.number().int().min(1).max(100),
  }),
]);

export const ruleSetResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    version: z.number().int(),
    rules: z.array(ruleSchema),
    createdAt: z.string(),
  })
  .meta({ id: 'RuleSet' });

export const screeningConfigurationResponse = z
  .object({
    ruleSet: ruleSetResponse,
    charges: z.array(z.object({ code: z.string(), statute: z.string(), description: z.string() })),
    prosecutorApprovalRequired: z.boolean(),
  })
  .meta({ id: 'ScreeningConfiguration' });

export const ruleSetListResponse = z.object({
  ruleSets: z.array(ruleSetResponse.extend({ current: z.boolean() })),
});

export const saveRuleSetRequest = z.union([
  z.strictObject({ rules: z.array(ruleSchema).min(1).max(50) }),
  z.strictObject({ template: z.string().min(1).max(64) }),
]);

export const ruleSetParams = z.strictObject({ siteId: z.uuid(), ruleSetId: z.uuid() });

export const whatIfResponse = z
  .object({
    ruleSet: z.object({ id: z.uuid(), name: z.string(), version: z.number().int() }),
    screenings: z.number().int(),
    unchanged: z.number().int(),
    changes: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
    failuresByRule: z.array(z.object({ code: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'WhatIf' });

export const screeningReportQuery = z.strictObject({
  by: z.enum(['pathway', 'race', 'ethnicity', 'gender']).default('pathway'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

const funnelRow = z.object({
  value: z.string(),
  screened: z.number().int(),
  eligible: z.number().int(),
  ineligible: z.number().int(),
  needsInformation: z.number().int(),
  offered: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  notOfferedIneligible: z.number().int(),
  notOfferedOther: z.number().int(),
});

export const screeningReportResponse = z
  .object({
    by: z.string(),
    demographicsSource: z.literal('officer_perceived'),
    from: z.string(),
    to: z.string(),
    rows: z.array(funnelRow),
    rules: z.array(
      z.object({
        code: z.string(),
        failed: z.number().int(),
        unknown: z.number().int(),
        passed: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ScreeningReport' });

const deadlineDays = z.number().int().min(1).max(365);

/** Days from acceptance to the intake deadline, per pathway. */
export const intakeDeadlineDaysSchema = z.strictObject({
  arrest_diversion: deadlineDays,
  social_contact: deadlineDays,
  community_referral: deadlineDays,
  self_referral: deadlineDays,
});

export const screeningSettingsRequest = z
  .strictObject({
    /** Some sites give the district attorney the final say on arrest diversions. */
    prosecutorApprovalRequired: z.boolean().optional(),
    intakeDeadlineDays: intakeDeadlineDaysSchema.partial().optional(),
  })
  .refine((body) => body.prosecutorApprovalRequired !== undefined || body.intakeDeadlineDays !== undefined, {
    message: 'change at least one setting',
  });

export const screeningSettingsResponse = z
  .object({ prosecutorApprovalRequired: z.boolean(), intakeDeadlineDays: intakeDeadlineDaysSchema })
  .meta({ id: 'ScreeningSettings' });

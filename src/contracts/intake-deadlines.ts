import { z } from 'zod';

/**
 * One arrest diversion as the prosecutor sees it (issue 4): the incident number, the referring
 * officer, the referral date, the intake deadline, whether and when the intake was completed, and
 * the decision recorded after an expired deadline. Nothing else: no name, no screening, no status.
 * `id` is an opaque key for recording the decision (incident numbers need not be unique).
 */
export const arrestDiversionDeadline = z
  .strictObject({
    id: z.uuid(),
    incidentNumber: z.string().nullable(),
    referringOfficer: z.string().nullable(),
    referralDate: z.string(),
    deadline: z.string(),
    intakeCompleted: z.boolean(),
    intakeCompletedOn: z.string().nullable(),
    decision: z.enum(['declined_to_file', 'filed']).nullable(),
  })
  .meta({ id: 'ArrestDiversionDeadline' });

export const arrestDiversionDeadlinesResponse = z.object({
  arrestDiversions: z.array(arrestDiversionDeadline),
});

export const arrestDiversionDeadlinesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const prosecutorDecisionRequest = z.strictObject({
  decision: z.enum(['declined_to_file', 'filed']),
});

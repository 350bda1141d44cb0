import { z } from 'zod';
import { roleSchema, siteParams } from './common.ts';

const settingsShape = {
  caseloadAveragePerFte: z.number().int().min(1).max(200),
  caseloadHardMax: z.number().int().min(1).max(500),
  engagementInactiveDays: z.number().int().min(1).max(3650),
  engagementInTheWindDays: z.number().int().min(2).max(3650),
};

export const caseManagementSettings = z.object(settingsShape).meta({ id: 'CaseManagementSettings' });
export const caseManagementSettingsRequest = z.strictObject(settingsShape);

export const staffParams = siteParams.extend({ staffId: z.uuid() });
export const staffFteRequest = z.strictObject({
  fte: z.number().gt(0).max(1).multipleOf(0.01).describe('Full-time equivalent, more than 0 and at most 1'),
});

export const staffCaseload = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    fte: z.number(),
    load: z.number().int(),
    /** The average per FTE scaled by this person's FTE. */
    target: z.number().int(),
    hardMax: z.number().int(),
    standing: z.enum(['under', 'at', 'over']),
  })
  .meta({ id: 'StaffCaseload' });

export const caseloadsResponse = z
  .object({ settings: caseManagementSettings, staff: z.array(staffCaseload), unassigned: z.number().int() })
  .meta({ id: 'Caseloads' });

export const assignCaseManagerRequest = z.strictObject({
  caseManagerId: z.uuid(),
  /** A program manager's reason for assigning past the hard maximum. */
  overrideReason: z.string().trim().min(1).max(500).optional(),
});

export const assignmentResponse = z
  .object({
    participantId: z.uuid(),
    caseManagerId: z.uuid(),
    previousCaseManagerId: z.uuid().nullable(),
    load: z.number().int(),
    hardMax: z.number().int(),
    overCap: z.boolean(),
    changed: z.boolean(),
  })
  .meta({ id: 'CaseManagerAssignment' });

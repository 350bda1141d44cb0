import { z } from 'zod';
import { roleSchema, siteParams } from './common.ts';

export const siteResponse = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    timezone: z.string(),
    myRoles: z.array(roleSchema),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Site' });

export const staffMember = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    locked: z.boolean(),
  })
  .meta({ id: 'StaffMember' });

export const staffListResponse = z.object({ staff: z.array(staffMember) });

export const staffMemberParams = siteParams.extend({ userId: z.uuid() });
export const staffRoleParams = staffMemberParams.extend({ role: roleSchema });

export const addStaffRequest = z.strictObject({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  initialPassword: z.string().min(1).max(1024).optional(),
});

export const auditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntry = z
  .object({
    seq: z.number(),
    occurredAt: z.string(),
    userId: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    resourceType: z.string().nullable(),
    resourceId: z.string().nullable(),
    outcome: z.enum(['success', 'failure', 'denied']),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditListResponse = z.object({ entries: z.array(auditEntry) });

import type { StoredAuditRow } from '../../db/repositories/audit-log.ts';
import type { StaffRow } from '../../db/repositories/memberships.ts';
import type { SiteRow } from '../../db/repositories/sites.ts';
import { permittedActions } from '../../domain/access/policy.ts';
import type { Role } from '../../domain/access/roles.ts';

export function presentSite(site: SiteRow, roles: Role[]) {
  return {
    id: site.id,
    slug: site.slug,
    name: site.name,
    timezone: site.timezone,
    myRoles: roles,
    actions: permittedActions(roles),
  };
}

export function presentStaffMember(member: StaffRow) {
  return {
    userId: member.userId,
    email: member.email,
    displayName: member.displayName,
    roles: [...member.roles].sort(),
    locked: member.lockedAt !== null,
  };
}

export function presentAuditRow(row: StoredAuditRow) {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    role: row.role,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    outcome: row.outcome,
    requestId: row.request_id,
  };
}

import { addStaffRole, getStaffMember, listStaff, removeStaffRole } from '../../app/sites/staff.ts';
import { emptyResponse, siteParams } from '../../contracts/common.ts';
import {
  addStaffRequest,
  auditListResponse,
  auditQuery,
  siteResponse,
  staffListResponse,
  staffMember,
  staffMemberParams,
  staffRoleParams,
} from '../../contracts/sites.ts';
import { findSiteAuditRows } from '../../db/repositories/audit-log.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import { DomainError } from '../../domain/errors.ts';
import { presentAuditRow, presentSite, presentStaffMember } from '../presenters/sites.ts';
import { defineRoute, type SiteContext } from '../route.ts';

function atSite(site: SiteContext | null): SiteContext {
  if (!site) throw new Error('a site route ran without a site');
  return site;
}

export const siteRoutes = [
  defineRoute({
    id: 'sites.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId',
    summary: 'A site, with your roles there and what they allow',
    tags: ['sites'],
    access: { kind: 'site', action: 'site:view' },
    params: siteParams,
    response: siteResponse,
    async handler({ tx, site }) {
      const current = atSite(site);
      const row = await findSiteById(tx, current.id);
      if (!row) throw new DomainError('NOT_FOUND', 'Not found.');
      return presentSite(row, current.roles);
    },
  }),
  defineRoute({
    id: 'sites.staff.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/staff',
    summary: "The site's staff and their roles",
    tags: ['sites'],
    access: { kind: 'site', action: 'staff:list' },
    params: siteParams,
    response: staffListResponse,
    async handler({ tx, site }) {
      return { staff: (await listStaff(tx, atSite(site).id)).map(presentStaffMember) };
    },
  }),
  defineRoute({
    id: 'sites.staff.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/staff/:userId',
    summary: 'One member of staff',
    tags: ['sites'],
    access: { kind: 'site', action: 'staff:view' },
    params: staffMemberParams,
    response: staffMember,
    async handler({ tx, site, params }) {
      return presentStaffMember(await getStaffMember(tx, atSite(site).id, params.userId));
    },
  }),
  defineRoute({
    id: 'sites.staff.add',
    method: 'POST',
    url: '/api/v1/sites/:siteId/staff',
    summary: 'Give a role at this site, creating the account if the e-mail is new',
    tags: ['sites'],
    access: { kind: 'site', action: 'staff:manage' },
    params: siteParams,
    body: addStaffRequest,
    response: staffMember,
    successStatus: 201,
    async handler({ tx, site, body, audit }) {
      const member = await addStaffRole(tx, atSite(site).id, body);
      await audit({
        action: 'staff.role_granted',
        resourceType: 'user',
        resourceId: member.userId,
        outcome: 'success',
      });
      return presentStaffMember(member);
    },
  }),
  defineRoute({
    id: 'sites.staff.remove_role',
    method: 'DELETE',
    url: '/api/v1/sites/:siteId/staff/:userId/roles/:role',
    summary: 'Take a role at this site away from someone',
    tags: ['sites'],
    access: { kind: 'site', action: 'staff:manage' },
    params: staffRoleParams,
    response: emptyResponse,
    async handler({ tx, site, params, audit }) {
      await removeStaffRole(tx, atSite(site).id, params.userId, params.role);
      await audit({
        action: 'staff.role_removed',
        resourceType: 'user',
        resourceId: params.userId,
        outcome: 'success',
      });
      return { ok: true as const };
    },
  }),
  defineRoute({
    id: 'sites.audit.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/audit',
    summary: 'The newest audit entries about this site (who accessed what); newest first',
    tags: ['sites'],
    access: { kind: 'site', action: 'audit:view' },
    params: siteParams,
    query: auditQuery,
    response: auditListResponse,
    async handler({ tx, site, query }) {
      const rows = await findSiteAuditRows(tx, atSite(site).id, query.before, query.limit);
      return { entries: rows.map(presentAuditRow) };
    },
  }),
];

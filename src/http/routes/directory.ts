import type { z } from 'zod';
import { hsdsDirectoryPage } from '../../app/directory/hsds-export.ts';
import { bundledHsdsValidator, validateDirectoryPage } from '../../app/directory/hsds-schemas.ts';
import { createOrganization, updateOrganization } from '../../app/directory/manage-organizations.ts';
import { createService, setCapacity, updateService } from '../../app/directory/manage-services.ts';
import { searchDirectory } from '../../app/directory/search-directory.ts';
import { setProviderOrganization } from '../../app/directory/set-provider-organization.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  capacityRequest,
  directoryOrganization,
  directoryQuery,
  directoryResponse,
  directoryService,
  hsdsPage,
  organizationParams,
  organizationRequest,
  organizationsResponse,
  organizationUpdate,
  providerOrganizationRequest,
  providerOrganizationResponse,
  serviceParams,
  serviceRequest,
  serviceUpdate,
  staffMemberParams,
} from '../../contracts/directory.ts';
import { loadDirectory } from '../../db/repositories/directory.ts';
import { findProviderOrganization } from '../../db/repositories/provider-organizations.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { directoryPresenter } from '../presenters/directory.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSite } from './context.ts';

async function presentOrganization(tx: Tx, siteId: string, organizationId: string) {
  const organization = directoryPresenter(await loadDirectory(tx, siteId)).organization(organizationId);
  if (!organization) throw new DomainError('NOT_FOUND', 'Not found.');
  return organization;
}

async function presentService(tx: Tx, siteId: string, serviceId: string) {
  const rows = await loadDirectory(tx, siteId);
  const service = rows.services.find((row) => row.id === serviceId);
  if (!service) throw new DomainError('NOT_FOUND', 'Not found.');
  return directoryPresenter(rows).service(service);
}

export const directoryRoutes = [
  defineRoute({
    id: 'directory.hsds.export',
    method: 'GET',
    url: '/api/v1/sites/:siteId/directory/hsds',
    summary:
      'The whole directory as Open Referral HSDS 3.0 JSON (one page of full organizations), schema-checked',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:manage' },
    params: siteParams,
    response: hsdsPage,
    async handler({ tx, site }) {
      const page = hsdsDirectoryPage(await loadDirectory(tx, requireSite(site).id));
      const problems = validateDirectoryPage(bundledHsdsValidator(), page as { contents: unknown[] });
      if (problems.length > 0)
        throw new Error(`HSDS export does not validate: ${problems.slice(0, 3).join('; ')}`);
      return page as z.input<typeof hsdsPage>;
    },
  }),
  defineRoute({
    id: 'directory.services.search',
    method: 'GET',
    url: '/api/v1/sites/:siteId/directory/services',
    summary: "Search the partner directory's services by words, need, language and capacity",
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:view' },
    params: siteParams,
    query: directoryQuery,
    response: directoryResponse,
    async handler({ tx, site, query }) {
      const { rows, matches } = await searchDirectory(tx, requireSite(site).id, query);
      const present = directoryPresenter(rows);
      return { services: matches.map(present.service) };
    },
  }),
  defineRoute({
    id: 'directory.organizations.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/directory/organizations',
    summary: 'The partner organizations, by name, with how many services each has',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:view' },
    params: siteParams,
    response: organizationsResponse,
    async handler({ tx, site }) {
      const rows = await loadDirectory(tx, requireSite(site).id);
      return {
        organizations: rows.organizations.map((organization) => ({
          id: organization.id,
          name: organization.name,
          services: rows.services.filter((service) => service.organization_id === organization.id).length,
        })),
      };
    },
  }),
  defineRoute({
    id: 'directory.organizations.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/directory/organizations/:organizationId',
    summary: 'One partner organization with its phones, locations and services',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:view' },
    params: organizationParams,
    response: directoryOrganization,
    async handler({ tx, site, params }) {
      return presentOrganization(tx, requireSite(site).id, params.organizationId);
    },
  }),
  defineRoute({
    id: 'directory.organizations.create',
    method: 'POST',
    url: '/api/v1/sites/:siteId/directory/organizations',
    summary: 'Add a partner organization to the directory',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:manage' },
    params: siteParams,
    body: organizationRequest,
    response: directoryOrganization,
    successStatus: 201,
    async handler({ tx, site, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const id = await createOrganization(tx, { siteId, now: deps.clock() }, body);
      await audit({
        action: 'directory.organization_created',
        resourceType: 'organization',
        resourceId: id,
        outcome: 'success',
      });
      return presentOrganization(tx, siteId, id);
    },
  }),
  defineRoute({
    id: 'directory.organizations.update',
    method: 'PATCH',
    url: '/api/v1/sites/:siteId/directory/organizations/:organizationId',
    summary: 'Edit a partner organization (fields left out stay as they are)',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:manage' },
    params: organizationParams,
    body: organizationUpdate,
    response: directoryOrganization,
    async handler({ tx, site, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      await updateOrganization(tx, { siteId, now: deps.clock() }, params.organizationId, body);
      await audit({
        action: 'directory.organization_updated',
        resourceType: 'organization',
        resourceId: params.organizationId,
        outcome: 'success',
      });
      return presentOrganization(tx, siteId, params.organizationId);
    },
  }),
  defineRoute({
    id: 'directory.services.create',
    method: 'POST',
    url: '/api/v1/sites/:siteId/directory/organizations/:organizationId/services',
    summary: 'Add a service to a partner organization: needs it meets, languages, hours, capacity',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:manage' },
    params: organizationParams,
    body: serviceRequest,
    response: directoryService,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const principal = principalOf(session, site);
      const id = await createService(
        tx,
        { siteId, now: deps.clock(), userId: principal.userId },
        params.organizationId,
        body,
      );
      await audit({
        action: 'directory.service_created',
        resourceType: 'service',
        resourceId: id,
        outcome: 'success',
      });
      return presentService(tx, siteId, id);
    },
  }),
  defineRoute({
    id: 'directory.services.update',
    method: 'PATCH',
    url: '/api/v1/sites/:siteId/directory/services/:serviceId',
    summary: 'Edit a service (fields left out stay as they are)',
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:manage' },
    params: serviceParams,
    body: serviceUpdate,
    response: directoryService,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const principal = principalOf(session, site);
      await updateService(
        tx,
        { siteId, now: deps.clock(), userId: principal.userId },
        params.serviceId,
        body,
      );
      await audit({
        action: 'directory.service_updated',
        resourceType: 'service',
        resourceId: params.serviceId,
        outcome: 'success',
      });
      return presentService(tx, siteId, params.serviceId);
    },
  }),
  defineRoute({
    id: 'directory.services.capacity',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/directory/services/:serviceId/capacity',
    summary:
      "Set whether a service takes people now (accepting, waitlist, full): a program manager, or the service's own provider",
    tags: ['directory'],
    access: { kind: 'site', action: 'directory:capacity' },
    params: serviceParams,
    body: capacityRequest,
    response: directoryService,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const principal = principalOf(session, site);
      await setCapacity(
        tx,
        { siteId, now: deps.clock(), userId: principal.userId, principal },
        params.serviceId,
        body.capacity,
      );
      await audit({
        action: 'directory.capacity_set',
        resourceType: 'service',
        resourceId: params.serviceId,
        outcome: 'success',
      });
      return presentService(tx, siteId, params.serviceId);
    },
  }),
  defineRoute({
    id: 'directory.provider_organization.set',
    method: 'PUT',
    url: '/api/v1/sites/:siteId/staff/:userId/provider-organization',
    summary: 'Say which partner organization a provider user works for (they see only its referrals)',
    tags: ['directory'],
    access: { kind: 'site', action: 'staff:manage' },
    params: staffMemberParams,
    body: providerOrganizationRequest,
    response: providerOrganizationResponse,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const link = await setProviderOrganization(
        tx,
        { siteId: requireSite(site).id, setBy: principal.userId, now: deps.clock() },
        params.userId,
        body.organizationId,
      );
      await audit({
        action: 'staff.provider_organization_set',
        resourceType: 'user',
        resourceId: params.userId,
        outcome: 'success',
      });
      return link;
    },
  }),
  defineRoute({
    id: 'provider.organization.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/provider/organization',
    summary: "A provider user's own organization with its services (to keep their capacity current)",
    tags: ['directory'],
    access: { kind: 'site', action: 'service_referrals:provider' },
    params: siteParams,
    response: directoryOrganization,
    async handler({ tx, site, session }) {
      const siteId = requireSite(site).id;
      const own = await findProviderOrganization(tx, siteId, principalOf(session, site).userId);
      if (!own) throw new DomainError('NOT_FOUND', 'Not found.');
      return presentOrganization(tx, siteId, own.organizationId);
    },
  }),
];

import type { ServiceRequest, ServiceUpdate } from '../../contracts/directory.ts';
import {
  findOrganization,
  findService,
  replaceLanguages,
  replacePhones,
  replaceSchedules,
  saveService,
  setServiceCapacity,
} from '../../db/repositories/directory.ts';
import { findProviderOrganization } from '../../db/repositories/provider-organizations.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { mayManageDirectoryService } from '../../domain/access/policy.ts';
import type { Capacity } from '../../domain/directory/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import { newHsdsId } from './hsds-import.ts';

type Context = { siteId: string; now: Date; userId: string };

/** Language names for the codes the form offers; other codes keep the code as the name. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  ht: 'Haitian Creole',
  vi: 'Vietnamese',
  zh: 'Chinese',
  ar: 'Arabic',
};

/** A program manager adds a service to an organization; answers its id. */
export async function createService(
  tx: Tx,
  context: Context,
  organizationId: string,
  request: ServiceRequest,
): Promise<string> {
  if (!(await findOrganization(tx, context.siteId, organizationId)))
    throw new DomainError('NOT_FOUND', 'Not found.');
  const id = newHsdsId();
  await saveService(
    tx,
    context.siteId,
    {
      id,
      organizationId,
      name: request.name,
      alternateName: null,
      description: request.description ?? null,
      email: request.email ?? null,
      url: request.url ?? null,
      status: request.status,
      categories: [...new Set(request.categories)],
      ...(request.capacity
        ? { capacity: { value: request.capacity, updatedAt: context.now, updatedBy: context.userId } }
        : {}),
      hsds: {},
    },
    context.now,
  );
  const owner = { kind: 'service' as const, id };
  if (request.phone)
    await replacePhones(tx, context.siteId, owner, [
      { id: newHsdsId(), number: request.phone, extension: null, type: 'voice', description: null, hsds: {} },
    ]);
  await replaceLanguages(
    tx,
    context.siteId,
    owner,
    [...new Set(request.languages)].map((code) => ({
      id: newHsdsId(),
      code,
      name: LANGUAGE_NAMES[code] ?? code,
      hsds: {},
    })),
  );
  if (request.hours)
    await replaceSchedules(tx, context.siteId, owner, [
      { id: newHsdsId(), description: request.hours, byday: null, opens_at: null, closes_at: null, hsds: {} },
    ]);
  return id;
}

/** A program manager edits a service; fields left out stay as they are. */
export async function updateService(tx: Tx, context: Context, serviceId: string, update: ServiceUpdate) {
  const current = await findService(tx, context.siteId, serviceId);
  if (!current) throw new DomainError('NOT_FOUND', 'Not found.');
  await saveService(
    tx,
    context.siteId,
    {
      id: serviceId,
      organizationId: current.organization_id,
      name: update.name ?? current.name,
      alternateName: current.alternate_name,
      description: update.description === undefined ? current.description : update.description,
      email: update.email === undefined ? current.email : update.email,
      url: update.url === undefined ? current.url : update.url,
      status: update.status ?? current.status,
      categories: update.categories ? [...new Set(update.categories)] : current.categories,
      hsds: current.hsds,
    },
    context.now,
  );
}

/**
 * Sets whether a service takes people now: a program manager for any service, a provider user for
 * their own organization's services only (any other is "not found").
 */
export async function setCapacity(
  tx: Tx,
  context: Context & { principal: Principal },
  serviceId: string,
  capacity: Capacity,
) {
  const service = await findService(tx, context.siteId, serviceId);
  if (!service) throw new DomainError('NOT_FOUND', 'Not found.');
  const own = await findProviderOrganization(tx, context.siteId, context.userId);
  if (
    !mayManageDirectoryService(
      context.principal,
      { organizationId: service.organization_id },
      own?.organizationId ?? null,
    )
  )
    throw new DomainError('NOT_FOUND', 'Not found.');
  await setServiceCapacity(tx, context.siteId, serviceId, {
    value: capacity,
    by: context.userId,
    at: context.now,
  });
}

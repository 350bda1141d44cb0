import type { OrganizationRequest, OrganizationUpdate } from '../../contracts/directory.ts';
import { findOrganization, replacePhones, saveOrganization } from '../../db/repositories/directory.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { newHsdsId } from './hsds-import.ts';

type Context = { siteId: string; now: Date };

/** A program manager adds a partner organization to the directory; answers its id. */
export async function createOrganization(
  tx: Tx,
  context: Context,
  request: OrganizationRequest,
): Promise<string> {
  const id = newHsdsId();
  await saveOrganization(
    tx,
    context.siteId,
    {
      id,
      name: request.name,
      alternateName: request.alternateName ?? null,
      description: request.description,
      email: request.email ?? null,
      website: request.website ?? null,
      hsds: {},
    },
    context.now,
  );
  if (request.phone)
    await replacePhones(tx, context.siteId, { kind: 'organization', id }, [
      { id: newHsdsId(), number: request.phone, extension: null, type: 'voice', description: null, hsds: {} },
    ]);
  return id;
}

/** A program manager edits an organization; fields left out stay as they are (HSDS extras too). */
export async function updateOrganization(
  tx: Tx,
  context: Context,
  organizationId: string,
  update: OrganizationUpdate,
): Promise<void> {
  const current = await findOrganization(tx, context.siteId, organizationId);
  if (!current) throw new DomainError('NOT_FOUND', 'Not found.');
  await saveOrganization(
    tx,
    context.siteId,
    {
      id: organizationId,
      name: update.name ?? current.name,
      alternateName: update.alternateName === undefined ? current.alternate_name : update.alternateName,
      description: update.description ?? current.description,
      email: update.email === undefined ? current.email : update.email,
      website: update.website === undefined ? current.website : update.website,
      hsds: current.hsds,
    },
    context.now,
  );
  if (update.phone !== undefined)
    await replacePhones(
      tx,
      context.siteId,
      { kind: 'organization', id: organizationId },
      update.phone === null
        ? []
        : [
            {
              id: newHsdsId(),
              number: update.phone,
              extension: null,
              type: 'voice',
              description: null,
              hsds: {},
            },
          ],
    );
}

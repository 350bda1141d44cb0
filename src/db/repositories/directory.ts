import type { Selectable } from 'kysely';
import type { Capacity, ServiceStatus } from '../../domain/directory/directory.ts';
import type {
  DirectoryLanguagesTable,
  DirectoryLocationsTable,
  DirectoryOrganizationsTable,
  DirectoryOwnerKind,
  DirectoryPhonesTable,
  DirectorySchedulesTable,
  DirectoryServiceLocationsTable,
  DirectoryServicesTable,
} from '../schema-directory.ts';
import type { Tx } from '../scope.ts';

type Json = Record<string, unknown>;

export type OrganizationRow = Selectable<DirectoryOrganizationsTable>;
export type ServiceRow = Selectable<DirectoryServicesTable>;
export type LocationRow = Selectable<DirectoryLocationsTable>;
export type ServiceLocationRow = Selectable<DirectoryServiceLocationsTable>;
export type PhoneRow = Selectable<DirectoryPhonesTable>;
export type LanguageRow = Selectable<DirectoryLanguagesTable>;
export type ScheduleRow = Selectable<DirectorySchedulesTable>;

/** jsonb goes in as text, so PGlite and pg store the same thing. */
const json = (value: Json) => JSON.stringify(value) as unknown as Json;

export type OrganizationFields = {
  id: string;
  name: string;
  alternateName: string | null;
  description: string;
  email: string | null;
  website: string | null;
  hsds: Json;
};

/** Creates the organization, or replaces the one with its id. */
export async function saveOrganization(tx: Tx, siteId: string, fields: OrganizationFields, now: Date) {
  const values = {
    name: fields.name,
    alternate_name: fields.alternateName,
    description: fields.description,
    email: fields.email,
    website: fields.website,
    hsds: json(fields.hsds),
    updated_at: now,
  };
  await tx
    .insertInto('directory_organizations')
    .values({ site_id: siteId, id: fields.id, ...values, created_at: now })
    .onConflict((conflict) => conflict.columns(['site_id', 'id']).doUpdateSet(values))
    .execute();
}

export type ServiceFields = {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  email: string | null;
  url: string | null;
  status: ServiceStatus;
  categories: string[];
  /** Left as it is when undefined (an import that says nothing about capacity). */
  capacity?: { value: Capacity; updatedAt: Date | null; updatedBy: string | null };
  hsds: Json;
};

/** Creates the service, or replaces the one with its id. */
export async function saveService(tx: Tx, siteId: string, fields: ServiceFields, now: Date) {
  const values = {
    organization_id: fields.organizationId,
    name: fields.name,
    alternate_name: fields.alternateName,
    description: fields.description,
    email: fields.email,
    url: fields.url,
    status: fields.status,
    categories: fields.categories,
    hsds: json(fields.hsds),
    updated_at: now,
    ...(fields.capacity
      ? {
          capacity: fields.capacity.value,
          capacity_updated_at: fields.capacity.updatedAt,
          capacity_updated_by: fields.capacity.updatedBy,
        }
      : {}),
  };
  await tx
    .insertInto('directory_services')
    .values({ site_id: siteId, id: fields.id, ...values, created_at: now })
    .onConflict((conflict) => conflict.columns(['site_id', 'id']).doUpdateSet(values))
    .execute();
}

export type LocationFields = {
  id: string;
  organizationId: string | null;
  name: string | null;
  address1: string | null;
  city: string | null;
  stateProvince: string | null;
  postalCode: string | null;
  hsds: Json;
};

/** Creates or replaces a location; a location met again without its organization keeps the one it had. */
export async function saveLocation(tx: Tx, siteId: string, fields: LocationFields, now: Date) {
  const values = {
    name: fields.name,
    address_1: fields.address1,
    city: fields.city,
    state_province: fields.stateProvince,
    postal_code: fields.postalCode,
    hsds: json(fields.hsds),
    updated_at: now,
  };
  await tx
    .insertInto('directory_locations')
    .values({
      site_id: siteId,
      id: fields.id,
      organization_id: fields.organizationId,
      ...values,
      created_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['site_id', 'id']).doUpdateSet((eb) => ({
        ...values,
        organization_id: eb.fn.coalesce('excluded.organization_id', 'directory_locations.organization_id'),
      })),
    )
    .execute();
}

export async function saveServiceLocation(
  tx: Tx,
  siteId: string,
  fields: { id: string; serviceId: string; locationId: string; hsds: Json },
) {
  const values = { service_id: fields.serviceId, location_id: fields.locationId, hsds: json(fields.hsds) };
  await tx
    .insertInto('directory_service_locations')
    .values({ site_id: siteId, id: fields.id, ...values })
    .onConflict((conflict) => conflict.columns(['site_id', 'id']).doUpdateSet(values))
    .execute();
}

export type Owner = { kind: DirectoryOwnerKind; id: string };

export async function replacePhones(
  tx: Tx,
  siteId: string,
  owner: Owner,
  phones: Omit<PhoneRow, 'site_id' | 'owner_kind' | 'owner_id' | 'position'>[],
) {
  await tx
    .deleteFrom('directory_phones')
    .where('site_id', '=', siteId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .execute();
  if (phones.length === 0) return;
  await tx
    .insertInto('directory_phones')
    .values(
      phones.map((phone, index) => ({
        ...phone,
        hsds: json(phone.hsds),
        site_id: siteId,
        owner_kind: owner.kind,
        owner_id: owner.id,
        position: index + 1,
      })),
    )
    .execute();
}

export async function replaceLanguages(
  tx: Tx,
  siteId: string,
  owner: Owner,
  languages: Omit<LanguageRow, 'site_id' | 'owner_kind' | 'owner_id' | 'position'>[],
) {
  await tx
    .deleteFrom('directory_languages')
    .where('site_id', '=', siteId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .execute();
  if (languages.length === 0) return;
  await tx
    .insertInto('directory_languages')
    .values(
      languages.map((language, index) => ({
        ...language,
        hsds: json(language.hsds),
        site_id: siteId,
        owner_kind: owner.kind,
        owner_id: owner.id,
        position: index + 1,
      })),
    )
    .execute();
}

export async function replaceSchedules(
  tx: Tx,
  siteId: string,
  owner: Owner,
  schedules: Omit<ScheduleRow, 'site_id' | 'owner_kind' | 'owner_id' | 'position'>[],
) {
  await tx
    .deleteFrom('directory_schedules')
    .where('site_id', '=', siteId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .execute();
  if (schedules.length === 0) return;
  await tx
    .insertInto('directory_schedules')
    .values(
      schedules.map((schedule, index) => ({
        ...schedule,
        hsds: json(schedule.hsds),
        site_id: siteId,
        owner_kind: owner.kind,
        owner_id: owner.id,
        position: index + 1,
      })),
    )
    .execute();
}

export async function organizationExists(tx: Tx, siteId: string, id: string): Promise<boolean> {
  const row = await tx
    .selectFrom('directory_organizations')
    .select('id')
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOrganization(tx: Tx, siteId: string, id: string) {
  return tx
    .selectFrom('directory_organizations')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findService(tx: Tx, siteId: string, id: string) {
  return tx
    .selectFrom('directory_services')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findLocation(tx: Tx, siteId: string, id: string) {
  return tx
    .selectFrom('directory_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setServiceCapacity(
  tx: Tx,
  siteId: string,
  serviceId: string,
  capacity: { value: Capacity; by: string; at: Date },
) {
  await tx
    .updateTable('directory_services')
    .set({
      capacity: capacity.value,
      capacity_updated_at: capacity.at,
      capacity_updated_by: capacity.by,
      updated_at: capacity.at,
    })
    .where('site_id', '=', siteId)
    .where('id', '=', serviceId)
    .execute();
}

/** Everything in a site's directory, for an export or the directory page (a few hundred rows). */
export async function loadDirectory(tx: Tx, siteId: string) {
  // One after another: a transaction is one connection.
  const organizations = await tx
    .selectFrom('directory_organizations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('name')
    .execute();
  const services = await tx
    .selectFrom('directory_services')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('name')
    .execute();
  const locations = await tx
    .selectFrom('directory_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute();
  const serviceLocations = await tx
    .selectFrom('directory_service_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute();
  const phones = await tx
    .selectFrom('directory_phones')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('position')
    .execute();
  const languages = await tx
    .selectFrom('directory_languages')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('position')
    .execute();
  const schedules = await tx
    .selectFrom('directory_schedules')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('position')
    .execute();
  return { organizations, services, locations, serviceLocations, phones, languages, schedules };
}
export type DirectoryRows = Awaited<ReturnType<typeof loadDirectory>>;

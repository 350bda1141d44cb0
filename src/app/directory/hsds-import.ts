import { randomUUID } from 'node:crypto';
import {
  findLocation,
  findService,
  organizationExists,
  replaceLanguages,
  replacePhones,
  replaceSchedules,
  saveLocation,
  saveOrganization,
  saveService,
  saveServiceLocation,
} from '../../db/repositories/directory.ts';
import type { Tx } from '../../db/scope.ts';
import {
  CAPACITIES,
  type Capacity,
  NEEDS_TAXONOMY,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  type ServiceStatus,
} from '../../domain/directory/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import { CAPACITY_TAXONOMY, type Json } from './hsds-fields.ts';

/**
 * Open Referral HSDS 3.0 import. Accepts an organization, a service, a service at location or a
 * location (each with whatever it nests), a page of them ({ contents: [...] }) or an array. Each
 * object's HSDS id becomes the row's id; importing an id again replaces that record. Every field is
 * kept: the modelled ones in columns, the rest in the row's `hsds` (see hsds-export.ts for the way
 * back). Nested phones, languages and schedules become rows of their own; in `hsds` their key is
 * left as an empty array, so an export knows the original had it.
 */

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportSummary = {
  organizations: number;
  services: number;
  locations: number;
  serviceAtLocations: number;
};

type Context = { tx: Tx; siteId: string; now: Date; summary: ImportSummary; path: string[] };

function fail(context: Context, message: string): never {
  throw new DomainError('HSDS_INVALID', `${context.path.join('') || 'document'}: ${message}`);
}

function idOf(context: Context, object: Json): string {
  const id = object.id;
  if (typeof id !== 'string' || !UUID.test(id)) fail(context, 'id must be a UUID');
  return id.toLowerCase();
}

function text(context: Context, object: Json, key: string, required = false): string | null {
  const value = object[key];
  if (value === undefined || value === null) {
    if (required) fail(context, `${key} is required`);
    return null;
  }
  if (typeof value !== 'string') fail(context, `${key} must be a string`);
  return value;
}

function list(context: Context, object: Json, key: string): Json[] {
  const value = object[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isObject)) fail(context, `${key} must be an array of objects`);
  return value;
}

/** The object without the keys that become rows; an array key stays as [] and an object key as {}. */
function remainder(object: Json, arrays: string[], objects: string[] = []): Json {
  const rest: Json = { ...object };
  for (const key of arrays) if (key in rest) rest[key] = [];
  for (const key of objects) if (key in rest) rest[key] = {};
  return rest;
}

function within<T>(context: Context, step: string, work: (inner: Context) => Promise<T>): Promise<T> {
  return work({ ...context, path: [...context.path, step] });
}

async function importPhones(context: Context, owner: Parameters<typeof replacePhones>[2], phones: Json[]) {
  const rows = phones.map((phone, index) => {
    const inner = { ...context, path: [...context.path, `.phones[${index}]`] };
    return {
      id: idOf(inner, phone),
      number: text(inner, phone, 'number', true) as string,
      extension: phone.extension === undefined ? null : String(phone.extension),
      type: text(inner, phone, 'type'),
      description: text(inner, phone, 'description'),
      hsds: phone,
    };
  });
  await replacePhones(context.tx, context.siteId, owner, rows);
}

async function importLanguages(
  context: Context,
  owner: Parameters<typeof replaceLanguages>[2],
  languages: Json[],
) {
  const rows = languages.map((language, index) => {
    const inner = { ...context, path: [...context.path, `.languages[${index}]`] };
    return {
      id: idOf(inner, language),
      name: text(inner, language, 'name'),
      code: text(inner, language, 'code'),
      hsds: language,
    };
  });
  await replaceLanguages(context.tx, context.siteId, owner, rows);
}

async function importSchedules(
  context: Context,
  owner: Parameters<typeof replaceSchedules>[2],
  schedules: Json[],
) {
  const rows = schedules.map((schedule, index) => {
    const inner = { ...context, path: [...context.path, `.schedules[${index}]`] };
    return {
      id: idOf(inner, schedule),
      description: text(inner, schedule, 'description'),
      byday: text(inner, schedule, 'byday'),
      opens_at: text(inner, schedule, 'opens_at'),
      closes_at: text(inner, schedule, 'closes_at'),
      hsds: schedule,
    };
  });
  await replaceSchedules(context.tx, context.siteId, owner, rows);
}

async function importOrganization(context: Context, organization: Json): Promise<string> {
  const id = idOf(context, organization);
  await saveOrganization(
    context.tx,
    context.siteId,
    {
      id,
      name: text(context, organization, 'name', true) as string,
      alternateName: text(context, organization, 'alternate_name'),
      description: text(context, organization, 'description') ?? '',
      email: text(context, organization, 'email'),
      website: text(context, organization, 'website'),
      hsds: remainder(organization, ['phones', 'locations', 'services']),
    },
    context.now,
  );
  context.summary.organizations += 1;
  await importPhones(context, { kind: 'organization', id }, list(context, organization, 'phones'));
  for (const [index, location] of list(context, organization, 'locations').entries())
    await within(context, `.locations[${index}]`, (inner) => importLocation(inner, location, id));
  for (const [index, service] of list(context, organization, 'services').entries())
    await within(context, `.services[${index}]`, (inner) => importService(inner, service, id));
  return id;
}

/** Our own needs and capacity, filed as attributes under our taxonomies; other attributes stay as given. */
function ownAttributes(context: Context, service: Json) {
  const categories: string[] = [];
  let capacity: Capacity | undefined;
  const others: Json[] = [];
  for (const attribute of list(context, service, 'attributes')) {
    const term = isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : undefined;
    const code = term && typeof term.code === 'string' ? term.code : undefined;
    if (term?.taxonomy === NEEDS_TAXONOMY && code && (SERVICE_CATEGORIES as readonly string[]).includes(code))
      categories.push(code);
    else if (term?.taxonomy === CAPACITY_TAXONOMY && code && (CAPACITIES as readonly string[]).includes(code))
      capacity = code as Capacity;
    else others.push(attribute);
  }
  return { categories, capacity, others };
}

async function importService(
  context: Context,
  service: Json,
  organizationId: string | null,
): Promise<string> {
  const id = idOf(context, service);
  let owner = organizationId;
  if (isObject(service.organization))
    owner = await within(context, '.organization', (inner) =>
      importOrganization(inner, service.organization as Json),
    );
  owner ??= typeof service.organization_id === 'string' ? service.organization_id.toLowerCase() : null;
  if (!owner) fail(context, 'a service must name its organization (organization_id or organization)');
  if (!(await organizationExists(context.tx, context.siteId, owner)))
    fail(context, `organization ${owner} is not in the directory (import it first)`);
  const status = text(context, service, 'status', true) as string;
  if (!(SERVICE_STATUSES as readonly string[]).includes(status))
    fail(context, `status must be one of ${SERVICE_STATUSES.join(', ')}`);
  const own = ownAttributes(context, service);
  const hsds = remainder(
    service,
    ['phones', 'schedules', 'languages', 'service_at_locations'],
    ['organization'],
  );
  if ('attributes' in service) hsds.attributes = own.others;
  await saveService(
    context.tx,
    context.siteId,
    {
      id,
      organizationId: owner,
      name: text(context, service, 'name', true) as string,
      alternateName: text(context, service, 'alternate_name'),
      description: text(context, service, 'description'),
      email: text(context, service, 'email'),
      url: text(context, service, 'url'),
      status: status as ServiceStatus,
      categories: own.categories,
      ...(own.capacity ? { capacity: { value: own.capacity, updatedAt: context.now, updatedBy: null } } : {}),
      hsds,
    },
    context.now,
  );
  context.summary.services += 1;
  await importPhones(context, { kind: 'service', id }, list(context, service, 'phones'));
  await importLanguages(context, { kind: 'service', id }, list(context, service, 'languages'));
  await importSchedules(context, { kind: 'service', id }, list(context, service, 'schedules'));
  for (const [index, link] of list(context, service, 'service_at_locations').entries())
    await within(context, `.service_at_locations[${index}]`, (inner) =>
      importServiceAtLocation(inner, link, id),
    );
  return id;
}

async function importLocation(
  context: Context,
  location: Json,
  organizationId: string | null,
): Promise<string> {
  const id = idOf(context, location);
  const owner =
    organizationId ??
    (typeof location.organization_id === 'string' ? location.organization_id.toLowerCase() : null);
  if (owner && !(await organizationExists(context.tx, context.siteId, owner)))
    fail(context, `organization ${owner} is not in the directory (import it first)`);
  const address = list(context, location, 'addresses')[0] ?? {};
  await saveLocation(
    context.tx,
    context.siteId,
    {
      id,
      organizationId: owner,
      name: text(context, location, 'name'),
      address1: typeof address.address_1 === 'string' ? address.address_1 : null,
      city: typeof address.city === 'string' ? address.city : null,
      stateProvince: typeof address.state_province === 'string' ? address.state_province : null,
      postalCode: typeof address.postal_code === 'string' ? address.postal_code : null,
      hsds: remainder(location, ['phones', 'schedules', 'languages']),
    },
    context.now,
  );
  context.summary.locations += 1;
  await importPhones(context, { kind: 'location', id }, list(context, location, 'phones'));
  await importLanguages(context, { kind: 'location', id }, list(context, location, 'languages'));
  await importSchedules(context, { kind: 'location', id }, list(context, location, 'schedules'));
  return id;
}

async function importServiceAtLocation(
  context: Context,
  link: Json,
  serviceId: string | null,
): Promise<string> {
  const id = idOf(context, link);
  let service = serviceId;
  if (isObject(link.service))
    service = await within(context, '.service', (inner) => importService(inner, link.service as Json, null));
  service ??= typeof link.service_id === 'string' ? link.service_id.toLowerCase() : null;
  let location: string | null = null;
  if (isObject(link.location))
    location = await within(context, '.location', (inner) =>
      importLocation(inner, link.location as Json, null),
    );
  location ??= typeof link.location_id === 'string' ? link.location_id.toLowerCase() : null;
  if (!service || !(await findService(context.tx, context.siteId, service)))
    fail(context, 'a service at location must name a service in the directory');
  if (!location || !(await findLocation(context.tx, context.siteId, location)))
    fail(context, 'a service at location must name a location in the directory');
  await saveServiceLocation(context.tx, context.siteId, {
    id,
    serviceId: service,
    locationId: location,
    hsds: remainder(link, ['phones', 'schedules'], ['service', 'location']),
  });
  context.summary.serviceAtLocations += 1;
  await importPhones(context, { kind: 'service_at_location', id }, list(context, link, 'phones'));
  await importSchedules(context, { kind: 'service_at_location', id }, list(context, link, 'schedules'));
  return id;
}

/** Which HSDS object this is, by the fields each one requires. */
function kindOf(object: Json): 'organization' | 'service' | 'location' | 'service_at_location' {
  if ('location_type' in object) return 'location';
  if ('status' in object) return 'service';
  if (!('name' in object) && ('service' in object || 'location' in object || 'service_id' in object))
    return 'service_at_location';
  return 'organization';
}

/** Imports an HSDS 3.0 document into a site's directory (in the caller's transaction). */
export async function importHsds(
  tx: Tx,
  siteId: string,
  document: unknown,
  now: Date,
): Promise<ImportSummary> {
  const summary: ImportSummary = { organizations: 0, services: 0, locations: 0, serviceAtLocations: 0 };
  const context: Context = { tx, siteId, now, summary, path: [] };
  const items = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document.contents)
      ? document.contents
      : [document];
  const prefix = Array.isArray(document)
    ? ''
    : isObject(document) && 'contents' in document
      ? 'contents'
      : null;
  for (const [index, item] of items.entries()) {
    const inner: Context = { ...context, path: prefix === null ? [] : [`${prefix}[${index}]`] };
    if (!isObject(item)) fail(inner, 'expected an HSDS object');
    const kind = kindOf(item);
    if (kind === 'organization') await importOrganization(inner, item);
    else if (kind === 'service') await importService(inner, item, null);
    else if (kind === 'location') await importLocation(inner, item, null);
    else await importServiceAtLocation(inner, item, null);
  }
  return summary;
}

/** A new HSDS id for something made in the app. */
export const newHsdsId = (): string => randomUUID();

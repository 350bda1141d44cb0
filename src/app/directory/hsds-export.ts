import { createHash } from 'node:crypto';
import type {
  DirectoryRows,
  LanguageRow,
  LocationRow,
  PhoneRow,
  ScheduleRow,
  ServiceLocationRow,
  ServiceRow,
} from '../../db/repositories/directory.ts';
import type { DirectoryOwnerKind } from '../../db/schema-directory.ts';
import { NEEDS_TAXONOMY } from '../../domain/directory/directory.ts';
import { CAPACITY_TAXONOMY, type Json } from './hsds-fields.ts';

/**
 * Open Referral HSDS 3.0 export: the way back from hsds-import.ts. Each object starts from what was
 * imported (`hsds`), then the modelled columns are laid over it (so an edit in the app wins, and a
 * cleared field disappears), and the nested rows are put back where the original had them.
 */

/** Sets `key` to `value`, or removes it when the column is empty. */
function overlay(base: Json, columns: Record<string, unknown>): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(columns)) {
    if (value === null || value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** A UUID derived from its parts, so our own attributes keep the same id from one export to the next. */
function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const name = key(row);
    const group = groups.get(name);
    if (group) group.push(row);
    else groups.set(name, [row]);
  }
  return groups;
}

/** Builds HSDS objects from a site's directory rows. */
export function hsdsExporter(rows: DirectoryRows) {
  const owned = (kind: DirectoryOwnerKind, id: string) => `${kind}/${id}`;
  const phones = groupBy(rows.phones, (row) => owned(row.owner_kind, row.owner_id));
  const languages = groupBy(rows.languages, (row) => owned(row.owner_kind, row.owner_id));
  const schedules = groupBy(rows.schedules, (row) => owned(row.owner_kind, row.owner_id));
  const organizations = new Map(rows.organizations.map((row) => [row.id, row]));
  const services = new Map(rows.services.map((row) => [row.id, row]));
  const locations = new Map(rows.locations.map((row) => [row.id, row]));
  const servicesOf = groupBy(rows.services, (row) => row.organization_id);
  const locationsOf = groupBy(
    rows.locations.filter((row) => row.organization_id !== null),
    (row) => row.organization_id as string,
  );
  const linksOf = groupBy(rows.serviceLocations, (row) => row.service_id);

  const phone = (row: PhoneRow) =>
    overlay(row.hsds, {
      id: row.id,
      number: row.number,
      // extension is a number in HSDS: it comes back from hsds as imported (the column is for display).
      type: row.type,
      description: row.description,
    });
  const language = (row: LanguageRow) => overlay(row.hsds, { id: row.id, name: row.name, code: row.code });
  const schedule = (row: ScheduleRow) =>
    overlay(row.hsds, {
      id: row.id,
      description: row.description,
      byday: row.byday,
      opens_at: row.opens_at,
      closes_at: row.closes_at,
    });

  /** Puts a nested list back when the original had it, or when there is something to put. */
  function nest<T>(out: Json, key: string, children: T[] | undefined, present: (row: T) => Json) {
    if ((children && children.length > 0) || Array.isArray(out[key]))
      out[key] = (children ?? []).map(present);
  }
  function link(out: Json, key: string, value: string | null) {
    if (key in out) {
      if (value === null) delete out[key];
      else out[key] = value;
    }
  }

  function location(row: LocationRow): Json {
    const out = overlay(row.hsds, { id: row.id, name: row.name });
    link(out, 'organization_id', row.organization_id);
    nest(out, 'phones', phones.get(owned('location', row.id)), phone);
    nest(out, 'languages', languages.get(owned('location', row.id)), language);
    nest(out, 'schedules', schedules.get(owned('location', row.id)), schedule);
    return out;
  }

  function serviceAtLocation(row: ServiceLocationRow, shape: { service: boolean; location: boolean }): Json {
    const out: Json = { ...row.hsds, id: row.id };
    link(out, 'service_id', row.service_id);
    link(out, 'location_id', row.location_id);
    nest(out, 'phones', phones.get(owned('service_at_location', row.id)), phone);
    nest(out, 'schedules', schedules.get(owned('service_at_location', row.id)), schedule);
    const place = locations.get(row.location_id);
    if ('location' in out) {
      if (shape.location && place) out.location = location(place);
      else delete out.location;
    } else if (shape.location && place && !('location_id' in out)) out.location = location(place);
    const offered = services.get(row.service_id);
    if ('service' in out) {
      if (shape.service && offered)
        out.service = service(offered, { organization: true, serviceAtLocations: false });
      else delete out.service;
    }
    return out;
  }

  function attributes(row: ServiceRow, out: Json) {
    const own: Json[] = row.categories.map((category) => ({
      id: stableId(row.id, NEEDS_TAXONOMY, category),
      link_type: 'need',
      link_entity: 'service',
      value: category,
      taxonomy_term: {
        id: stableId(NEEDS_TAXONOMY, category),
        code: category,
        name: category,
        description: `Meets the need: ${category.replaceAll('_', ' ')}`,
        taxonomy: NEEDS_TAXONOMY,
      },
    }));
    if (row.capacity_updated_at !== null)
      own.push({
        id: stableId(row.id, CAPACITY_TAXONOMY),
        link_type: 'capacity',
        link_entity: 'service',
        value: row.capacity_updated_at.toISOString(),
        taxonomy_term: {
          id: stableId(CAPACITY_TAXONOMY, row.capacity),
          code: row.capacity,
          name: row.capacity,
          description: 'Whether the service takes new people now (value: when this was last set)',
          taxonomy: CAPACITY_TAXONOMY,
        },
      });
    const kept = Array.isArray(out.attributes) ? (out.attributes as Json[]) : [];
    if (own.length > 0 || 'attributes' in out) out.attributes = [...kept, ...own];
  }

  function service(row: ServiceRow, shape: { organization: boolean; serviceAtLocations: boolean }): Json {
    const out = overlay(row.hsds, {
      id: row.id,
      name: row.name,
      alternate_name: row.alternate_name,
      description: row.description,
      email: row.email,
      url: row.url,
      status: row.status,
    });
    link(out, 'organization_id', row.organization_id);
    nest(out, 'phones', phones.get(owned('service', row.id)), phone);
    nest(out, 'languages', languages.get(owned('service', row.id)), language);
    nest(out, 'schedules', schedules.get(owned('service', row.id)), schedule);
    attributes(row, out);
    if (shape.serviceAtLocations)
      nest(out, 'service_at_locations', linksOf.get(row.id), (link) =>
        serviceAtLocation(link, { service: false, location: true }),
      );
    else delete out.service_at_locations;
    const owner = organizations.get(row.organization_id);
    if (shape.organization && 'organization' in out && owner)
      out.organization = organization(owner.id, false);
    else delete out.organization;
    return out;
  }

  function organization(id: string, withServices: boolean): Json {
    const row = organizations.get(id);
    if (!row) throw new Error(`no organization ${id}`);
    const out = overlay(row.hsds, {
      id: row.id,
      name: row.name,
      alternate_name: row.alternate_name,
      description: row.description,
      email: row.email,
      website: row.website,
    });
    nest(out, 'phones', phones.get(owned('organization', row.id)), phone);
    nest(out, 'locations', locationsOf.get(row.id), location);
    if (withServices)
      nest(out, 'services', servicesOf.get(row.id), (child) =>
        service(child, { organization: false, serviceAtLocations: true }),
      );
    else delete out.services;
    return out;
  }

  return {
    organization: (id: string) => organization(id, true),
    service: (id: string) => {
      const row = services.get(id);
      if (!row) throw new Error(`no service ${id}`);
      return service(row, { organization: true, serviceAtLocations: true });
    },
    location: (id: string) => {
      const row = locations.get(id);
      if (!row) throw new Error(`no location ${id}`);
      return location(row);
    },
    serviceAtLocation: (id: string) => {
      const row = rows.serviceLocations.find((candidate) => candidate.id === id);
      if (!row) throw new Error(`no service at location ${id}`);
      return serviceAtLocation(row, { service: true, location: true });
    },
    /** Every organization, in full (its locations, and its services with where they are offered). */
    organizations: () => rows.organizations.map((row) => organization(row.id, true)),
  };
}

/** A whole directory as one HSDS page of full organizations (the shape of GET /organizations). */
export function hsdsDirectoryPage(rows: DirectoryRows): Json {
  const contents = hsdsExporter(rows).organizations();
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

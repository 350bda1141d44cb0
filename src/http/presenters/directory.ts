import type { DirectoryOrganization, DirectoryService } from '../../contracts/directory.ts';
import type { DirectoryRows, LocationRow, ScheduleRow, ServiceRow } from '../../db/repositories/directory.ts';
import type { ServiceCategory } from '../../domain/directory/directory.ts';

/** Opening hours, one line each: the words the partner gave, else the days and times. */
function hoursOf(schedules: ScheduleRow[]): string[] {
  return schedules
    .map((schedule) => {
      if (schedule.description) return schedule.description;
      const times =
        schedule.opens_at && schedule.closes_at ? `${schedule.opens_at}-${schedule.closes_at}` : '';
      return [schedule.byday, times].filter(Boolean).join(' ');
    })
    .filter((line) => line !== '');
}

/** Presents the directory's rows (from loadDirectory) as the care team sees them. */
export function directoryPresenter(rows: DirectoryRows) {
  const key = (kind: string, id: string) => `${kind}/${id}`;
  const byOwner = <T extends { owner_kind: string; owner_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) {
      const name = key(row.owner_kind, row.owner_id);
      map.set(name, [...(map.get(name) ?? []), row]);
    }
    return map;
  };
  const phones = byOwner(rows.phones);
  const languages = byOwner(rows.languages);
  const schedules = byOwner(rows.schedules);
  const organizations = new Map(rows.organizations.map((row) => [row.id, row]));
  const locations = new Map(rows.locations.map((row) => [row.id, row]));

  const phone = (row: (typeof rows.phones)[number]) => ({
    number: row.number,
    extension: row.extension,
    type: row.type,
  });
  const location = (row: LocationRow) => ({
    id: row.id,
    name: row.name,
    address:
      [row.address_1, row.city, row.state_province, row.postal_code].filter(Boolean).join(', ') || null,
    hours: hoursOf(schedules.get(key('location', row.id)) ?? []),
  });

  const service = (row: ServiceRow): DirectoryService => {
    const places = rows.serviceLocations
      .filter((link) => link.service_id === row.id)
      .map((link) => locations.get(link.location_id))
      .filter((place): place is LocationRow => place !== undefined);
    return {
      id: row.id,
      organizationId: row.organization_id,
      organizationName: organizations.get(row.organization_id)?.name ?? '',
      name: row.name,
      description: row.description,
      status: row.status,
      categories: row.categories as ServiceCategory[],
      capacity: row.capacity,
      capacityUpdatedAt: row.capacity_updated_at?.toISOString() ?? null,
      languages: (languages.get(key('service', row.id)) ?? []).map((language) => ({
        code: language.code,
        name: language.name,
      })),
      phones: (phones.get(key('service', row.id)) ?? []).map(phone),
      hours: hoursOf(schedules.get(key('service', row.id)) ?? []),
      locations: places.map(location),
      email: row.email,
      url: row.url,
    };
  };

  const organization = (id: string): DirectoryOrganization | undefined => {
    const row = organizations.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      alternateName: row.alternate_name,
      description: row.description,
      email: row.email,
      website: row.website,
      phones: (phones.get(key('organization', row.id)) ?? []).map(phone),
      locations: rows.locations.filter((place) => place.organization_id === row.id).map(location),
      services: rows.services.filter((offered) => offered.organization_id === row.id).map(service),
    };
  };

  return { service, organization };
}

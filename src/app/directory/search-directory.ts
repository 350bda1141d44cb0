import { loadDirectory } from '../../db/repositories/directory.ts';
import type { Tx } from '../../db/scope.ts';
import type { Capacity, ServiceCategory } from '../../domain/directory/directory.ts';

export type DirectorySearch = {
  q?: string;
  category?: ServiceCategory;
  language?: string;
  capacity?: Capacity;
};

/**
 * The site's directory with the services that match every filter given: words in the service's or
 * its organization's name or description, a need it meets, a language it is offered in (code or
 * name, the service's or one of its locations'), its capacity. Answers the rows and the matching ids.
 */
export async function searchDirectory(tx: Tx, siteId: string, search: DirectorySearch) {
  const rows = await loadDirectory(tx, siteId);
  const organizations = new Map(rows.organizations.map((row) => [row.id, row]));
  const words = (search.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const language = search.language?.toLowerCase();
  const matches = rows.services.filter((service) => {
    if (search.category && !service.categories.includes(search.category)) return false;
    if (search.capacity && service.capacity !== search.capacity) return false;
    if (language) {
      const places = new Set(
        rows.serviceLocations
          .filter((link) => link.service_id === service.id)
          .map((link) => link.location_id),
      );
      const spoken = rows.languages.filter(
        (row) =>
          (row.owner_kind === 'service' && row.owner_id === service.id) ||
          (row.owner_kind === 'location' && places.has(row.owner_id)),
      );
      if (!spoken.some((row) => row.code?.toLowerCase() === language || row.name?.toLowerCase() === language))
        return false;
    }
    if (words.length > 0) {
      const organization = organizations.get(service.organization_id);
      const haystack = [service.name, service.description, organization?.name, organization?.description]
        .filter(Boolean)
        .join(' ')
        .toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
  return { rows, matches };
}

import type { Db } from '../database.ts';
import type { Tx } from '../scope.ts';

export type SiteRow = { id: string; slug: string; name: string; timezone: string };

export function findSiteById(db: Db | Tx, id: string): Promise<SiteRow | undefined> {
  return db
    .selectFrom('sites')
    .select(['id', 'slug', 'name', 'timezone'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSiteBySlug(db: Db | Tx, slug: string): Promise<SiteRow | undefined> {
  return db
    .selectFrom('sites')
    .select(['id', 'slug', 'name', 'timezone'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findSitesByIds(db: Db | Tx, ids: string[]): Promise<SiteRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sites')
    .select(['id', 'slug', 'name', 'timezone'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}

export async function insertSite(db: Db | Tx, site: Omit<SiteRow, 'id'>): Promise<SiteRow> {
  return db
    .insertInto('sites')
    .values(site)
    .returning(['id', 'slug', 'name', 'timezone'])
    .executeTakeFirstOrThrow();
}

export async function countSites(db: Db | Tx): Promise<number> {
  const row = await db
    .selectFrom('sites')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every site's id (the sites table is global), for background work that then runs per site. */
export async function listSiteIds(db: Db | Tx): Promise<string[]> {
  const rows = await db.selectFrom('sites').select('id').orderBy('created_at').execute();
  return rows.map((row) => row.id);
}

import type { Db } from '../../db/database.ts';
import { findSiteBySlug, insertSite, type SiteRow } from '../../db/repositories/sites.ts';
import { DomainError } from '../../domain/errors.ts';

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export async function createSite(
  db: Db,
  input: { slug: string; name: string; timezone: string },
): Promise<SiteRow> {
  if (!isValidTimezone(input.timezone))
    throw new DomainError('INVALID_TIMEZONE', `Unknown time zone "${input.timezone}".`);
  if (await findSiteBySlug(db, input.slug))
    throw new DomainError('SITE_EXISTS', `A site with the slug "${input.slug}" exists.`);
  return insertSite(db, input);
}

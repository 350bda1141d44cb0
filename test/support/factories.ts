import { randomBytes } from 'node:crypto';
import { createSite } from '../../src/app/sites/create-site.ts';
import { createUser } from '../../src/app/users/create-user.ts';
import type { Db } from '../../src/db/database.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';

const unique = () => randomBytes(4).toString('hex');

/** A new site with a synthetic name; each test makes its own. */
export function makeSite(
  db: Db,
  overrides: Partial<{ slug: string; name: string; timezone: string; ruleSetTemplate: string }> = {},
): Promise<SiteRow> {
  const id = unique();
  return createSite(db, {
    slug: `site-${id}`,
    name: `Test Site ${id}`,
    timezone: 'America/New_York',
    ...overrides,
  });
}

export type TestUser = { userId: string; email: string; password: string };

/** A new account holding `role` at `site`. */
export async function makeUser(
  db: Db,
  site: SiteRow,
  role: Role,
  password = `pw-${unique()}-${unique()}`,
): Promise<TestUser> {
  const email = `${role}.${unique()}@example.test`;
  const { userId } = await createUser(db, {
    email,
    displayName: `Test ${role} ${unique()}`,
    password,
    siteSlug: site.slug,
    role,
  });
  return { userId, email, password };
}

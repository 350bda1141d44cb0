import type { Db } from '../../db/database.ts';
import { insertMembership } from '../../db/repositories/memberships.ts';
import { findSiteBySlug } from '../../db/repositories/sites.ts';
import { findUserByEmail, insertUser } from '../../db/repositories/users.ts';
import type { Tx } from '../../db/scope.ts';
import { inScope } from '../../db/scope.ts';
import type { Role } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { hashPassword } from '../auth/secrets.ts';

export const MINIMUM_PASSWORD_LENGTH = 12;

export function checkPassword(password: string): void {
  if (password.length < MINIMUM_PASSWORD_LENGTH) {
    throw new DomainError(
      'PASSWORD_TOO_SHORT',
      `A password needs at least ${MINIMUM_PASSWORD_LENGTH} characters.`,
    );
  }
}

/** Creates an account (or finds it by e-mail) and gives it a role at a site, by the site's slug. */
export async function createUser(
  db: Db | Tx,
  input: { email: string; displayName: string; password: string; siteSlug: string; role: Role },
): Promise<{ userId: string; created: boolean }> {
  const site = await findSiteBySlug(db, input.siteSlug);
  if (!site) throw new DomainError('SITE_NOT_FOUND', `No site has the slug "${input.siteSlug}".`);
  const existing = await findUserByEmail(db, input.email);
  if (!existing) checkPassword(input.password);
  const passwordHash = existing ? '' : await hashPassword(input.password);
  return inScope(db, { siteId: site.id, userId: null }, async (tx) => {
    const userId =
      existing?.id ??
      (await insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash }));
    await insertMembership(tx, { siteId: site.id, userId, role: input.role });
    return { userId, created: !existing };
  });
}

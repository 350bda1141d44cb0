import type { CurrentSession } from '../../app/auth/current-session.ts';
import type { SiteRow } from '../../db/repositories/sites.ts';
import { permittedActions } from '../../domain/access/policy.ts';
import type { Role } from '../../domain/access/roles.ts';

export function presentSession(session: CurrentSession, sites: SiteRow[]) {
  return {
    user: session.user,
    mfaState: session.mfaState,
    csrfToken: session.csrfToken,
    sites: sites.map((site) => {
      const roles: Role[] = session.memberships.filter((m) => m.siteId === site.id).map((m) => m.role);
      return {
        id: site.id,
        slug: site.slug,
        name: site.name,
        timezone: site.timezone,
        roles,
        actions: permittedActions(roles),
      };
    }),
  };
}

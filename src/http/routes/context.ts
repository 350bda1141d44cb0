import type { CurrentSession } from '../../app/auth/current-session.ts';
import type { Principal } from '../../domain/access/policy.ts';
import type { SiteContext } from '../route.ts';

/** The guard has admitted a signed-in user to a site route; these narrow the context's types. */
export function requireSite(site: SiteContext | null): SiteContext {
  if (!site) throw new Error('a site route ran without a site');
  return site;
}

export function requireSession(session: CurrentSession | null): CurrentSession {
  if (!session) throw new Error('a signed-in route ran without a session');
  return session;
}

export function principalOf(session: CurrentSession | null, site: SiteContext | null): Principal {
  return { userId: requireSession(session).user.id, rolesAtSite: requireSite(site).roles };
}

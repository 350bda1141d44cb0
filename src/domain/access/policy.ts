import type { Role } from './roles.ts';

/**
 * Every action a route can ask for, and the roles at a site that may take it. Features add their
 * actions here; nothing else in the code decides who may do what.
 */
export const ACTIONS = {
  'site:view': [
    'officer',
    'community_referrer',
    'case_manager',
    'outreach',
    'peer_support',
    'program_manager',
    'prosecutor',
    'provider',
    'analyst',
    'admin',
  ],
  'staff:list': ['program_manager', 'admin'],
  'staff:view': ['program_manager', 'admin'],
  'staff:manage': ['program_manager', 'admin'],
  'audit:view': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/** Who is asking: the signed-in user and their roles at the site the request is about. */
export type Principal = { userId: string; rolesAtSite: readonly Role[] };

export type Decision =
  | { allowed: true; role: Role }
  | { allowed: false; reason: 'not_a_member' | 'role_not_permitted'; role: Role | null };

/**
 * The one access decision: role x action at a site. A user with no role at the site is told the
 * site's resources do not exist (the caller answers 404), so existence never leaks across sites.
 */
export function authorize(principal: Principal, action: Action): Decision {
  if (principal.rolesAtSite.length === 0) return { allowed: false, reason: 'not_a_member', role: null };
  const permitted: readonly Role[] = ACTIONS[action];
  const role = principal.rolesAtSite.find((candidate) => permitted.includes(candidate));
  if (role) return { allowed: true, role };
  return { allowed: false, reason: 'role_not_permitted', role: principal.rolesAtSite[0] ?? null };
}

/** The actions a set of roles may take at a site, for the web app's navigation. */
export function permittedActions(roles: readonly Role[]): Action[] {
  return (Object.keys(ACTIONS) as Action[]).filter(
    (action) => authorize({ userId: '', rolesAtSite: roles }, action).allowed,
  );
}

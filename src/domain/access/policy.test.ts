import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, permittedActions } from './policy.ts';
import { ROLES, requiresMfa } from './roles.ts';

describe('authorize', () => {
  it('tells a user with no role at the site that nothing is there (not a 403)', () => {
    expect(authorize({ userId: 'u', rolesAtSite: [] }, 'site:view')).toEqual({
      allowed: false,
      reason: 'not_a_member',
      role: null,
    });
  });

  it('refuses a role the action does not list', () => {
    expect(authorize({ userId: 'u', rolesAtSite: ['officer'] }, 'audit:view')).toMatchObject({
      allowed: false,
      reason: 'role_not_permitted',
    });
  });

  it('allows through any one permitted role, and says which', () => {
    expect(authorize({ userId: 'u', rolesAtSite: ['officer', 'admin'] }, 'audit:view')).toEqual({
      allowed: true,
      role: 'admin',
    });
  });

  it('keeps officers and prosecutors away from staff administration and the audit log', () => {
    for (const role of ['officer', 'prosecutor', 'community_referrer', 'provider'] as const) {
      expect(permittedActions([role])).toEqual(['site:view']);
    }
  });

  it('names only known roles in the action table', () => {
    for (const roles of Object.values(ACTIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});

describe('requiresMfa', () => {
  it('is needed by every role but the community referrer', () => {
    expect(requiresMfa(['community_referrer'])).toBe(false);
    expect(requiresMfa(['community_referrer', 'officer'])).toBe(true);
    expect(requiresMfa(['case_manager'])).toBe(true);
  });
});

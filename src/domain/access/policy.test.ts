import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  authorize,
  mayAccessHandoff,
  mayAccessReferral,
  mayRemoveForViolence,
  permittedActions,
} from './policy.ts';
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
      const actions = permittedActions([role]);
      expect(actions).toContain('site:view');
      expect(actions.filter((action) => action.startsWith('staff:') || action.startsWith('audit:'))).toEqual(
        [],
      );
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

describe('mayAccessReferral', () => {
  const referral = { recordedBy: 'officer-1' };
  it('lets an officer see and act on only the referrals they recorded', () => {
    expect(mayAccessReferral({ userId: 'officer-1', rolesAtSite: ['officer'] }, referral, 'view')).toBe(true);
    expect(
      mayAccessReferral({ userId: 'officer-1', rolesAtSite: ['officer'] }, referral, 'record_outcome'),
    ).toBe(true);
    expect(mayAccessReferral({ userId: 'officer-2', rolesAtSite: ['officer'] }, referral, 'view')).toBe(
      false,
    );
    expect(mayAccessReferral({ userId: 'officer-1', rolesAtSite: ['officer'] }, referral, 'review')).toBe(
      false,
    );
    expect(
      mayAccessReferral({ userId: 'officer-1', rolesAtSite: ['officer'] }, referral, 'contact_details'),
    ).toBe(false);
  });

  it('gives the prosecutor the approval decision and nothing else', () => {
    const prosecutor = { userId: 'p', rolesAtSite: ['prosecutor'] as const };
    expect(mayAccessReferral(prosecutor, referral, 'prosecutor_decision')).toBe(true);
    expect(mayAccessReferral(prosecutor, referral, 'view')).toBe(false);
  });

  it('lets the care team do everything but the prosecutor decision', () => {
    const caseManager = { userId: 'c', rolesAtSite: ['case_manager'] as const };
    for (const access of ['view', 'record_outcome', 'review'] as const)
      expect(mayAccessReferral(caseManager, referral, access)).toBe(true);
    expect(mayAccessReferral(caseManager, referral, 'prosecutor_decision')).toBe(false);
  });
});

describe('who may see and answer a hand-off', () => {
  const handoff = { requestedBy: 'officer-1', responderUserId: 'cm-1' };
  it('shows it to its officer and the care team, and lets only the responder or a program manager answer', () => {
    expect(mayAccessHandoff({ userId: 'officer-1', rolesAtSite: ['officer'] }, handoff, 'view')).toBe(true);
    expect(mayAccessHandoff({ userId: 'officer-2', rolesAtSite: ['officer'] }, handoff, 'view')).toBe(false);
    expect(mayAccessHandoff({ userId: 'cm-2', rolesAtSite: ['case_manager'] }, handoff, 'view')).toBe(true);
    expect(mayAccessHandoff({ userId: 'cm-1', rolesAtSite: ['case_manager'] }, handoff, 'respond')).toBe(
      true,
    );
    expect(mayAccessHandoff({ userId: 'cm-2', rolesAtSite: ['case_manager'] }, handoff, 'respond')).toBe(
      false,
    );
    expect(mayAccessHandoff({ userId: 'pm', rolesAtSite: ['program_manager'] }, handoff, 'respond')).toBe(
      true,
    );
    expect(mayAccessHandoff({ userId: 'officer-1', rolesAtSite: ['officer'] }, handoff, 'respond')).toBe(
      false,
    );
  });
});

describe('mayRemoveForViolence', () => {
  it('is a program manager’s decision only', () => {
    expect(mayRemoveForViolence(['program_manager'])).toBe(true);
    expect(mayRemoveForViolence(['case_manager', 'outreach', 'peer_support'])).toBe(false);
    expect(mayRemoveForViolence(['admin'])).toBe(false);
  });
});

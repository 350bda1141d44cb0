/** The roles a membership can hold at a site (PRODUCT.md, "Who uses it"). */
export const ROLES = [
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
] as const;

export type Role = (typeof ROLES)[number];

/** The care team: the only roles that will read a participant's full record. */
export const CARE_TEAM: readonly Role[] = ['case_manager', 'outreach', 'peer_support', 'program_manager'];

/**
 * Roles that see participant records in some form (clinical, consent-limited or de-identified), and
 * admins, who control who sees them: these need a second factor when MFA is required.
 */
export const ROLES_REQUIRING_MFA: readonly Role[] = ROLES.filter((role) => role !== 'community_referrer');

export function requiresMfa(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_REQUIRING_MFA.includes(role));
}

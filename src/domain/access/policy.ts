import { CARE_TEAM, type Role } from './roles.ts';

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
  'screening:configuration': [
    'officer',
    'case_manager',
    'outreach',
    'peer_support',
    'program_manager',
    'analyst',
    'admin',
  ],
  'screening:submit': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referrals:mine': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referrals:review': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referral:act': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager', 'prosecutor'],
  'rule_sets:view': ['program_manager', 'analyst', 'admin'],
  'rule_sets:manage': ['program_manager'],
  'screenings:analyse': ['program_manager', 'analyst'],
  'on_call:view': ['case_manager', 'outreach', 'peer_support', 'program_manager', 'admin'],
  'on_call:manage': ['program_manager'],
  /** The arrest diversions' intake deadlines, and the decision on those that passed. */
  'prosecutor:deadlines': ['prosecutor'],
  /** Ask the on-call responder to come for an accepted referral (the recording officer or the care team). */
  'handoffs:request': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** See one hand-off's live status: the officer who asked for it, and the care team. */
  'handoffs:view': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Answer a hand-off (acknowledge, en route, arrived, by phone, unable): the care team. */
  'handoffs:respond': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'handoffs:queue': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** A member of staff's SMS number for alerts: the care team (their own; a program manager anyone's). */
  'staff_contact:manage': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** The acknowledge limit, warm hand-off target and intake reminder days of the site. */
  'handoffs:settings': ['program_manager'],
  /** Response figures of the site's hand-offs (aggregates only). */
  'handoffs:figures': ['program_manager', 'analyst'],
  /** Accepted referrals waiting for intake, by deadline (the case manager's queue). */
  'intakes:pending': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Read a participant's record (every read audited): the care team only. */
  'participants:view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Start and complete intakes, record and revoke releases of information: the care team only. */
  'participants:write': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Caseloads against the caps: the care team sees them (to know who can take a person), counts only. */
  'caseloads:view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Assign a participant's case manager within the caps (over the hard maximum: a program manager, see mayOverrideCaseloadCap). */
  'caseloads:assign': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Caseload caps, engagement thresholds and staff FTEs. */
  'caseloads:manage': ['program_manager'],
  /** A participant's contact log and engagement: read and append (the care team only). */
  'participant_contacts:use': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** A participant's plan (goals in their words): read, add and change (the care team only). */
  'participant_plan:use': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** A participant's status history, exit (for violence or threats: a program manager, see participant-status.ts) and re-entry. */
  'participant_exits:use': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** A participant's appointments: book, move, record attendance; read the site's reminder settings. */
  'appointments:use': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** The site's reminder offsets and missed-appointments exit policy. */
  'appointments:settings': ['program_manager'],
  /** A participant's discretionary funds ledger: read, record, reverse; the list of funding sources. */
  'funds:use': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** The site's funds totals for a period, by source and category. */
  'funds:report': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** The site's funding sources (opioid settlement funds, grants). */
  'funding_sources:manage': ['program_manager'],
  /** The partner directory: search and read organizations and services (the care team). */
  'directory:view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** Add and edit partner organizations and services, and link provider users to one. */
  'directory:manage': ['program_manager'],
  /** Set a service's capacity: a program manager, or a provider for their own organization (mayManageDirectoryService). */
  'directory:capacity': ['program_manager', 'provider'],
  /** Refer a participant to a partner service, read and move their referrals (checked per record: 404 otherwise). */
  'service_referrals:write': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  /** A partner agency's user: the referrals sent to their organization, as far as each release allows. */
  'service_referrals:provider': ['provider'],
  /** The live event stream: anyone signed in at the site (each hears only events addressed to them). */
  'live:listen': [
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

/**
 * Exiting someone for violence or threats toward staff (PRODUCT.md step 7) is a program manager's
 * decision; the participant status function asks this before it records that reason.
 */
export function mayRemoveForViolence(roles: readonly Role[]): boolean {
  return roles.includes('program_manager');
}

/** The actions a set of roles may take at a site, for the web app's navigation. */
export function permittedActions(roles: readonly Role[]): Action[] {
  return (Object.keys(ACTIONS) as Action[]).filter(
    (action) => authorize({ userId: '', rolesAtSite: roles }, action).allowed,
  );
}

/** What someone may do with one referral, once the site-level action has allowed them in. */
export type ReferralAccess = 'view' | 'contact_details' | 'record_outcome' | 'review' | 'prosecutor_decision';

const REFERRAL_ACCESS: Record<ReferralAccess, readonly Role[]> = {
  view: CARE_TEAM,
  /** How to reach someone who asked for contact: the care team only, never the police. */
  contact_details: CARE_TEAM,
  record_outcome: CARE_TEAM,
  review: CARE_TEAM,
  prosecutor_decision: ['prosecutor'],
};

/**
 * The resource-level rule for referrals: the care team may see and act on any at their site; an
 * officer only on the referrals they recorded (to see and record the offer's outcome); a prosecutor
 * only on the approval decision. Anything else is "not found", so existence does not leak.
 */
export function mayAccessReferral(
  principal: Principal,
  referral: { recordedBy: string | null },
  access: ReferralAccess,
): boolean {
  if (principal.rolesAtSite.some((role) => REFERRAL_ACCESS[access].includes(role))) return true;
  const ownReferral = referral.recordedBy !== null && referral.recordedBy === principal.userId;
  return (
    ownReferral &&
    principal.rolesAtSite.includes('officer') &&
    (access === 'view' || access === 'record_outcome')
  );
}

/**
 * The resource-level rule for hand-offs: the care team sees every hand-off at their site, an
 * officer only those they asked for (anything else is "not found"). Only the person it is offered
 * to (or who acknowledged it) and program managers may answer one.
 */
export function mayAccessHandoff(
  principal: Principal,
  handoff: { requestedBy: string; responderUserId: string | null },
  access: 'view' | 'respond',
): boolean {
  if (access === 'respond')
    return (
      principal.rolesAtSite.includes('program_manager') ||
      (handoff.responderUserId !== null &&
        handoff.responderUserId === principal.userId &&
        principal.rolesAtSite.some((role) => CARE_TEAM.includes(role)))
    );
  if (principal.rolesAtSite.some((role) => CARE_TEAM.includes(role))) return true;
  return handoff.requestedBy === principal.userId;
}

/**
 * The resource-level rule for participant records. Their routes admit any member of the site, and
 * everyone but the care team is told the record does not exist (a 404, as for another site's), so
 * officers, prosecutors and analysts learn nothing, not even that a person is a participant.
 */
export function mayAccessParticipant(principal: Principal, access: 'view' | 'write'): boolean {
  return authorize(principal, access === 'view' ? 'participants:view' : 'participants:write').allowed;
}

/**
 * Who may see and set a member of staff's SMS number: the person themselves, or a program manager
 * for anyone at the site. Anyone else is told it does not exist.
 */
export function mayManageStaffContact(principal: Principal, userId: string): boolean {
  return principal.userId === userId || principal.rolesAtSite.includes('program_manager');
}

/** Only a program manager may assign a case manager past the hard caseload maximum (with a reason). */
export function mayOverrideCaseloadCap(principal: Principal): boolean {
  return principal.rolesAtSite.includes('program_manager');
}

/**
 * Who may change a directory service's capacity: a program manager any, a provider user only their
 * own organization's (anyone else is told the service does not exist).
 */
export function mayManageDirectoryService(
  principal: Principal,
  service: { organizationId: string },
  ownOrganizationId: string | null,
): boolean {
  if (principal.rolesAtSite.includes('program_manager')) return true;
  return (
    principal.rolesAtSite.includes('provider') &&
    ownOrganizationId !== null &&
    ownOrganizationId === service.organizationId
  );
}

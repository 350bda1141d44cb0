// What each role's home offers (PRODUCT.md, "Who uses it"). A feature with a path is built; its
// card links there when the site's actions allow it. A feature without a path is "coming soon".
import type { Role } from '../../api/types.ts';
import { PATHS } from '../../routing.ts';

export type Feature = {
  /** Key under "features" in the translation files. */
  key: string;
  path?: string;
  /** The action (src/domain/access/policy.ts) the user needs at the site to open it. */
  action?: string;
};

const REFERRAL_REVIEW: Feature = {
  key: 'referralReview',
  path: PATHS.referralQueue,
  action: 'referrals:review',
};

const HANDOFF_QUEUE: Feature = { key: 'handoffQueue', path: PATHS.handoffQueue, action: 'handoffs:queue' };

const HANDOFF_REPORT: Feature = {
  key: 'handoffReport',
  path: PATHS.handoffReport,
  action: 'handoffs:figures',
};

const ON_CALL: Feature = { key: 'onCall', path: PATHS.onCall, action: 'on_call:view' };

const DIRECTORY: Feature = { key: 'directory', path: PATHS.directory, action: 'directory:view' };

const PARTICIPANTS: Feature = { key: 'participants', path: PATHS.participants, action: 'participants:view' };

const CARE_TEAM_FEATURES: Feature[] = [
  HANDOFF_QUEUE,
  REFERRAL_REVIEW,
  PARTICIPANTS,
  ON_CALL,
  DIRECTORY,
  { key: 'intakesDue', path: `${PATHS.handoffQueue}#intakes`, action: 'intakes:pending' },
  { key: 'caseload', path: PATHS.caseloads, action: 'caseloads:view' },
  { key: 'appointmentsToday', path: `${PATHS.myDay}#today`, action: 'appointments:use' },
];

export const ROLE_FEATURES: Record<Role, Feature[]> = {
  officer: [
    { key: 'screen', path: PATHS.screen, action: 'screening:submit' },
    { key: 'requestHandoff', path: `${PATHS.myReferrals}?status=accepted`, action: 'handoffs:request' },
    { key: 'myReferrals', path: PATHS.myReferrals, action: 'referrals:mine' },
  ],
  community_referrer: [{ key: 'refer' }],
  case_manager: CARE_TEAM_FEATURES,
  outreach: CARE_TEAM_FEATURES,
  peer_support: CARE_TEAM_FEATURES,
  program_manager: [
    { key: 'staff', path: PATHS.staff, action: 'staff:list' },
    { key: 'ruleSets', path: PATHS.ruleSets, action: 'rule_sets:view' },
    { key: 'screeningReport', path: PATHS.screeningReport, action: 'screenings:analyse' },
    REFERRAL_REVIEW,
    PARTICIPANTS,
    HANDOFF_QUEUE,
    ON_CALL,
    HANDOFF_REPORT,
    DIRECTORY,
    { key: 'caseloadCaps', path: PATHS.caseloads, action: 'caseloads:manage' },
    { key: 'fundsReport', path: PATHS.fundsReport, action: 'funds:report' },
    { key: 'dashboards' },
    { key: 'reports' },
  ],
  prosecutor: [{ key: 'intakeDeadlines', path: PATHS.prosecutor, action: 'prosecutor:deadlines' }],
  provider: [
    { key: 'serviceReferrals', path: PATHS.providerReferrals, action: 'service_referrals:provider' },
  ],
  analyst: [
    { key: 'equityFunnel', path: PATHS.screeningReport, action: 'screenings:analyse' },
    HANDOFF_REPORT,
    { key: 'ruleSets', path: PATHS.ruleSets, action: 'rule_sets:view' },
    { key: 'outcomes' },
    { key: 'imports' },
    { key: 'exports' },
  ],
  admin: [
    { key: 'staffRoles', path: PATHS.staff, action: 'staff:list' },
    { key: 'audit', path: PATHS.audit, action: 'audit:view' },
    { key: 'security' },
  ],
};

/** The order role sections appear in: field work first, oversight last. */
export const ROLE_ORDER: Role[] = [
  'officer',
  'community_referrer',
  'case_manager',
  'outreach',
  'peer_support',
  'provider',
  'prosecutor',
  'program_manager',
  'analyst',
  'admin',
];

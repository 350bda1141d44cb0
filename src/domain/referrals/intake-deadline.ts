import type { ReferralFacts } from './lifecycle.ts';

type Pathway = ReferralFacts['pathway'];

/** How many days after acceptance the intake must happen, per pathway: a site setting. */
export type IntakeDeadlineDays = Record<Pathway, number>;

/** The defaults (issue 4): 30 days for an arrest diversion, 14 for the other pathways. */
export const DEFAULT_INTAKE_DEADLINE_DAYS: IntakeDeadlineDays = {
  arrest_diversion: 30,
  social_contact: 14,
  community_referral: 14,
  self_referral: 14,
};

const DAY = 24 * 60 * 60 * 1000;

/** When the intake of a referral accepted at `acceptedAt` is due: whole days after acceptance. */
export function intakeDeadline(acceptedAt: Date, pathway: Pathway, days: IntakeDeadlineDays): Date {
  return new Date(acceptedAt.getTime() + days[pathway] * DAY);
}

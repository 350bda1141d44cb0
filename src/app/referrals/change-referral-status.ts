import {
  appendStatusChanges,
  findReferral,
  lockReferral,
  type ReferralRecord,
} from '../../db/repositories/referrals.ts';
import { findSiteSettings } from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import { mayAccessReferral, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { accessNeededFor, type StaffEvent, transition } from '../../domain/referrals/lifecycle.ts';
import { startIntakeDeadlineIfAccepted } from '../intake-deadlines/start-intake-deadline.ts';

export const REFERRAL_NOT_FOUND = () => new DomainError('NOT_FOUND', 'Not found.');

/** Loads a referral the principal may access in this way; anything else is "not found". */
export async function accessibleReferral(
  tx: Tx,
  siteId: string,
  principal: Principal,
  referralId: string,
  access: Parameters<typeof mayAccessReferral>[2],
): Promise<ReferralRecord> {
  const referral = await findReferral(tx, siteId, referralId);
  if (!referral || !mayAccessReferral(principal, referral, access)) throw REFERRAL_NOT_FOUND();
  return referral;
}

/** Moves a referral through the lifecycle, under a row lock, writing its status history. */
export async function changeReferralStatus(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  referralId: string,
  event: StaffEvent,
): Promise<ReferralRecord> {
  const { siteId, principal, now } = context;
  await lockReferral(tx, siteId, referralId);
  const referral = await accessibleReferral(tx, siteId, principal, referralId, accessNeededFor(event.type));
  const settings = await findSiteSettings(tx, siteId);
  const step = transition(referral.status, event, {
    screening: referral.screeningStatus,
    pathway: referral.pathway,
    prosecutorApprovalRequired: settings.prosecutorApprovalRequired,
  });
  await appendStatusChanges(tx, { siteId, referralId, steps: [step], at: now, by: principal.userId });
  await startIntakeDeadlineIfAccepted(tx, {
    siteId,
    referralId,
    pathway: referral.pathway,
    steps: [step],
    at: now,
  });
  return { ...referral, status: step.to, updatedAt: now };
}

import { categoriesDisclosedFor } from '../../app/participants/disclosure.ts';
import { type OfficerProgress, progressForArrestingAgency } from '../../app/referrals/officer-progress.ts';
import type { ReferralRecord } from '../../db/repositories/referrals.ts';
import type { StoredRuleSet } from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import { mayAccessParticipant, type Principal } from '../../domain/access/policy.ts';
import { isEnrolled, statusWithoutEnrolment } from '../../domain/referrals/lifecycle.ts';

/** What an officer or the care team sees in a list: no answers, no demographics, no notes. */
export function presentReferralSummary(referral: ReferralRecord) {
  return {
    id: referral.id,
    status: referral.status,
    pathway: referral.pathway,
    nameOrAlias: referral.nameOrAlias,
    occurredAt: referral.occurredAt.toISOString(),
    area: referral.area,
    incidentNumber: referral.incidentNumber,
    screening: referral.screeningStatus,
    decidedBy: referral.decidedBy ?? [],
  };
}

export function presentRuleSet(ruleSet: StoredRuleSet) {
  return {
    id: ruleSet.id,
    name: ruleSet.name,
    version: ruleSet.version,
    rules: ruleSet.rules,
    createdAt: ruleSet.createdAt.toISOString(),
  };
}

/**
 * The referrals as `principal` may see them: the care team sees every status; anyone else (the
 * officer who recorded it, for the arresting agency) sees "enrolled" only where a release in force
 * names the arresting agency with enrolment_status, and otherwise the status before it (accepted).
 * Asked on each read, so a revocation counts from the next request.
 */
export async function withEnrolmentAsReleased(
  tx: Tx,
  siteId: string,
  principal: Principal,
  referrals: readonly ReferralRecord[],
  now: Date,
): Promise<ReferralRecord[]> {
  if (mayAccessParticipant(principal, 'view')) return [...referrals];
  const disclosed = await categoriesDisclosedFor(
    tx,
    siteId,
    referrals.filter((referral) => isEnrolled(referral.status)).map((referral) => referral.id),
    { kind: 'arresting_agency' },
    now,
  );
  return referrals.map((referral) =>
    disclosed.get(referral.id)?.has('enrolment_status')
      ? referral
      : { ...referral, status: statusWithoutEnrolment(referral.status) },
  );
}

/**
 * The progress the recording officer may see of each referral's person (see officer-progress.ts);
 * the care team reads the participant record instead, so they get none here. Asked on each read.
 */
export async function progressAsReleased(
  tx: Tx,
  siteId: string,
  principal: Principal,
  referrals: readonly ReferralRecord[],
  now: Date,
): Promise<Map<string, OfficerProgress>> {
  if (mayAccessParticipant(principal, 'view')) return new Map();
  return progressForArrestingAgency(tx, { siteId, now }, referrals);
}

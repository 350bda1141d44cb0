import type { ReferralRecord } from '../../db/repositories/referrals.ts';
import type { StoredRuleSet } from '../../db/repositories/screening-settings.ts';

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

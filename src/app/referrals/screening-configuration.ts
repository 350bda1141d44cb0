import {
  type EligibleCharge,
  findCurrentRuleSet,
  findEligibleCharges,
  type StoredRuleSet,
} from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';

export type ScreeningConfiguration = {
  ruleSet: StoredRuleSet;
  charges: EligibleCharge[];
  prosecutorApprovalRequired: boolean;
};

/** What a screening at this site is decided by: the current rule set, the eligible charges, the approval step. */
export async function screeningConfiguration(tx: Tx, siteId: string): Promise<ScreeningConfiguration> {
  const current = await findCurrentRuleSet(tx, siteId);
  if (!current)
    throw new DomainError(
      'NO_RULE_SET',
      'This site has no eligibility rules yet. A program manager sets them.',
    );
  return {
    ruleSet: current.ruleSet,
    charges: (await findEligibleCharges(tx, siteId)).filter((charge) => charge.active),
    prosecutorApprovalRequired: current.prosecutorApprovalRequired,
  };
}

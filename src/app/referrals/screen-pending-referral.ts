import type { ScreenPendingReferralRequest } from '../../contracts/referrals.ts';
import {
  appendStatusChanges,
  insertDemographicReport,
  insertScreening,
  lockReferral,
  updatePersonAge,
} from '../../db/repositories/referrals.ts';
import { findRuleSet } from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { evaluateScreening, type ScreeningDecision } from '../../domain/eligibility/evaluate.ts';
import { DomainError } from '../../domain/errors.ts';
import { transitions } from '../../domain/referrals/lifecycle.ts';
import { startIntakeDeadlineIfAccepted } from '../intake-deadlines/start-intake-deadline.ts';
import { accessibleReferral } from './change-referral-status.ts';
import { screeningConfiguration } from './screening-configuration.ts';
import { demographicReport, offerEvents } from './submit-encounter.ts';

/**
 * Screens someone who asked for contact (community or self-referral), usually on the phone: the
 * screening, the demographics (self-reported when the person answered them) and the offer's outcome
 * are recorded on the request's own encounter, and the referral moves on from "pending review".
 */
export async function screenPendingReferral(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  referralId: string,
  request: ScreenPendingReferralRequest,
): Promise<{ decision: ScreeningDecision }> {
  const { siteId, principal, now } = context;
  await lockReferral(tx, siteId, referralId);
  const referral = await accessibleReferral(tx, siteId, principal, referralId, 'review');
  const configuration = await screeningConfiguration(tx, siteId);
  const ruleSet = request.ruleSetId
    ? await findRuleSet(tx, siteId, request.ruleSetId)
    : configuration.ruleSet;
  if (!ruleSet) throw new DomainError('UNKNOWN_RULE_SET', 'That rule set does not exist at this site.');

  const decision = evaluateScreening(ruleSet, request.answers);
  const steps = transitions(referral.status, [{ type: 'screen' }, ...offerEvents(request.offer)], {
    screening: decision.status,
    pathway: referral.pathway,
    prosecutorApprovalRequired: configuration.prosecutorApprovalRequired,
  });
  const where = {
    siteId,
    personId: referral.personId,
    encounterId: referral.encounterId,
    userId: principal.userId,
    now,
  };
  await insertDemographicReport(
    tx,
    demographicReport(request.demographics, request.demographicsSource, where),
  );
  await updatePersonAge(tx, siteId, referral.personId, {
    dateOfBirth: request.answers.dateOfBirth ?? null,
    approximateAge: request.answers.dateOfBirth ? null : (request.answers.age ?? null),
  });
  await insertScreening(tx, {
    siteId,
    encounterId: referral.encounterId,
    ruleSetId: ruleSet.id,
    answers: request.answers,
    decision: { ...decision, ruleSet: { name: ruleSet.name, version: ruleSet.version } },
    screenedOn: request.answers.screenedOn,
    at: now,
  });
  await appendStatusChanges(tx, { siteId, referralId, steps, at: now, by: principal.userId });
  await startIntakeDeadlineIfAccepted(tx, { siteId, referralId, pathway: referral.pathway, steps, at: now });
  return { decision };
}

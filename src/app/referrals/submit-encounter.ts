import type { SubmitEncounterRequest } from '../../contracts/referrals.ts';
import {
  type DemographicReport,
  insertDemographicReport,
  insertEncounter,
  insertFirstStatusChanges,
  insertPerson,
  insertReferral,
  insertScreening,
} from '../../db/repositories/referrals.ts';
import { findRuleSet } from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import { evaluateScreening, type ScreeningDecision } from '../../domain/eligibility/evaluate.ts';
import { DomainError } from '../../domain/errors.ts';
import { type ReferralEvent, transitions } from '../../domain/referrals/lifecycle.ts';
import { startIntakeDeadlineIfAccepted } from '../intake-deadlines/start-intake-deadline.ts';
import { screeningConfiguration } from './screening-configuration.ts';

export type Recorder = { userId: string; siteId: string; now: Date };

/** The lifecycle events that record an offer's outcome. */
export function offerEvents(offer: SubmitEncounterRequest['offer']): ReferralEvent[] {
  switch (offer.outcome) {
    case 'accepted':
      return [{ type: 'offer' }, { type: 'accept' }];
    case 'declined':
      return [{ type: 'offer' }, { type: 'decline', reason: offer.reason }];
    case 'not_offered':
      return [{ type: 'not_offer', reason: offer.reason, note: offer.note }];
    case 'pending':
      return [];
  }
}

/**
 * Records one encounter as the officer submitted it: the person, the officer-perceived
 * demographics, the screening with every rule's outcome, and the referral with its status history.
 * Every screening is kept, eligible or not. The screening is decided under the rule set the
 * officer's device used (so an offline submission means what the officer saw), else the current one.
 */
export async function submitEncounter(
  tx: Tx,
  recorder: Recorder,
  request: SubmitEncounterRequest,
): Promise<{ referralId: string; decision: ScreeningDecision }> {
  const configuration = await screeningConfiguration(tx, recorder.siteId);
  const ruleSet = request.ruleSetId
    ? await findRuleSet(tx, recorder.siteId, request.ruleSetId)
    : configuration.ruleSet;
  if (!ruleSet) throw new DomainError('UNKNOWN_RULE_SET', 'That rule set does not exist at this site.');

  if (request.pathway === 'arrest_diversion') {
    if (!request.incidentNumber)
      throw new DomainError('INCIDENT_NUMBER_REQUIRED', 'An arrest diversion needs the incident number.');
    if (request.chargeCodes.length === 0) {
      throw new DomainError(
        'CHARGE_REQUIRED',
        'An arrest diversion needs at least one LEAD-eligible charge.',
      );
    }
  }
  const known = new Set(configuration.charges.map((charge) => charge.code));
  const unknown = request.chargeCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new DomainError(
      'UNKNOWN_CHARGE',
      `Not on this site's list of LEAD-eligible charges: ${unknown.join(', ')}.`,
    );
  }

  const decision = evaluateScreening(ruleSet, request.answers);
  const steps = transitions(null, [{ type: 'screen' }, ...offerEvents(request.offer)], {
    screening: decision.status,
    pathway: request.pathway,
    prosecutorApprovalRequired: configuration.prosecutorApprovalRequired,
  });
  const finalStatus = steps.at(-1)?.to ?? 'screened';

  const { siteId, now, userId } = recorder;
  const personId = await insertPerson(tx, {
    siteId,
    nameOrAlias: request.person.nameOrAlias,
    dateOfBirth: request.answers.dateOfBirth ?? null,
    approximateAge: request.answers.dateOfBirth ? null : (request.answers.age ?? null),
    at: now,
  });
  const encounterId = await insertEncounter(tx, {
    siteId,
    personId,
    pathway: request.pathway,
    recordedBy: userId,
    incidentNumber: request.incidentNumber ?? null,
    chargeCodes: request.chargeCodes,
    area: request.area || null,
    occurredAt: new Date(request.occurredAt),
    recordedAt: now,
  });
  await insertDemographicReport(
    tx,
    demographicReport(request.perceivedDemographics, 'officer_perceived', {
      siteId,
      personId,
      encounterId,
      userId,
      now,
    }),
  );
  await insertScreening(tx, {
    siteId,
    encounterId,
    ruleSetId: ruleSet.id,
    answers: request.answers,
    decision: { ...decision, ruleSet: { name: ruleSet.name, version: ruleSet.version } },
    screenedOn: request.answers.screenedOn,
    at: now,
  });
  const referralId = await insertReferral(tx, {
    siteId,
    encounterId,
    personId,
    status: finalStatus,
    at: now,
  });
  // The referral row already holds the last step's status and time: only the history is added.
  await insertFirstStatusChanges(tx, { siteId, referralId, steps, at: now, by: userId });
  await startIntakeDeadlineIfAccepted(tx, { siteId, referralId, pathway: request.pathway, steps, at: now });
  return { referralId, decision };
}

/** A demographics answer as a row: each of race, ethnicity and gender answered or why not. */
export function demographicReport(
  demographics: SubmitEncounterRequest['perceivedDemographics'],
  source: DemographicReport['source'],
  where: { siteId: string; personId: string; encounterId: string; userId: string; now: Date },
): DemographicReport {
  return {
    site_id: where.siteId,
    person_id: where.personId,
    encounter_id: where.encounterId,
    source,
    race: demographics.race ?? null,
    race_missing: demographics.raceMissing ?? null,
    ethnicity: demographics.ethnicity ?? null,
    ethnicity_missing: demographics.ethnicityMissing ?? null,
    gender: demographics.gender ?? null,
    gender_missing: demographics.genderMissing ?? null,
    recorded_at: where.now,
    recorded_by: where.userId,
  };
}

import { demographicsSchema } from '../../contracts/referrals.ts';
import { findIntake, markIntakeCompleted } from '../../db/repositories/intakes.ts';
import {
  appendParticipantStep,
  lockParticipant,
  type ParticipantRecord,
} from '../../db/repositories/participants.ts';
import {
  appendStatusChanges,
  findReferral,
  insertDemographicReport,
  lockReferral,
} from '../../db/repositories/referrals.ts';
import { findReleasesOfParticipant } from '../../db/repositories/releases.ts';
import { findSiteSettings } from '../../db/repositories/screening-settings.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { dateInZone, mayCompleteIntake } from '../../domain/participants/intake.ts';
import { participantTransition } from '../../domain/participants/participant-status.ts';
import { transition } from '../../domain/referrals/lifecycle.ts';
import { completeIntakeDeadline } from '../intake-deadlines/complete-intake-deadline.ts';
import { accessibleParticipant } from './accessible-participant.ts';

/**
 * Completes an intake, which enrols the person: refused (RELEASE_REQUIRED) without a signed
 * release in force today. In one transaction: the participant moves to enrolled (a status event),
 * the referral to enrolled through the lifecycle's transition(), the intake deadline shows the
 * intake completed (its timers cancelled), and the self-reported demographics are recorded.
 */
export async function completeIntake(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  participantId: string,
): Promise<{ participant: ParticipantRecord; referralId: string }> {
  const { siteId, principal, now } = context;
  const participant = await accessibleParticipant(tx, siteId, participantId);
  await lockReferral(tx, siteId, participant.referralId);
  await lockParticipant(tx, siteId, participantId);
  const intake = await findIntake(tx, siteId, participantId);
  if (!intake) throw new DomainError('NOT_FOUND', 'Not found.');
  if (intake.state === 'completed')
    throw new DomainError('INTAKE_COMPLETED', 'This intake is completed already.');

  const site = await findSiteById(tx, siteId);
  if (!site) throw new DomainError('NOT_FOUND', 'Not found.');
  const releases = await findReleasesOfParticipant(tx, siteId, participantId);
  if (!mayCompleteIntake(releases, dateInZone(now, site.timezone)))
    throw new DomainError(
      'RELEASE_REQUIRED',
      'The intake cannot complete without a signed release of information in force.',
    );

  const referral = await findReferral(tx, siteId, participant.referralId);
  if (!referral) throw new DomainError('NOT_FOUND', 'Not found.');
  const step = transition(
    referral.status,
    { type: 'complete_intake' },
    {
      screening: referral.screeningStatus,
      pathway: referral.pathway,
      prosecutorApprovalRequired: (await findSiteSettings(tx, siteId)).prosecutorApprovalRequired,
    },
  );
  const enrolment = participantTransition(
    participant.status,
    { type: 'enrol' },
    { kind: 'staff', roles: principal.rolesAtSite },
  );

  await appendParticipantStep(tx, { siteId, participantId, step: enrolment, at: now, by: principal.userId });
  await appendStatusChanges(tx, {
    siteId,
    referralId: referral.id,
    steps: [step],
    at: now,
    by: principal.userId,
  });
  await completeIntakeDeadline(tx, { siteId, referralId: referral.id, at: now });
  await markIntakeCompleted(tx, { siteId, participantId, by: principal.userId, at: now });

  const demographics = demographicsSchema.safeParse(intake.demographics);
  if (demographics.success)
    await insertDemographicReport(tx, {
      site_id: siteId,
      person_id: participant.personId,
      encounter_id: null,
      source: 'self_reported',
      race: demographics.data.race ?? null,
      race_missing: demographics.data.raceMissing ?? null,
      ethnicity: demographics.data.ethnicity ?? null,
      ethnicity_missing: demographics.data.ethnicityMissing ?? null,
      gender: demographics.data.gender ?? null,
      gender_missing: demographics.data.genderMissing ?? null,
      recorded_at: now,
      recorded_by: principal.userId,
    });
  return {
    participant: { ...participant, status: enrolment.to, enrolledAt: now },
    referralId: referral.id,
  };
}

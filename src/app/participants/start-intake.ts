import { insertIntake } from '../../db/repositories/intakes.ts';
import { findStaffOfSite } from '../../db/repositories/memberships.ts';
import {
  appendParticipantStep,
  findParticipant,
  findParticipantOfPerson,
  insertParticipant,
  type ParticipantRecord,
} from '../../db/repositories/participants.ts';
import { findReferral, lockReferral } from '../../db/repositories/referrals.ts';
import { findSiteSettings } from '../../db/repositories/screening-settings.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { CARE_TEAM } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { participantTransition, requireInProgram } from '../../domain/participants/participant-status.ts';
import { awaitsIntake } from '../../domain/referrals/lifecycle.ts';
import { assignCaseManager } from '../caseloads/assign-case-manager.ts';
import { PARTICIPANT_NOT_FOUND } from './accessible-participant.ts';

/**
 * The care team starts the intake of an accepted referral: the person becomes a participant in
 * intake (one per person per site), with a case manager (the starter unless another is named) and
 * an empty intake draft. Starting again answers the same participant. A person who exited is not
 * started again here: re-entry belongs to the exit feature (participantTransition's re_enter).
 */
export async function startIntake(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  referralId: string,
  request: { caseManagerId?: string | undefined },
): Promise<{ participant: ParticipantRecord; started: boolean }> {
  const { siteId, principal, now } = context;
  await lockReferral(tx, siteId, referralId);
  const referral = await findReferral(tx, siteId, referralId);
  if (!referral) throw PARTICIPANT_NOT_FOUND();

  const existing = await findParticipantOfPerson(tx, siteId, referral.personId);
  if (existing) requireInProgram(existing.status, 'starting an intake');
  if (existing) return { participant: existing, started: false };

  const facts = {
    screening: referral.screeningStatus,
    pathway: referral.pathway,
    prosecutorApprovalRequired: (await findSiteSettings(tx, siteId)).prosecutorApprovalRequired,
  };
  if (!awaitsIntake(referral.status, facts))
    throw new DomainError('REFERRAL_NOT_ACCEPTED', 'Only an accepted referral can start an intake.');

  const caseManagerId = request.caseManagerId ?? principal.userId;
  if (request.caseManagerId !== undefined) {
    const member = (await findStaffOfSite(tx, siteId, caseManagerId))[0];
    if (!member?.roles.some((role) => CARE_TEAM.includes(role)))
      throw new DomainError(
        'NOT_ON_CARE_TEAM',
        'Only someone on this site’s care team can be the case manager.',
        { userId: caseManagerId },
      );
  }
  const participantId = await insertParticipant(tx, {
    siteId,
    personId: referral.personId,
    referralId,
    caseManagerId: null,
    at: now,
  });
  // Through the caseload rule (locked count, refused at the hard maximum: CASELOAD_FULL).
  await assignCaseManager(tx, context, { participantId, caseManagerId, overrideReason: null });
  const step = participantTransition(
    null,
    { type: 'start_intake' },
    { kind: 'staff', roles: principal.rolesAtSite },
  );
  await appendParticipantStep(tx, { siteId, participantId, step, at: now, by: principal.userId });
  await insertIntake(tx, { siteId, participantId, by: principal.userId, at: now });
  const participant = await findParticipant(tx, siteId, participantId);
  if (!participant) throw new Error('a participant vanished inside its own transaction');
  return { participant, started: true };
}

import {
  findParticipantStanding,
  isReferralOfPerson,
  type ParticipantStanding,
  setParticipantReferral,
} from '../../db/repositories/participant-status-events.ts';
import { appendParticipantStep } from '../../db/repositories/participants.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  type ParticipantActor,
  type ParticipantEvent,
  type ParticipantStep,
  participantTransition,
} from '../../domain/participants/participant-status.ts';
import { keepCaseManagerOnReEntry } from '../caseloads/re-entry-caseload.ts';
import { engagementContext, engagementOfParticipant, requireCareParticipant } from './care-participant.ts';

export type StatusChange = {
  siteId: string;
  participantId: string;
  event: ParticipantEvent;
  actor: ParticipantActor;
  /** Who made the change (null for a site policy). */
  userId: string | null;
  now: Date;
  /** On re-entry: the new referral that brought the person back, if there is one. */
  referralId?: string | undefined;
  /**
   * On re-entry by staff: who re-enters them (keeping their case manager is an assignment, under the
   * caseload caps) and a program manager's reason to go past the hard maximum.
   */
  caseload?: { principal: Principal; overrideReason: string | null } | undefined;
};

/**
 * Moves a participant through the status function (locked, so two changes take turns) and records
 * the step; NOT_FOUND when there is no such participant at the site. Nothing else is cleared:
 * appointments, funds, contacts and the history all stay.
 */
export async function changeParticipantStatus(
  tx: Tx,
  change: StatusChange,
): Promise<{ participant: ParticipantStanding; step: ParticipantStep; overCap: boolean }> {
  const { siteId, participantId } = change;
  const participant = await findParticipantStanding(tx, siteId, participantId, { lock: true });
  if (!participant) throw new DomainError('NOT_FOUND', 'Not found.');
  const step = participantTransition(participant.status, change.event, change.actor);
  if (change.event.type === 'exit' && change.event.reason === 'no_contact_past_limit')
    await assertInTheWind(tx, siteId, participantId, change.now);
  if (change.referralId && !(await isReferralOfPerson(tx, siteId, change.referralId, participant.personId)))
    throw new DomainError('VALIDATION_FAILED', 'That referral is not one of this person’s.', {
      field: 'referralId',
    });
  let overCap = false;
  if (change.event.type === 're_enter' && participant.caseManagerId) {
    if (!change.caseload) throw new Error('a re-entry keeping a case manager needs the caseload rule');
    ({ overCap } = await keepCaseManagerOnReEntry(
      tx,
      { siteId, principal: change.caseload.principal, now: change.now },
      {
        participantId,
        caseManagerId: participant.caseManagerId,
        overrideReason: change.caseload.overrideReason,
      },
    ));
  }
  await appendParticipantStep(tx, { siteId, participantId, step, at: change.now, by: change.userId });
  if (change.event.type === 're_enter' && change.referralId)
    await setParticipantReferral(tx, { siteId, participantId, referralId: change.referralId });
  const after = await findParticipantStanding(tx, siteId, participantId);
  if (!after) throw new DomainError('NOT_FOUND', 'Not found.');
  return { participant: after, step, overCap };
}

/**
 * "No contact past the site's limit" is a fact, not a choice: it is refused (NOT_IN_THE_WIND) unless
 * the person's engagement, derived from the contact log and the site's thresholds, is "in the wind".
 */
async function assertInTheWind(tx: Tx, siteId: string, participantId: string, now: Date): Promise<void> {
  const participant = await requireCareParticipant(tx, siteId, participantId);
  const site = await engagementContext(tx, siteId);
  const engagement = engagementOfParticipant(participant, now, site);
  if (engagement.level !== 'in_the_wind')
    throw new DomainError(
      'NOT_IN_THE_WIND',
      `No contact past the site's limit needs more than ${site.thresholds.inTheWindDays} days without contact; it has been ${engagement.daysSince}.`,
    );
}

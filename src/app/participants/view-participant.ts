import { findIntake } from '../../db/repositories/intakes.ts';
import { findContactMethods, type ParticipantRecord } from '../../db/repositories/participants.ts';
import { findReferral } from '../../db/repositories/referrals.ts';
import { findReleasesOfParticipant } from '../../db/repositories/releases.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { dateInZone, releaseDefaults } from '../../domain/participants/intake.ts';
import { accessibleParticipant } from './accessible-participant.ts';
import { participantTimeline } from './participant-timeline.ts';

/**
 * Everything on a participant's page, for the care team (the route audits the read): the timeline's
 * newest page only, with the cursor of the next; the timeline reuses the intake and releases loaded here.
 */
export async function viewParticipant(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  participantId: string,
) {
  const { siteId, now } = context;
  const participant: ParticipantRecord = await accessibleParticipant(tx, siteId, participantId);
  const [site, referral, intake, releases, contactMethods] = [
    await findSiteById(tx, siteId),
    await findReferral(tx, siteId, participant.referralId),
    (await findIntake(tx, siteId, participantId)) ?? null,
    await findReleasesOfParticipant(tx, siteId, participantId),
    await findContactMethods(tx, siteId, participant.personId),
  ];
  if (!site || !referral) throw new DomainError('NOT_FOUND', 'Not found.');
  const timeline = await participantTimeline(tx, { siteId, participant, loaded: { intake, releases } });
  return {
    participant,
    referral,
    intake,
    releases,
    contactMethods,
    timeline,
    today: dateInZone(now, site.timezone),
    releaseDefaults: releaseDefaults(site.name),
  };
}

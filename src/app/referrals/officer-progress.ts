import { findCareParticipant } from '../../db/repositories/participant-care.ts';
import { findParticipantOfReferral } from '../../db/repositories/participants.ts';
import type { Tx } from '../../db/scope.ts';
import type { EngagementLevel } from '../../domain/participants/engagement.ts';
import { dateInZone } from '../../domain/participants/intake.ts';
import { isEnrolled, type ReferralStatus } from '../../domain/referrals/lifecycle.ts';
import { engagementContext, engagementOfParticipant } from '../participants/care-participant.ts';
import { categoriesDisclosedFor } from '../participants/disclosure.ts';

/**
 * What the arresting agency may learn of an enrolled person's progress: each key only under its
 * category (enrolment_status, engagement_level) of a release in force naming the agency. Nothing
 * clinical, nothing else.
 */
export type OfficerProgress = {
  /** Enrolled or exited, and the site-local date of it (enrolment_status). */
  enrolment?: { status: 'enrolled' | 'exited'; on: string };
  /** Derived from the contact log with the site's thresholds, while enrolled (engagement_level). */
  engagement?: EngagementLevel;
};

/**
 * The progress the arresting agency may see for each referral that brought someone into the
 * program, read from the releases at this moment (a revocation counts from the next request).
 * Referrals with nothing to show are absent from the map.
 */
export async function progressForArrestingAgency(
  tx: Tx,
  context: { siteId: string; now: Date },
  referrals: readonly { id: string; status: ReferralStatus }[],
): Promise<Map<string, OfficerProgress>> {
  const progress = new Map<string, OfficerProgress>();
  const enrolledIds = referrals.filter((referral) => isEnrolled(referral.status)).map((each) => each.id);
  if (enrolledIds.length === 0) return progress;
  const disclosed = await categoriesDisclosedFor(
    tx,
    context.siteId,
    enrolledIds,
    { kind: 'arresting_agency' },
    context.now,
  );
  const site = await engagementContext(tx, context.siteId);
  for (const referralId of enrolledIds) {
    const allowed = disclosed.get(referralId);
    if (!allowed || (!allowed.has('enrolment_status') && !allowed.has('engagement_level'))) continue;
    const participant = await findParticipantOfReferral(tx, context.siteId, referralId);
    if (!participant || participant.status === 'intake') continue;
    const shown: OfficerProgress = {};
    if (allowed.has('enrolment_status')) {
      const at = participant.status === 'exited' ? participant.exitedAt : participant.enrolledAt;
      if (at) shown.enrolment = { status: participant.status, on: dateInZone(at, site.timeZone) };
    }
    if (allowed.has('engagement_level') && participant.status === 'enrolled') {
      const care = await findCareParticipant(tx, context.siteId, participant.id);
      if (care) shown.engagement = engagementOfParticipant(care, context.now, site).level;
    }
    if (shown.enrolment || shown.engagement) progress.set(referralId, shown);
  }
  return progress;
}

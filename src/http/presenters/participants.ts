import {
  encodeTimelineCursor,
  type TimelineItem,
  type TimelinePageResult,
} from '../../app/participants/participant-timeline.ts';
import type { viewParticipant } from '../../app/participants/view-participant.ts';
import type { IntakeRecord } from '../../db/repositories/intakes.ts';
import type { ParticipantRecord } from '../../db/repositories/participants.ts';
import type { ReleaseRecord } from '../../db/repositories/releases.ts';
import { releaseInForce } from '../../domain/participants/release.ts';

/** A participant in the care team's list: name, status, case manager, enrolment date. */
export function presentParticipantSummary(participant: ParticipantRecord) {
  return {
    id: participant.id,
    nameOrAlias: participant.nameOrAlias,
    status: participant.status,
    caseManager:
      participant.caseManagerId === null
        ? null
        : { id: participant.caseManagerId, name: participant.caseManagerName ?? '' },
    referralId: participant.referralId,
    createdAt: participant.createdAt.toISOString(),
    enrolledAt: participant.enrolledAt?.toISOString() ?? null,
  };
}

/** A release with every element, as the person signed it, and whether it is in force today. */
export function presentRelease(release: ReleaseRecord, today: string) {
  return {
    id: release.id,
    personName: release.personName,
    discloser: release.discloser,
    categories: release.categories,
    recipients: release.recipients,
    purpose: release.purpose,
    revocationTerms: release.revocationTerms,
    expiresOn: release.expiresOn,
    expiryEvent: release.expiryEvent,
    signature:
      release.signatureKind === 'typed'
        ? { kind: 'typed' as const, typedName: release.signature }
        : { kind: 'drawn' as const, image: release.signature },
    signedOn: release.signedOn,
    recordedAt: release.recordedAt.toISOString(),
    inForce: releaseInForce(release, today),
    revokedAt: release.revokedAt?.toISOString() ?? null,
    revocationNote: release.revocationNote,
  };
}

export function presentIntake(intake: IntakeRecord) {
  return {
    state: intake.state,
    neededNow: intake.neededNow,
    immediateNeeds: intake.immediateNeeds,
    priorities: intake.priorities,
    needs: intake.needs,
    demographics: (intake.demographics ?? null) as Record<string, unknown> | null,
    startedAt: intake.startedAt.toISOString(),
    updatedAt: intake.updatedAt.toISOString(),
    updatedBy: intake.updatedBy,
    completedAt: intake.completedAt?.toISOString() ?? null,
  };
}

export function presentTimelineItem(item: TimelineItem) {
  return {
    kind: item.kind,
    id: item.id,
    at: item.at.toISOString(),
    what: item.what,
    detail: item.detail,
    by: item.by,
  };
}

/** A page of the timeline, with the opaque cursor of the next (older) page. */
export function presentTimelinePage(page: TimelinePageResult) {
  return {
    timeline: page.items.map(presentTimelineItem),
    timelineCursor: page.nextCursor ? encodeTimelineCursor(page.nextCursor) : null,
  };
}

/** A participant's page: summary, referral, intake, releases, ways to reach them, timeline. */
export function presentParticipantDetail(view: Awaited<ReturnType<typeof viewParticipant>>) {
  return {
    ...presentParticipantSummary(view.participant),
    referral: {
      id: view.referral.id,
      status: view.referral.status,
      pathway: view.referral.pathway,
      occurredAt: view.referral.occurredAt.toISOString(),
    },
    intake: view.intake ? presentIntake(view.intake) : null,
    releases: view.releases.map((release) => presentRelease(release, view.today)),
    contactMethods: view.contactMethods,
    releaseDefaults: view.releaseDefaults,
    ...presentTimelinePage(view.timeline),
  };
}

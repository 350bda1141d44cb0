import { findAppointmentTimeline } from '../../db/repositories/appointments.ts';
import { findFundTimeline } from '../../db/repositories/funds.ts';
import { findIntake } from '../../db/repositories/intakes.ts';
import { findContactTimeline } from '../../db/repositories/participant-contacts.ts';
import { findParticipantStatusEvents, type ParticipantRecord } from '../../db/repositories/participants.ts';
import { findPlanTimeline } from '../../db/repositories/plan-goals.ts';
import { findReleasesOfParticipant } from '../../db/repositories/releases.ts';
import type { Tx } from '../../db/scope.ts';

/** One thing that happened to a participant, for their page's timeline. */
export type TimelineItem = {
  /** What kind of thing: 'status', 'release', 'intake', and each feature's own ('contact', ...). */
  kind: string;
  at: Date;
  /** A translatable key of what happened, "<kind>.<event>", e.g. 'status.enrolled', 'release.revoked'. */
  what: string;
  /** A short note shown with it (a reason, the recipients); never clinical detail. */
  detail: string | null;
  /** Who did it (display name), when someone did. */
  by: string | null;
};

/** Where timeline items come from: one query and one mapping per kind. */
export type TimelineSource = (
  tx: Tx,
  where: { siteId: string; participant: ParticipantRecord },
) => Promise<TimelineItem[]>;

const statusEvents: TimelineSource = async (tx, { siteId, participant }) =>
  (await findParticipantStatusEvents(tx, siteId, participant.id)).map((event) => ({
    kind: 'status',
    at: event.at,
    // An exit says why: 'exit.<reason>' (goals met, moved, removed for violence...).
    what: event.event === 'exited' && event.exitReason ? `exit.${event.exitReason}` : `status.${event.event}`,
    detail: event.reason,
    by: event.by,
  }));

const releaseEvents: TimelineSource = async (tx, { siteId, participant }) =>
  (await findReleasesOfParticipant(tx, siteId, participant.id)).flatMap((release) => {
    const recipients = release.recipients.map((recipient) => recipient.name).join(', ');
    const signed: TimelineItem = {
      kind: 'release',
      at: release.recordedAt,
      what: 'release.signed',
      detail: recipients,
      by: release.recordedByName ?? null,
    };
    if (!release.revokedAt) return [signed];
    return [
      signed,
      {
        kind: 'release',
        at: release.revokedAt,
        what: 'release.revoked',
        detail: release.revocationNote ?? recipients,
        by: release.revokedByName ?? null,
      },
    ];
  });

const intakeCompleted: TimelineSource = async (tx, { siteId, participant }) => {
  const intake = await findIntake(tx, siteId, participant.id);
  if (!intake?.completedAt) return [];
  return [
    {
      kind: 'intake',
      at: intake.completedAt,
      what: 'intake.completed',
      detail: null,
      by: intake.completedBy,
    },
  ];
};

/** Contacts: 'contact.<kind>', with the duration; never the note. */
const contacts: TimelineSource = async (tx, { siteId, participant }) =>
  (await findContactTimeline(tx, siteId, participant.id)).map((contact) => ({
    kind: 'contact',
    at: contact.occurredAt,
    what: `contact.${contact.kind}`,
    detail: contact.durationMinutes === null ? null : `${contact.durationMinutes} min`,
    by: contact.loggedBy,
  }));

/** Plan changes: 'plan.created', 'plan.status.<status>', 'plan.reworded', 'plan.needs_changed' (not the words). */
const planChanges: TimelineSource = async (tx, { siteId, participant }) =>
  (await findPlanTimeline(tx, siteId, participant.id)).map((change) => ({
    kind: 'plan',
    at: change.at,
    what: change.event === 'status_changed' ? `plan.status.${change.toStatus}` : `plan.${change.event}`,
    detail: null,
    by: change.by,
  }));

/** Appointments: 'appointment.scheduled' when booked, then 'appointment.<attended|missed|cancelled>'; the place, never the purpose. */
const appointments: TimelineSource = async (tx, { siteId, participant }) =>
  (await findAppointmentTimeline(tx, siteId, participant.id)).flatMap((appointment) => [
    {
      kind: 'appointment',
      at: appointment.createdAt,
      what: 'appointment.scheduled',
      detail: appointment.place,
      by: appointment.createdBy,
    },
    ...(appointment.statusAt
      ? [
          {
            kind: 'appointment',
            at: appointment.statusAt,
            what: `appointment.${appointment.status}`,
            detail: appointment.place,
            by: appointment.statusBy,
          },
        ]
      : []),
  ]);

/** Funds: 'funds.<spend|reversal>.<category>', with the amount and the funding source; never the note. */
const funds: TimelineSource = async (tx, { siteId, participant }) =>
  (await findFundTimeline(tx, siteId, participant.id)).map((entry) => ({
    kind: 'funds',
    at: entry.recordedAt,
    what: `funds.${entry.kind}.${entry.category}`,
    detail: `$${(entry.amountCents / 100).toFixed(2)} · ${entry.fundingSourceName}`,
    by: entry.recordedBy,
  }));

/**
 * Every source of the timeline. A feature adds its items (contacts, service referrals,
 * appointments, funds, exits) by writing one TimelineSource beside its repository and listing it here.
 */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  statusEvents,
  releaseEvents,
  intakeCompleted,
  contacts,
  appointments,
  funds,
  planChanges,
];

/** A participant's timeline, newest first. */
export async function participantTimeline(
  tx: Tx,
  siteId: string,
  participant: ParticipantRecord,
  sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  for (const source of sources) items.push(...(await source(tx, { siteId, participant })));
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}

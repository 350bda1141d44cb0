import { findAppointmentTimeline } from '../../db/repositories/appointments.ts';
import { findFundTimeline } from '../../db/repositories/funds.ts';
import { findHandoffTimeline } from '../../db/repositories/handoffs.ts';
import { findIntake, type IntakeRecord } from '../../db/repositories/intakes.ts';
import { findContactTimeline } from '../../db/repositories/participant-contacts.ts';
import { findStatusTimeline, type ParticipantRecord } from '../../db/repositories/participants.ts';
import { findPlanTimeline } from '../../db/repositories/plan-goals.ts';
import { findReleasesOfParticipant, type ReleaseRecord } from '../../db/repositories/releases.ts';
import { findServiceReferralTimeline } from '../../db/repositories/service-referrals.ts';
import type { TimelineCursor, TimelinePage } from '../../db/repositories/timeline-page.ts';
import type { Tx } from '../../db/scope.ts';

export type { TimelineCursor } from '../../db/repositories/timeline-page.ts';

/** How many items a page of the timeline holds unless asked otherwise (the record shows the first page). */
export const TIMELINE_PAGE_SIZE = 50;

/** One thing that happened to a participant, for their page's timeline. */
export type TimelineItem = {
  /** What kind of thing: 'status', 'release', 'intake', and each feature's own ('contact', ...). */
  kind: string;
  /** Unique within its kind, and stable: with `at` and `kind` it places the item in the timeline. */
  id: string;
  at: Date;
  /** A translatable key of what happened, "<kind>.<event>", e.g. 'status.enrolled', 'release.revoked'. */
  what: string;
  /** A short note shown with it (a reason, the recipients); never clinical detail. */
  detail: string | null;
  /** Who did it (display name), when someone did. */
  by: string | null;
};

/** What the participant's page already loaded, so the sources do not load it again (a source loads what is missing). */
export type TimelineLoaded = { intake?: IntakeRecord | null; releases?: readonly ReleaseRecord[] };

/**
 * Where timeline items come from: one query and one mapping per kind. A source answers at most
 * `page.limit` of its items older than `page.before`, newest first (its query limited, so a page costs
 * the page, not the person's whole history).
 */
export type TimelineSource = (
  tx: Tx,
  where: { siteId: string; participant: ParticipantRecord; page: TimelinePage; loaded: TimelineLoaded },
) => Promise<TimelineItem[]>;

/** The timeline's order, newest first: by time, then kind, then id (all descending), so ties have one order. */
export function newestFirst(
  a: Pick<TimelineItem, 'at' | 'kind' | 'id'>,
  b: Pick<TimelineItem, 'at' | 'kind' | 'id'>,
) {
  const byTime = b.at.getTime() - a.at.getTime();
  if (byTime !== 0) return byTime;
  if (a.kind !== b.kind) return a.kind < b.kind ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

/** A page of items held in memory (few, already loaded): those after the cursor, newest first. */
function pageOf(items: TimelineItem[], page: TimelinePage): TimelineItem[] {
  const { before } = page;
  return items
    .filter((item) => !before || newestFirst(item, before) > 0)
    .sort(newestFirst)
    .slice(0, page.limit);
}

const statusEvents: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findStatusTimeline(tx, siteId, participant.id, page)).map((event) => ({
    kind: 'status',
    id: event.id,
    at: event.at,
    // An exit says why: 'exit.<reason>' (goals met, moved, removed for violence...).
    what: event.event === 'exited' && event.exitReason ? `exit.${event.exitReason}` : `status.${event.event}`,
    detail: event.reason,
    by: event.by,
  }));

/** Releases signed and revoked, from the releases the page already loaded. */
const releaseEvents: TimelineSource = async (tx, { siteId, participant, loaded, page }) =>
  pageOf(
    (loaded.releases ?? (await findReleasesOfParticipant(tx, siteId, participant.id))).flatMap((release) => {
      const recipients = release.recipients.map((recipient) => recipient.name).join(', ');
      const signed: TimelineItem = {
        kind: 'release',
        id: `${release.id}:1`,
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
          id: `${release.id}:2`,
          at: release.revokedAt,
          what: 'release.revoked',
          detail: release.revocationNote ?? recipients,
          by: release.revokedByName ?? null,
        },
      ];
    }),
    page,
  );

/** The intake's completion, from the intake the page already loaded. */
const intakeCompleted: TimelineSource = async (tx, { siteId, participant, loaded, page }) => {
  const intake = loaded.intake === undefined ? await findIntake(tx, siteId, participant.id) : loaded.intake;
  if (!intake?.completedAt) return [];
  return pageOf(
    [
      {
        kind: 'intake',
        id: 'completed',
        at: intake.completedAt,
        what: 'intake.completed',
        detail: null,
        by: intake.completedBy,
      },
    ],
    page,
  );
};

/** Contacts: 'contact.<kind>', with the duration; never the note. */
const contacts: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findContactTimeline(tx, siteId, participant.id, page)).map((contact) => ({
    kind: 'contact',
    id: contact.id,
    at: contact.occurredAt,
    what: `contact.${contact.kind}`,
    detail: contact.durationMinutes === null ? null : `${contact.durationMinutes} min`,
    by: contact.loggedBy,
  }));

/** Plan changes: 'plan.created', 'plan.status.<status>', 'plan.reworded', 'plan.needs_changed' (not the words). */
const planChanges: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findPlanTimeline(tx, siteId, participant.id, page)).map((change) => ({
    kind: 'plan',
    id: change.id,
    at: change.at,
    what: change.event === 'status_changed' ? `plan.status.${change.toStatus}` : `plan.${change.event}`,
    detail: null,
    by: change.by,
  }));

/** Appointments: 'appointment.scheduled' when booked, then 'appointment.<attended|missed|cancelled>'; the place, never the purpose. */
const appointments: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findAppointmentTimeline(tx, siteId, participant.id, page)).map((event) => ({
    kind: 'appointment',
    id: event.id,
    at: event.at,
    what: `appointment.${event.event}`,
    detail: event.place,
    by: event.by,
  }));

/** Funds: 'funds.<spend|reversal>.<category>', with the amount and the funding source; never the note. */
const funds: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findFundTimeline(tx, siteId, participant.id, page)).map((entry) => ({
    kind: 'funds',
    id: entry.id,
    at: entry.recordedAt,
    what: `funds.${entry.kind}.${entry.category}`,
    detail: `$${(entry.amountCents / 100).toFixed(2)} · ${entry.fundingSourceName}`,
    by: entry.recordedBy,
  }));

/**
 * Service referrals: 'service_referral.sent', then 'service_referral.status.<status>' for each change,
 * with the service and its organization and who made it. Never the reason given with a change nor the
 * referral's note: free text a partner or the care team writes, which may hold clinical detail (the
 * referral's own history, opened on purpose, shows it).
 */
const serviceReferrals: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findServiceReferralTimeline(tx, siteId, participant.id, page)).map((step) => ({
    kind: 'service_referral',
    id: step.id,
    at: step.at,
    what: step.from === null ? 'service_referral.sent' : `service_referral.status.${step.to}`,
    detail: `${step.serviceName} · ${step.organizationName}`,
    by: step.by,
  }));

/** What each hand-off step is called on the timeline ('request' says the mode, see below). */
const HANDOFF_STEPS: Record<string, string> = {
  escalate: 'handoff.escalated',
  acknowledge: 'handoff.acknowledged',
  en_route: 'handoff.en_route',
  arrived: 'handoff.arrived',
  by_phone: 'handoff.by_phone',
  unable: 'handoff.unable',
};

/**
 * The warm hand-offs that brought the person in (on any of their referrals): 'handoff.requested.<mode>',
 * 'handoff.escalated' (or 'handoff.unanswered' past the last level), then the responder's answers.
 * Never the free-text reason a responder gives for being unable.
 */
const handoffs: TimelineSource = async (tx, { siteId, participant, page }) =>
  (await findHandoffTimeline(tx, siteId, participant.personId, page)).map((step) => ({
    kind: 'handoff',
    id: step.id,
    at: step.at,
    what:
      step.event === 'request'
        ? `handoff.requested.${step.mode}`
        : step.event === 'escalate' && step.toState === 'unanswered'
          ? 'handoff.unanswered'
          : (HANDOFF_STEPS[step.event] ?? `handoff.${step.event}`),
    detail: null,
    by: step.by,
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
  serviceReferrals,
  handoffs,
];

/** A page of the timeline and where the next (older) page starts; null when there is nothing older. */
export type TimelinePageResult = { items: TimelineItem[]; nextCursor: TimelineCursor | null };

/**
 * A page of a participant's timeline, newest first: the `limit` newest items older than `before`.
 * Each source gives at most limit + 1, so whether anything older remains is known without counting.
 */
export async function participantTimeline(
  tx: Tx,
  where: { siteId: string; participant: ParticipantRecord; loaded: TimelineLoaded },
  options: { before?: TimelineCursor | null; limit?: number } = {},
  sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): Promise<TimelinePageResult> {
  const limit = options.limit ?? TIMELINE_PAGE_SIZE;
  const page: TimelinePage = { before: options.before ?? null, limit: limit + 1 };
  const items: TimelineItem[] = [];
  for (const source of sources) items.push(...(await source(tx, { ...where, page })));
  items.sort(newestFirst);
  const shown = items.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown,
    nextCursor: items.length > limit && last ? { at: last.at, kind: last.kind, id: last.id } : null,
  };
}

/** A cursor as the client carries it: opaque, URL-safe. */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.kind, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeTimelineCursor(text: string): TimelineCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [at, kind, id] = value as unknown[];
    if (typeof at !== 'string' || typeof kind !== 'string' || typeof id !== 'string') return null;
    if (!/^[a-z_]{1,40}$/.test(kind) || !/^[0-9a-z:_-]{1,100}$/i.test(id)) return null;
    const when = new Date(at);
    if (Number.isNaN(when.getTime()) || when.toISOString() !== at) return null;
    return { at: when, kind, id };
  } catch {
    return null;
  }
}

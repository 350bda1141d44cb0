import { sql } from 'kysely';
import {
  DEFAULT_ACKNOWLEDGE_MINUTES,
  type HandoffLevel,
  type HandoffMode,
  type HandoffState,
  OPEN_HANDOFF_STATES,
} from '../../domain/handoffs/handoff.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export type HandoffRecord = {
  id: string;
  referralId: string;
  requestedBy: string;
  mode: HandoffMode;
  requestedAt: Date;
  state: HandoffState;
  level: HandoffLevel;
  responderUserId: string | null;
  etaMinutes: number | null;
  updatedAt: Date;
};

export type HandoffEventRecord = {
  seq: number;
  event: string;
  fromState: HandoffState | null;
  toState: HandoffState;
  level: HandoffLevel;
  userId: string | null;
  at: Date;
  etaMinutes: number | null;
  reason: string | null;
};

/** A new hand-off at level 1, before its first offer is recorded. */
export async function insertHandoff(
  tx: Tx,
  handoff: { siteId: string; referralId: string; requestedBy: string; mode: HandoffMode; at: Date },
): Promise<HandoffRecord> {
  const row = await tx
    .insertInto('handoffs')
    .values({
      site_id: handoff.siteId,
      referral_id: handoff.referralId,
      requested_by: handoff.requestedBy,
      mode: handoff.mode,
      requested_at: handoff.at,
      state: 'requested',
      current_level: 1,
      responder_user_id: null,
      eta_minutes: null,
      updated_at: handoff.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    referralId: handoff.referralId,
    requestedBy: handoff.requestedBy,
    mode: handoff.mode,
    requestedAt: handoff.at,
    state: 'requested',
    level: 1,
    responderUserId: null,
    etaMinutes: null,
    updatedAt: handoff.at,
  };
}

function handoffQuery(tx: Tx, siteId: string) {
  return tx
    .selectFrom('handoffs')
    .select([
      'id',
      'referral_id as referralId',
      'requested_by as requestedBy',
      'mode',
      'requested_at as requestedAt',
      'state',
      'current_level as level',
      'responder_user_id as responderUserId',
      'eta_minutes as etaMinutes',
      'updated_at as updatedAt',
    ])
    .where('site_id', '=', siteId);
}

export async function findHandoff(
  tx: Tx,
  siteId: string,
  handoffId: string,
): Promise<HandoffRecord | undefined> {
  return (await handoffQuery(tx, siteId).where('id', '=', handoffId).executeTakeFirst()) as
    | HandoffRecord
    | undefined;
}

/** Locks the hand-off row until the transaction ends, so an answer and an escalation cannot interleave. */
export async function lockHandoff(
  tx: Tx,
  siteId: string,
  handoffId: string,
): Promise<HandoffRecord | undefined> {
  return (await handoffQuery(tx, siteId).where('id', '=', handoffId).forUpdate().executeTakeFirst()) as
    | HandoffRecord
    | undefined;
}

/** The hand-offs that still need someone, oldest request first (the care team's queue). */
export async function findOpenHandoffs(tx: Tx, siteId: string, limit: number): Promise<HandoffRecord[]> {
  return (await handoffQuery(tx, siteId)
    .where('state', 'in', [...OPEN_HANDOFF_STATES])
    .orderBy('requested_at')
    .limit(limit)
    .execute()) as HandoffRecord[];
}

export async function findRecentHandoffs(tx: Tx, siteId: string, limit: number): Promise<HandoffRecord[]> {
  return (await handoffQuery(tx, siteId)
    .orderBy('requested_at', 'desc')
    .limit(limit)
    .execute()) as HandoffRecord[];
}

/** Saves where a step left the hand-off and appends the step, numbered after the last one. */
export async function recordHandoffStep(
  tx: Tx,
  step: {
    siteId: string;
    handoffId: string;
    event: string;
    from: HandoffState | null;
    to: HandoffState;
    level: HandoffLevel;
    userId: string | null;
    responderUserId: string | null;
    etaMinutes: number | null;
    reason: string | null;
    at: Date;
  },
): Promise<void> {
  await tx
    .updateTable('handoffs')
    .set({
      state: step.to,
      current_level: step.level,
      responder_user_id: step.responderUserId,
      ...(step.etaMinutes !== null ? { eta_minutes: step.etaMinutes } : {}),
      updated_at: step.at,
    })
    .where('site_id', '=', step.siteId)
    .where('id', '=', step.handoffId)
    .execute();
  await tx
    .insertInto('handoff_events')
    .values({
      site_id: step.siteId,
      handoff_id: step.handoffId,
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from handoff_events where site_id = ${step.siteId} and handoff_id = ${step.handoffId})`,
      event: step.event,
      from_state: step.from,
      to_state: step.to,
      level: step.level,
      user_id: step.userId,
      at: step.at,
      eta_minutes: step.etaMinutes,
      reason: step.reason,
    })
    .execute();
}

export async function findHandoffEvents(
  tx: Tx,
  siteId: string,
  handoffId: string,
): Promise<HandoffEventRecord[]> {
  return (await tx
    .selectFrom('handoff_events')
    .select([
      'seq',
      'event',
      'from_state as fromState',
      'to_state as toState',
      'level',
      'user_id as userId',
      'at',
      'eta_minutes as etaMinutes',
      'reason',
    ])
    .where('site_id', '=', siteId)
    .where('handoff_id', '=', handoffId)
    .orderBy('seq')
    .execute()) as HandoffEventRecord[];
}

/** How many minutes the site gives a responder to acknowledge before escalating. */
export async function findHandoffAcknowledgeMinutes(tx: Tx, siteId: string): Promise<number> {
  const row = await tx
    .selectFrom('site_settings')
    .select('handoff_acknowledge_minutes as minutes')
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row?.minutes ?? DEFAULT_ACKNOWLEDGE_MINUTES;
}

export type HandoffTimelineRow = {
  id: string;
  at: Date;
  event: string;
  toState: HandoffState;
  mode: HandoffMode;
  /** Who took the step: the requester for a request, nobody for an escalation, else the responder. */
  by: string | null;
};

/**
 * A page of the hand-off steps of a person's referrals for their participant timeline, newest first
 * (id '<handoff>:<seq>'): every referral of the person at the site, so a re-entry on a new referral
 * keeps the hand-off that first brought them in. Never the step's free-text reason.
 */
export async function findHandoffTimeline(
  tx: Tx,
  siteId: string,
  personId: string,
  page: TimelinePage,
): Promise<HandoffTimelineRow[]> {
  const at = timelineAt(sql.ref('e.at'));
  const id = timelineId(sql`e.handoff_id::text || ':' || e.seq::text`);
  const rows = await tx
    .selectFrom('handoff_events as e')
    .innerJoin('handoffs as h', (join) =>
      join.onRef('h.site_id', '=', 'e.site_id').onRef('h.id', '=', 'e.handoff_id'),
    )
    .innerJoin('referrals as r', (join) =>
      join.onRef('r.site_id', '=', 'h.site_id').onRef('r.id', '=', 'h.referral_id'),
    )
    .leftJoin('users as requester', 'requester.id', 'h.requested_by')
    .leftJoin('users as actor', 'actor.id', 'e.user_id')
    .select([
      id.as('id'),
      at.as('at'),
      'e.event',
      'e.to_state as toState',
      'h.mode',
      // A request names whom it was offered to, an escalation whom it went up to: neither took the step.
      sql<string | null>`case e.event when 'request' then requester.display_name when 'escalate' then null
        else actor.display_name end`.as('by'),
    ])
    .where('e.site_id', '=', siteId)
    .where('r.person_id', '=', personId)
    .where(olderThan('handoff', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
  return rows as HandoffTimelineRow[];
}

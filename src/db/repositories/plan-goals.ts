import { sql } from 'kysely';
import type { GoalEvent, GoalStatus, NeedDomain } from '../../domain/participants/plan.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export type StoredGoalEvent = {
  event: 'created' | GoalEvent['event'];
  fromStatus: GoalStatus | null;
  toStatus: GoalStatus | null;
  goal: string | null;
  needs: NeedDomain[] | null;
  note: string | null;
  userId: string;
  at: Date;
};

export type StoredGoal = {
  id: string;
  goal: string;
  needs: NeedDomain[];
  status: GoalStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  history: StoredGoalEvent[];
};

export async function insertGoal(
  tx: Tx,
  siteId: string,
  goal: {
    participantId: string;
    goal: string;
    needs: NeedDomain[];
    status: GoalStatus;
    by: string;
    at: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('plan_goals')
    .values({
      site_id: siteId,
      participant_id: goal.participantId,
      goal: goal.goal,
      needs: goal.needs,
      status: goal.status,
      created_by: goal.by,
      created_at: goal.at,
      updated_at: goal.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('plan_goal_events')
    .values({
      site_id: siteId,
      goal_id: row.id,
      seq: 1,
      event: 'created',
      from_status: null,
      to_status: goal.status,
      goal: goal.goal,
      needs: goal.needs,
      note: null,
      user_id: goal.by,
      at: goal.at,
    })
    .execute();
  return row.id;
}

/** Applies a goal's changes and appends one history row per change, in one go. */
export async function updateGoal(
  tx: Tx,
  siteId: string,
  goalId: string,
  events: GoalEvent[],
  change: { note: string | null; by: string; at: Date },
): Promise<void> {
  const last = await tx
    .selectFrom('plan_goal_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('site_id', '=', siteId)
    .where('goal_id', '=', goalId)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  for (const event of events) {
    seq += 1;
    await tx
      .insertInto('plan_goal_events')
      .values({
        site_id: siteId,
        goal_id: goalId,
        seq,
        event: event.event,
        from_status: event.event === 'status_changed' ? event.fromStatus : null,
        to_status: event.event === 'status_changed' ? event.toStatus : null,
        goal: event.event === 'reworded' ? event.goal : null,
        needs: event.event === 'needs_changed' ? event.needs : null,
        note: change.note,
        user_id: change.by,
        at: change.at,
      })
      .execute();
    await tx
      .updateTable('plan_goals')
      .set({
        updated_at: change.at,
        ...(event.event === 'status_changed' ? { status: event.toStatus } : {}),
        ...(event.event === 'reworded' ? { goal: event.goal } : {}),
        ...(event.event === 'needs_changed' ? { needs: event.needs } : {}),
      })
      .where('site_id', '=', siteId)
      .where('id', '=', goalId)
      .execute();
  }
}

/** The participant's goals (or one of them), oldest first, each with its history. */
export async function findGoals(
  tx: Tx,
  siteId: string,
  participantId: string,
  goalId?: string,
): Promise<StoredGoal[]> {
  let query = tx
    .selectFrom('plan_goals')
    .select([
      'id',
      'goal',
      'needs',
      'status',
      'created_by as createdBy',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .orderBy('id');
  if (goalId) query = query.where('id', '=', goalId);
  const goals = await query.execute();
  if (goals.length === 0) return [];
  const events = await tx
    .selectFrom('plan_goal_events')
    .select([
      'goal_id as goalId',
      'event',
      'from_status as fromStatus',
      'to_status as toStatus',
      'goal',
      'needs',
      'note',
      'user_id as userId',
      'at',
    ])
    .where('site_id', '=', siteId)
    .where(
      'goal_id',
      'in',
      goals.map((goal) => goal.id),
    )
    .orderBy('goal_id')
    .orderBy('seq')
    .execute();
  return goals.map((goal) => ({
    ...goal,
    needs: goal.needs as NeedDomain[],
    history: events
      .filter((event) => event.goalId === goal.id)
      .map(({ goalId: _goalId, ...event }) => ({
        ...event,
        fromStatus: event.fromStatus as GoalStatus | null,
        toStatus: event.toStatus as GoalStatus | null,
        needs: event.needs as NeedDomain[] | null,
      })),
  }));
}

/** A page of the changes to a participant's plan for their timeline, newest first (what changed and who, not the words). */
export async function findPlanTimeline(
  tx: Tx,
  siteId: string,
  participantId: string,
  page: TimelinePage,
): Promise<
  { id: string; event: StoredGoalEvent['event']; toStatus: GoalStatus | null; at: Date; by: string }[]
> {
  const at = timelineAt(sql.ref('plan_goal_events.at'));
  // A goal's events in order: the goal, then its sequence number padded so text order is number order.
  const id = timelineId(
    sql`${sql.ref('plan_goal_events.goal_id')}::text || ':' || lpad(${sql.ref('plan_goal_events.seq')}::text, 10, '0')`,
  );
  const rows = await tx
    .selectFrom('plan_goal_events')
    .innerJoin('plan_goals', (join) =>
      join
        .onRef('plan_goals.site_id', '=', 'plan_goal_events.site_id')
        .onRef('plan_goals.id', '=', 'plan_goal_events.goal_id'),
    )
    .innerJoin('users', 'users.id', 'plan_goal_events.user_id')
    .select([
      id.as('id'),
      'plan_goal_events.event',
      'plan_goal_events.to_status as toStatus',
      at.as('at'),
      'users.display_name as by',
    ])
    .where('plan_goal_events.site_id', '=', siteId)
    .where('plan_goals.participant_id', '=', participantId)
    .where(olderThan('plan', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
  return rows.map((row) => ({ ...row, toStatus: row.toStatus as GoalStatus | null }));
}

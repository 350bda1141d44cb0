import { findGoals, insertGoal, type StoredGoal, updateGoal } from '../../db/repositories/plan-goals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  type GoalChange,
  type GoalStatus,
  goalChanges,
  type NeedDomain,
} from '../../domain/participants/plan.ts';
import { requireCareParticipant } from './care-participant.ts';

type Context = { siteId: string; userId: string; now: Date };

/** The participant's plan: their goals, oldest first, each with its history. */
export async function participantPlan(tx: Tx, siteId: string, participantId: string): Promise<StoredGoal[]> {
  await requireCareParticipant(tx, siteId, participantId);
  return findGoals(tx, siteId, participantId);
}

/** Adds a goal in the person's own words, linked to the needs it answers. */
export async function addGoal(
  tx: Tx,
  context: Context,
  participantId: string,
  goal: { goal: string; needs: NeedDomain[]; status: GoalStatus },
): Promise<StoredGoal> {
  await requireCareParticipant(tx, context.siteId, participantId);
  const id = await insertGoal(tx, context.siteId, {
    participantId,
    goal: goal.goal,
    needs: [...new Set(goal.needs)].sort(),
    status: goal.status,
    by: context.userId,
    at: context.now,
  });
  return requireGoal(tx, context.siteId, participantId, id);
}

/** Changes a goal's words, needs or status; each change is kept in its history. */
export async function changeGoal(
  tx: Tx,
  context: Context,
  participantId: string,
  goalId: string,
  change: GoalChange & { note: string | null },
): Promise<StoredGoal> {
  await requireCareParticipant(tx, context.siteId, participantId);
  const current = await requireGoal(tx, context.siteId, participantId, goalId);
  const events = goalChanges(current, change);
  if (events.length > 0)
    await updateGoal(tx, context.siteId, goalId, events, {
      note: change.note,
      by: context.userId,
      at: context.now,
    });
  return requireGoal(tx, context.siteId, participantId, goalId);
}

async function requireGoal(
  tx: Tx,
  siteId: string,
  participantId: string,
  goalId: string,
): Promise<StoredGoal> {
  const [goal] = await findGoals(tx, siteId, participantId, goalId);
  if (!goal) throw new DomainError('NOT_FOUND', 'Not found.');
  return goal;
}

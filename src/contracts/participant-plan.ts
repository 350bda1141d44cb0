import { z } from 'zod';
import { GOAL_STATUSES, NEED_DOMAINS } from '../domain/participants/plan.ts';

export type { GoalStatus, NeedDomain } from '../domain/participants/plan.ts';
export { GOAL_STATUSES, NEED_DOMAINS };

export const goalParams = z.strictObject({ siteId: z.uuid(), participantId: z.uuid(), goalId: z.uuid() });

const goalText = z.string().trim().min(1).max(1000).describe('The goal in the person’s own words');
const needs = z.array(z.enum(NEED_DOMAINS)).max(NEED_DOMAINS.length);

export const addGoalRequest = z.strictObject({
  goal: goalText,
  needs: needs.default([]),
  status: z.enum(GOAL_STATUSES).default('not_started'),
});

export const changeGoalRequest = z
  .strictObject({
    goal: goalText.optional(),
    needs: needs.optional(),
    status: z.enum(GOAL_STATUSES).optional(),
    /** Why, in a few words (kept with each change). */
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .refine(
    (change) => change.goal !== undefined || change.needs !== undefined || change.status !== undefined,
    {
      message: 'give goal, needs or status to change',
    },
  );

export const goalResponse = z
  .object({
    id: z.uuid(),
    goal: z.string(),
    needs: z.array(z.enum(NEED_DOMAINS)),
    status: z.enum(GOAL_STATUSES),
    createdBy: z.uuid(),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(
      z.object({
        event: z.enum(['created', 'status_changed', 'reworded', 'needs_changed']),
        fromStatus: z.enum(GOAL_STATUSES).nullable(),
        toStatus: z.enum(GOAL_STATUSES).nullable(),
        goal: z.string().nullable(),
        needs: z.array(z.enum(NEED_DOMAINS)).nullable(),
        note: z.string().nullable(),
        userId: z.uuid(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'PlanGoal' });

export const planResponse = z
  .object({ participantId: z.uuid(), goals: z.array(goalResponse) })
  .meta({ id: 'ParticipantPlan' });

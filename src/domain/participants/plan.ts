import type { NeedDomain } from './needs.ts';

/** Needs by domain (PRODUCT.md, step 5): the one list, shared with the intake. */
export { NEED_DOMAINS, type NeedDomain } from './needs.ts';

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'set_aside'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type GoalFacts = { goal: string; needs: readonly NeedDomain[]; status: GoalStatus };
export type GoalChange = Partial<GoalFacts>;

export type GoalEvent =
  | { event: 'status_changed'; fromStatus: GoalStatus; toStatus: GoalStatus }
  | { event: 'reworded'; goal: string }
  | { event: 'needs_changed'; needs: NeedDomain[] };

/**
 * The events a change to a goal makes (one per thing that changed; nothing if nothing did). The
 * person's plan is theirs: any status may follow any other (a set-aside goal can be taken up again).
 */
export function goalChanges(current: GoalFacts, change: GoalChange): GoalEvent[] {
  const events: GoalEvent[] = [];
  if (change.status !== undefined && change.status !== current.status)
    events.push({ event: 'status_changed', fromStatus: current.status, toStatus: change.status });
  if (change.goal !== undefined && change.goal !== current.goal)
    events.push({ event: 'reworded', goal: change.goal });
  if (change.needs !== undefined) {
    const next = [...new Set(change.needs)].sort();
    const before = [...current.needs].sort();
    if (next.join(',') !== before.join(',')) events.push({ event: 'needs_changed', needs: next });
  }
  return events;
}

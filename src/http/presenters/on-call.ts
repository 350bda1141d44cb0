import type { OnCallView } from '../../app/on-call/view-on-call.ts';
import type { StoredOverride } from '../../db/repositories/on-call.ts';
import type { CoverageGap } from '../../domain/on-call/roster.ts';

export function presentOverride(override: StoredOverride) {
  return {
    id: override.id,
    startsAt: override.startsAt.toISOString(),
    endsAt: override.endsAt.toISOString(),
    level: override.level,
    userId: override.userId,
    displayName: override.displayName,
    reason: override.reason,
    createdBy: override.createdBy,
    createdAt: override.createdAt.toISOString(),
  };
}

export function presentOnCall(view: OnCallView) {
  return {
    timezone: view.timezone,
    pattern: view.pattern.map((shift) => ({
      id: shift.id,
      weekday: shift.weekday,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      level: shift.level,
      userId: shift.userId,
      displayName: shift.displayName,
    })),
    overrides: view.overrides.map(presentOverride),
    onCallNow: view.onCallNow.map(({ level, userId, displayName }) => ({ level, userId, displayName })),
  };
}

export function presentGaps(result: { from: Date; to: Date; timezone: string; gaps: CoverageGap[] }) {
  return {
    from: result.from.toISOString(),
    to: result.to.toISOString(),
    timezone: result.timezone,
    gaps: result.gaps.map((gap) => ({
      level: gap.level,
      from: gap.from.toISOString(),
      to: gap.to.toISOString(),
    })),
  };
}

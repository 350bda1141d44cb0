import { replaceOnCallPattern } from '../../db/repositories/on-call.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { isValidShift, type PatternShift } from '../../domain/on-call/roster.ts';
import { requireCareTeam } from './site-roster.ts';

/** Replaces the site's whole weekly pattern; everyone on it must be on the site's care team. */
export async function replaceWeeklyPattern(
  tx: Tx,
  siteId: string,
  shifts: readonly PatternShift[],
): Promise<void> {
  const invalid = shifts.find((shift) => !isValidShift(shift));
  if (invalid)
    throw new DomainError('INVALID_ON_CALL_SHIFT', 'A shift needs a weekday 0–6 and times written HH:MM.');
  await requireCareTeam(tx, siteId, [...new Set(shifts.map((shift) => shift.userId))]);
  await replaceOnCallPattern(tx, siteId, shifts);
}

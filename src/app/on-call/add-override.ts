import { insertOnCallOverride } from '../../db/repositories/on-call.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import type { EscalationLevel } from '../../domain/on-call/roster.ts';
import { requireCareTeam } from './site-roster.ts';

const LONGEST_OVERRIDE_DAYS = 90;

export type OverrideInput = {
  startsAt: Date;
  endsAt: Date;
  level: EscalationLevel;
  /** Null: nobody holds the level for this time (a holiday gap). */
  userId: string | null;
  reason: string;
};

/**
 * Records a swap (someone else holds the level) or a holiday (nobody does) for a stretch of time;
 * it must end after it starts, not be over already, and last at most 90 days.
 */
export async function addOnCallOverride(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date },
  input: OverrideInput,
): Promise<string> {
  const { startsAt, endsAt } = input;
  if (endsAt <= startsAt)
    throw new DomainError('INVALID_ON_CALL_WINDOW', 'An override must end after it starts.');
  if (endsAt <= context.now)
    throw new DomainError('INVALID_ON_CALL_WINDOW', 'An override must not be over already.');
  if (endsAt.getTime() - startsAt.getTime() > LONGEST_OVERRIDE_DAYS * 86_400_000)
    throw new DomainError(
      'INVALID_ON_CALL_WINDOW',
      `An override lasts at most ${LONGEST_OVERRIDE_DAYS} days; change the weekly pattern instead.`,
    );
  if (input.userId !== null) await requireCareTeam(tx, context.siteId, [input.userId]);
  return insertOnCallOverride(tx, context.siteId, {
    ...input,
    createdBy: context.userId,
    createdAt: context.now,
  });
}

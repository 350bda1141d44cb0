import type { EscalationLevel } from '../../domain/on-call/roster.ts';
import type { Tx } from '../scope.ts';

export type StoredShift = {
  id: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
  level: EscalationLevel;
  userId: string;
  displayName: string;
};

export type StoredOverride = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  level: EscalationLevel;
  userId: string | null;
  displayName: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
};

/** The site's weekly pattern with each person's display name, by weekday, start and level. */
export async function findOnCallPattern(tx: Tx, siteId: string): Promise<StoredShift[]> {
  const rows = await tx
    .selectFrom('on_call_pattern')
    .innerJoin('users', 'users.id', 'on_call_pattern.user_id')
    .select([
      'on_call_pattern.id',
      'on_call_pattern.weekday',
      'on_call_pattern.starts_at as startsAt',
      'on_call_pattern.ends_at as endsAt',
      'on_call_pattern.escalation_level as level',
      'on_call_pattern.user_id as userId',
      'users.display_name as displayName',
    ])
    .where('on_call_pattern.site_id', '=', siteId)
    .orderBy('on_call_pattern.weekday')
    .orderBy('on_call_pattern.starts_at')
    .orderBy('on_call_pattern.escalation_level')
    .execute();
  return rows as StoredShift[];
}

export async function replaceOnCallPattern(
  tx: Tx,
  siteId: string,
  shifts: readonly Omit<StoredShift, 'id' | 'displayName'>[],
): Promise<void> {
  await tx.deleteFrom('on_call_pattern').where('site_id', '=', siteId).execute();
  if (shifts.length === 0) return;
  await tx
    .insertInto('on_call_pattern')
    .values(
      shifts.map((shift) => ({
        site_id: siteId,
        weekday: shift.weekday,
        starts_at: shift.startsAt,
        ends_at: shift.endsAt,
        user_id: shift.userId,
        escalation_level: shift.level,
      })),
    )
    .execute();
}

/** Overrides that have not ended by `after`, oldest created first (the newest wins an overlap). */
export async function findOnCallOverridesEndingAfter(
  tx: Tx,
  siteId: string,
  after: Date,
): Promise<StoredOverride[]> {
  const rows = await tx
    .selectFrom('on_call_overrides')
    .leftJoin('users', 'users.id', 'on_call_overrides.user_id')
    .select([
      'on_call_overrides.id',
      'on_call_overrides.starts_at as startsAt',
      'on_call_overrides.ends_at as endsAt',
      'on_call_overrides.escalation_level as level',
      'on_call_overrides.user_id as userId',
      'users.display_name as displayName',
      'on_call_overrides.reason',
      'on_call_overrides.created_by as createdBy',
      'on_call_overrides.created_at as createdAt',
    ])
    .where('on_call_overrides.site_id', '=', siteId)
    .where('on_call_overrides.ends_at', '>', after)
    .orderBy('on_call_overrides.created_at')
    .orderBy('on_call_overrides.id')
    .execute();
  return rows as StoredOverride[];
}

export async function insertOnCallOverride(
  tx: Tx,
  siteId: string,
  override: Omit<StoredOverride, 'id' | 'displayName'>,
): Promise<string> {
  const row = await tx
    .insertInto('on_call_overrides')
    .values({
      site_id: siteId,
      starts_at: override.startsAt,
      ends_at: override.endsAt,
      escalation_level: override.level,
      user_id: override.userId,
      reason: override.reason,
      created_by: override.createdBy,
      created_at: override.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteOnCallOverride(tx: Tx, siteId: string, id: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('on_call_overrides')
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

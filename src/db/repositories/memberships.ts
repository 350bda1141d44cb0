import { sql } from 'kysely';
import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../database.ts';
import type { Tx } from '../scope.ts';

export type MembershipRow = { siteId: string; userId: string; role: Role };

/**
 * The user's memberships at every site, in one round trip outside any transaction (migration 0014
 * scopes the read to the user itself), for the per-request session check.
 */
export async function findMembershipsOfUserAlone(db: Db, userId: string): Promise<MembershipRow[]> {
  const { rows } = await sql<{ site_id: string; user_id: string; role: Role }>`
    select site_id, user_id, role from memberships_of_user(${userId})`.execute(db);
  return rows.map((row) => ({ siteId: row.site_id, userId: row.user_id, role: row.role }));
}

/** The user's memberships at every site; visible through the user's own scope. */
export function findMembershipsOfUser(tx: Tx, userId: string): Promise<MembershipRow[]> {
  return tx
    .selectFrom('memberships')
    .select(['site_id as siteId', 'user_id as userId', 'role'])
    .where('user_id', '=', userId)
    .orderBy('site_id')
    .orderBy('role')
    .execute();
}

export type StaffRow = {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  lockedAt: Date | null;
};

/** Everyone with a role at the site in scope. */
export async function findStaffOfSite(tx: Tx, siteId: string, userId?: string): Promise<StaffRow[]> {
  let query = tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.display_name as displayName',
      'users.locked_at as lockedAt',
    ])
    .select((eb) => eb.fn.agg<Role[]>('array_agg', ['memberships.role']).as('roles'))
    .where('memberships.site_id', '=', siteId)
    .groupBy(['users.id', 'users.email', 'users.display_name', 'users.locked_at'])
    .orderBy('users.display_name');
  if (userId) query = query.where('users.id', '=', userId);
  return query.execute();
}

export async function insertMembership(tx: Tx, membership: MembershipRow): Promise<boolean> {
  const result = await tx
    .insertInto('memberships')
    .values({ site_id: membership.siteId, user_id: membership.userId, role: membership.role })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMembership(tx: Tx, membership: MembershipRow): Promise<boolean> {
  const result = await tx
    .deleteFrom('memberships')
    .where('site_id', '=', membership.siteId)
    .where('user_id', '=', membership.userId)
    .where('role', '=', membership.role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

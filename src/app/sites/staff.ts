import {
  deleteMembership,
  findStaffOfSite,
  insertMembership,
  type StaffRow,
} from '../../db/repositories/memberships.ts';
import { findUserByEmail, insertUser } from '../../db/repositories/users.ts';
import type { Tx } from '../../db/scope.ts';
import type { Role } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { hashPassword } from '../auth/secrets.ts';
import { checkPassword } from '../users/create-user.ts';

export function listStaff(tx: Tx, siteId: string): Promise<StaffRow[]> {
  return findStaffOfSite(tx, siteId);
}

/** One member of the site's staff; another site's user is simply not found. */
export async function getStaffMember(tx: Tx, siteId: string, userId: string): Promise<StaffRow> {
  const [member] = await findStaffOfSite(tx, siteId, userId);
  if (!member) throw new DomainError('NOT_FOUND', 'No such staff member at this site.');
  return member;
}

/**
 * Gives a role at the site to an account, creating the account when the e-mail is new (the initial
 * password is then required). Giving a role someone already holds changes nothing.
 */
export async function addStaffRole(
  tx: Tx,
  siteId: string,
  input: { email: string; displayName: string; role: Role; initialPassword?: string | undefined },
): Promise<StaffRow> {
  const existing = await findUserByEmail(tx, input.email);
  let userId = existing?.id;
  if (!userId) {
    if (!input.initialPassword) {
      throw new DomainError('PASSWORD_REQUIRED', 'A new account needs an initial password.');
    }
    checkPassword(input.initialPassword);
    userId = await insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.initialPassword),
    });
  }
  await insertMembership(tx, { siteId, userId, role: input.role });
  return getStaffMember(tx, siteId, userId);
}

export async function removeStaffRole(tx: Tx, siteId: string, userId: string, role: Role): Promise<void> {
  const removed = await deleteMembership(tx, { siteId, userId, role });
  if (!removed) throw new DomainError('NOT_FOUND', 'No such role at this site.');
}

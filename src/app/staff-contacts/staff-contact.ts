import { findStaffOfSite } from '../../db/repositories/memberships.ts';
import {
  findStaffContact,
  type StaffContact,
  saveStaffContact,
} from '../../db/repositories/staff-contacts.ts';
import type { Tx } from '../../db/scope.ts';
import { mayManageStaffContact, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';

async function admit(tx: Tx, siteId: string, principal: Principal, userId: string): Promise<void> {
  if (!mayManageStaffContact(principal, userId)) throw new DomainError('NOT_FOUND', 'Not found.');
  if ((await findStaffOfSite(tx, siteId, userId)).length === 0)
    throw new DomainError('NOT_FOUND', 'Not found.');
}

/** A member of staff's SMS alert number at the site: for themselves, or a program manager. */
export async function viewStaffContact(
  tx: Tx,
  context: { siteId: string; principal: Principal },
  userId: string,
): Promise<StaffContact> {
  await admit(tx, context.siteId, context.principal, userId);
  return findStaffContact(tx, context.siteId, userId);
}

/**
 * Sets a member of staff's SMS alert number (E.164) and whether alerts go to it; hand-offs offered
 * to them and intake reminders then go by SMS as well as e-mail.
 */
export async function saveStaffContactOf(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  userId: string,
  contact: { smsNumber: string | null; smsEnabled: boolean },
): Promise<StaffContact> {
  const { siteId, principal, now } = context;
  await admit(tx, siteId, principal, userId);
  await saveStaffContact(tx, { siteId, userId, ...contact, at: now, by: principal.userId });
  return findStaffContact(tx, siteId, userId);
}

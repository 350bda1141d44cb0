import type { Tx } from '../scope.ts';

export type StaffContact = {
  userId: string;
  smsNumber: string | null;
  smsEnabled: boolean;
  updatedAt: Date | null;
};

export async function findStaffContact(tx: Tx, siteId: string, userId: string): Promise<StaffContact> {
  const row = await tx
    .selectFrom('staff_contacts')
    .select([
      'user_id as userId',
      'sms_number as smsNumber',
      'sms_enabled as smsEnabled',
      'updated_at as updatedAt',
    ])
    .where('site_id', '=', siteId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? { userId, smsNumber: null, smsEnabled: false, updatedAt: null };
}

export async function saveStaffContact(
  tx: Tx,
  contact: {
    siteId: string;
    userId: string;
    smsNumber: string | null;
    smsEnabled: boolean;
    at: Date;
    by: string;
  },
): Promise<void> {
  const values = {
    sms_number: contact.smsNumber,
    sms_enabled: contact.smsEnabled,
    updated_at: contact.at,
    updated_by: contact.by,
  };
  await tx
    .insertInto('staff_contacts')
    .values({ site_id: contact.siteId, user_id: contact.userId, ...values })
    .onConflict((conflict) => conflict.columns(['site_id', 'user_id']).doUpdateSet(values))
    .execute();
}

/** Where a member of staff wants alerts at the site: their e-mail, and their SMS number if turned on. */
export async function findAlertAddresses(
  tx: Tx,
  siteId: string,
  userId: string,
): Promise<{ email: string; sms: string | null } | undefined> {
  const row = await tx
    .selectFrom('users')
    .leftJoin('staff_contacts', (join) =>
      join
        .onRef('staff_contacts.user_id', '=', 'users.id')
        .on('staff_contacts.site_id', '=', siteId)
        .on('staff_contacts.sms_enabled', '=', true),
    )
    .select(['users.email', 'staff_contacts.sms_number as sms'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? { email: row.email, sms: row.sms ?? null } : undefined;
}

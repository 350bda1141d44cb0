import type { Tx } from '../scope.ts';

export type HandoffSettings = {
  acknowledgeMinutes: number;
  targetMinutes: number;
  intakeReminderDays: number[];
  reminderPhone: string | null;
};

/** The defaults where a site saved none: 5 minutes to acknowledge, a 30-minute target, reminders 7 and 2 days before. */
export const DEFAULT_HANDOFF_SETTINGS: HandoffSettings = {
  acknowledgeMinutes: 5,
  targetMinutes: 30,
  intakeReminderDays: [7, 2],
  reminderPhone: null,
};

export async function findHandoffSettings(tx: Tx, siteId: string): Promise<HandoffSettings> {
  const row = await tx
    .selectFrom('site_settings')
    .select([
      'handoff_acknowledge_minutes as acknowledgeMinutes',
      'handoff_target_minutes as targetMinutes',
      'intake_reminder_days as intakeReminderDays',
      'reminder_phone as reminderPhone',
    ])
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (!row) return DEFAULT_HANDOFF_SETTINGS;
  return { ...row, intakeReminderDays: row.intakeReminderDays.map(Number) };
}

export async function saveHandoffSettings(
  tx: Tx,
  siteId: string,
  settings: Partial<HandoffSettings>,
): Promise<void> {
  const values = {
    ...(settings.acknowledgeMinutes !== undefined
      ? { handoff_acknowledge_minutes: settings.acknowledgeMinutes }
      : {}),
    ...(settings.targetMinutes !== undefined ? { handoff_target_minutes: settings.targetMinutes } : {}),
    ...(settings.intakeReminderDays !== undefined
      ? { intake_reminder_days: settings.intakeReminderDays }
      : {}),
    ...(settings.reminderPhone !== undefined ? { reminder_phone: settings.reminderPhone } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await tx
    .insertInto('site_settings')
    .values({ site_id: siteId, prosecutor_approval_required: false, current_rule_set_id: null, ...values })
    .onConflict((conflict) => conflict.column('site_id').doUpdateSet(values))
    .execute();
}

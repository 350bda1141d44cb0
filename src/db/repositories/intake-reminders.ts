import type { ReferralStatus } from '../../domain/referrals/lifecycle.ts';
import type { Tx } from '../scope.ts';

/** A referral's intake deadline with what a reminder needs to decide whether it is still due. */
export type ReminderSubject = {
  referralId: string;
  personId: string;
  status: ReferralStatus;
  acceptedAt: Date;
  dueAt: Date;
  intakeCompletedAt: Date | null;
};

export async function findReminderSubject(
  tx: Tx,
  siteId: string,
  referralId: string,
): Promise<ReminderSubject | undefined> {
  return tx
    .selectFrom('intake_deadlines')
    .innerJoin('referrals', (join) =>
      join
        .onRef('referrals.site_id', '=', 'intake_deadlines.site_id')
        .onRef('referrals.id', '=', 'intake_deadlines.referral_id'),
    )
    .select([
      'referrals.id as referralId',
      'referrals.person_id as personId',
      'referrals.status',
      'intake_deadlines.accepted_at as acceptedAt',
      'intake_deadlines.due_at as dueAt',
      'intake_deadlines.intake_completed_at as intakeCompletedAt',
    ])
    .where('intake_deadlines.site_id', '=', siteId)
    .where('intake_deadlines.referral_id', '=', referralId)
    .executeTakeFirst() as Promise<ReminderSubject | undefined>; // status: the column's check keeps it one of ours
}

/**
 * Who should hear that an intake is due, in order of preference: the person's assigned case
 * manager (once a participant row exists), else whoever completed the referral's latest hand-off
 * (arrived or by phone), else the site's program managers.
 */
export async function findIntakeReminderStaff(
  tx: Tx,
  siteId: string,
  subject: { referralId: string; personId: string },
): Promise<string[]> {
  const assigned = await tx
    .selectFrom('participants')
    .select('case_manager_id as userId')
    .where('site_id', '=', siteId)
    .where('person_id', '=', subject.personId)
    .where('case_manager_id', 'is not', null)
    .executeTakeFirst();
  if (assigned?.userId) return [assigned.userId];
  const responder = await tx
    .selectFrom('handoffs')
    .select('responder_user_id as userId')
    .where('site_id', '=', siteId)
    .where('referral_id', '=', subject.referralId)
    .where('state', 'in', ['arrived', 'handed_off_by_phone'])
    .where('responder_user_id', 'is not', null)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (responder?.userId) return [responder.userId];
  const managers = await tx
    .selectFrom('memberships')
    .select('user_id as userId')
    .where('site_id', '=', siteId)
    .where('role', '=', 'program_manager')
    .orderBy('user_id')
    .execute();
  return managers.map((manager) => manager.userId);
}

/** The ways to reach the person that they allowed reminders on, SMS and e-mail only, in their order. */
export function findReminderContacts(
  tx: Tx,
  siteId: string,
  personId: string,
): Promise<{ kind: 'sms' | 'email'; value: string }[]> {
  return tx
    .selectFrom('person_contact_methods')
    .select(['kind', 'value'])
    .where('site_id', '=', siteId)
    .where('person_id', '=', personId)
    .where('reminders_allowed', '=', true)
    .where('kind', 'in', ['sms', 'email'])
    .orderBy('position')
    .execute() as Promise<{ kind: 'sms' | 'email'; value: string }[]>;
}

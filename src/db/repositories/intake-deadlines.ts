import type { IntakeDeadlineDays } from '../../domain/referrals/intake-deadline.ts';
import { DEFAULT_INTAKE_DEADLINE_DAYS } from '../../domain/referrals/intake-deadline.ts';
import type { ReferralStatus } from '../../domain/referrals/lifecycle.ts';
import type { Pathway } from '../schema.ts';
import type { Tx } from '../scope.ts';

/** The site's intake deadline lengths in days, per pathway (the defaults where none are saved). */
export async function findIntakeDeadlineDays(tx: Tx, siteId: string): Promise<IntakeDeadlineDays> {
  const row = await tx
    .selectFrom('site_settings')
    .select([
      'intake_days_arrest_diversion as arrest_diversion',
      'intake_days_social_contact as social_contact',
      'intake_days_community_referral as community_referral',
      'intake_days_self_referral as self_referral',
    ])
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row ?? DEFAULT_INTAKE_DEADLINE_DAYS;
}

export async function saveIntakeDeadlineDays(
  tx: Tx,
  siteId: string,
  days: Partial<IntakeDeadlineDays>,
): Promise<void> {
  const values = {
    ...(days.arrest_diversion !== undefined ? { intake_days_arrest_diversion: days.arrest_diversion } : {}),
    ...(days.social_contact !== undefined ? { intake_days_social_contact: days.social_contact } : {}),
    ...(days.community_referral !== undefined
      ? { intake_days_community_referral: days.community_referral }
      : {}),
    ...(days.self_referral !== undefined ? { intake_days_self_referral: days.self_referral } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await tx
    .insertInto('site_settings')
    .values({ site_id: siteId, prosecutor_approval_required: false, current_rule_set_id: null, ...values })
    .onConflict((conflict) => conflict.column('site_id').doUpdateSet(values))
    .execute();
}

/** Keeps a referral's intake deadline; a referral accepted once keeps its first deadline. */
export async function insertIntakeDeadline(
  tx: Tx,
  deadline: { siteId: string; referralId: string; acceptedAt: Date; dueAt: Date },
): Promise<void> {
  await tx
    .insertInto('intake_deadlines')
    .values({
      site_id: deadline.siteId,
      referral_id: deadline.referralId,
      accepted_at: deadline.acceptedAt,
      due_at: deadline.dueAt,
      intake_completed_at: null,
      prosecutor_decision: null,
      decided_at: null,
      decided_by: null,
    })
    .onConflict((conflict) => conflict.columns(['site_id', 'referral_id']).doNothing())
    .execute();
}

export type ArrestDiversionDeadline = {
  id: string;
  status: ReferralStatus;
  incidentNumber: string | null;
  referringOfficer: string | null;
  referredAt: Date;
  dueAt: Date;
  intakeCompletedAt: Date | null;
  decision: 'declined_to_file' | 'filed' | null;
};

function arrestDiversionDeadlines(tx: Tx, siteId: string) {
  return tx
    .selectFrom('intake_deadlines')
    .innerJoin('referrals', (join) =>
      join
        .onRef('referrals.site_id', '=', 'intake_deadlines.site_id')
        .onRef('referrals.id', '=', 'intake_deadlines.referral_id'),
    )
    .innerJoin('encounters', (join) =>
      join
        .onRef('encounters.site_id', '=', 'referrals.site_id')
        .onRef('encounters.id', '=', 'referrals.encounter_id'),
    )
    .leftJoin('users', 'users.id', 'encounters.recorded_by')
    .select([
      'referrals.id',
      'referrals.status',
      'encounters.incident_number as incidentNumber',
      'users.display_name as referringOfficer',
      'referrals.created_at as referredAt',
      'intake_deadlines.due_at as dueAt',
      'intake_deadlines.intake_completed_at as intakeCompletedAt',
      'intake_deadlines.prosecutor_decision as decision',
    ])
    .where('intake_deadlines.site_id', '=', siteId)
    .where('encounters.pathway', '=', 'arrest_diversion' satisfies Pathway);
}

/** The site's arrest diversions with an intake deadline, soonest deadline first. */
export async function findArrestDiversionDeadlines(
  tx: Tx,
  siteId: string,
  limit: number,
): Promise<ArrestDiversionDeadline[]> {
  return (await arrestDiversionDeadlines(tx, siteId)
    .orderBy('intake_deadlines.due_at', 'asc')
    .limit(limit)
    .execute()) as ArrestDiversionDeadline[];
}

export async function findArrestDiversionDeadline(
  tx: Tx,
  siteId: string,
  referralId: string,
): Promise<ArrestDiversionDeadline | undefined> {
  return (await arrestDiversionDeadlines(tx, siteId)
    .where('intake_deadlines.referral_id', '=', referralId)
    .executeTakeFirst()) as ArrestDiversionDeadline | undefined;
}

export async function saveProsecutorDecision(
  tx: Tx,
  decision: {
    siteId: string;
    referralId: string;
    decision: 'declined_to_file' | 'filed';
    at: Date;
    by: string;
  },
): Promise<void> {
  await tx
    .updateTable('intake_deadlines')
    .set({ prosecutor_decision: decision.decision, decided_at: decision.at, decided_by: decision.by })
    .where('site_id', '=', decision.siteId)
    .where('referral_id', '=', decision.referralId)
    .execute();
}

/** Records when the intake of a referral was completed (the prosecutor's "intake completed"). */
export async function saveIntakeCompleted(
  tx: Tx,
  completion: { siteId: string; referralId: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('intake_deadlines')
    .set({ intake_completed_at: completion.at })
    .where('site_id', '=', completion.siteId)
    .where('referral_id', '=', completion.referralId)
    .where('intake_completed_at', 'is', null)
    .execute();
}

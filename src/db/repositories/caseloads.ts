import { sql } from 'kysely';
import type { CaseloadCaps } from '../../domain/participants/caseload.ts';
import { DEFAULT_CASELOAD_CAPS } from '../../domain/participants/caseload.ts';
import type { EngagementThresholds } from '../../domain/participants/engagement.ts';
import { DEFAULT_ENGAGEMENT_THRESHOLDS } from '../../domain/participants/engagement.ts';
import type { Tx } from '../scope.ts';

export type CaseManagementSettings = { caps: CaseloadCaps; engagement: EngagementThresholds };

/** The site's caseload caps and engagement thresholds (the defaults where none are saved). */
export async function findCaseManagementSettings(tx: Tx, siteId: string): Promise<CaseManagementSettings> {
  const row = await tx
    .selectFrom('site_settings')
    .select([
      'caseload_average_per_fte as averagePerFte',
      'caseload_hard_max as hardMax',
      'engagement_inactive_days as inactiveDays',
      'engagement_in_the_wind_days as inTheWindDays',
    ])
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (!row) return { caps: DEFAULT_CASELOAD_CAPS, engagement: DEFAULT_ENGAGEMENT_THRESHOLDS };
  return {
    caps: { averagePerFte: row.averagePerFte, hardMax: row.hardMax },
    engagement: { inactiveDays: row.inactiveDays, inTheWindDays: row.inTheWindDays },
  };
}

export async function saveCaseManagementSettings(
  tx: Tx,
  siteId: string,
  settings: CaseManagementSettings,
): Promise<void> {
  const values = {
    caseload_average_per_fte: settings.caps.averagePerFte,
    caseload_hard_max: settings.caps.hardMax,
    engagement_inactive_days: settings.engagement.inactiveDays,
    engagement_in_the_wind_days: settings.engagement.inTheWindDays,
  };
  await tx
    .insertInto('site_settings')
    .values({ site_id: siteId, prosecutor_approval_required: false, current_rule_set_id: null, ...values })
    .onConflict((conflict) => conflict.column('site_id').doUpdateSet(values))
    .execute();
}

/** Each staff member's FTE at the site, where one was set (1.0 otherwise). */
export async function findStaffFtes(tx: Tx, siteId: string): Promise<Map<string, number>> {
  const rows = await tx
    .selectFrom('staff_capacity')
    .select(['user_id as userId', 'fte'])
    .where('site_id', '=', siteId)
    .execute();
  return new Map(rows.map((row) => [row.userId, Number(row.fte)]));
}

export async function saveStaffFte(
  tx: Tx,
  entry: { siteId: string; userId: string; fte: number; at: Date; by: string },
): Promise<void> {
  await tx
    .insertInto('staff_capacity')
    .values({
      site_id: entry.siteId,
      user_id: entry.userId,
      fte: entry.fte,
      updated_at: entry.at,
      updated_by: entry.by,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['site_id', 'user_id'])
        .doUpdateSet({ fte: entry.fte, updated_at: entry.at, updated_by: entry.by }),
    )
    .execute();
}

/**
 * Takes the lock on a case manager's caseload for the rest of the transaction (their
 * staff_capacity row, made with FTE 1.0 if missing), so two assignments to the same person are
 * counted one after the other: the second counts after the first commits.
 */
export async function lockCaseload(tx: Tx, siteId: string, userId: string, at: Date): Promise<number> {
  await tx
    .insertInto('staff_capacity')
    .values({ site_id: siteId, user_id: userId, updated_at: at, updated_by: null })
    .onConflict((conflict) => conflict.columns(['site_id', 'user_id']).doNothing())
    .execute();
  const locked = await sql<{ fte: string }>`select fte from staff_capacity
    where site_id = ${siteId} and user_id = ${userId} for update`.execute(tx);
  return Number(locked.rows[0]?.fte ?? 1);
}

/** How many people (not exited) each case manager at the site carries. */
export async function countCaseloads(tx: Tx, siteId: string, userId?: string): Promise<Map<string, number>> {
  let query = tx
    .selectFrom('participants')
    .select(['case_manager_id as userId'])
    .select((eb) => eb.fn.countAll<string>().as('load'))
    .where('site_id', '=', siteId)
    .where('status', '<>', 'exited')
    .where('case_manager_id', 'is not', null)
    .groupBy('case_manager_id');
  if (userId) query = query.where('case_manager_id', '=', userId);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.userId as string, Number(row.load)]));
}

export type AssignmentRow = {
  participantId: string;
  caseManagerId: string;
  previousCaseManagerId: string | null;
  assignedBy: string;
  assignedAt: Date;
  loadBefore: number;
  hardMax: number;
  overrideReason: string | null;
};

/** Records an assignment and points the participant at the new case manager. */
export async function insertAssignment(tx: Tx, siteId: string, assignment: AssignmentRow): Promise<void> {
  const last = await tx
    .selectFrom('case_manager_assignments')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('site_id', '=', siteId)
    .where('participant_id', '=', assignment.participantId)
    .executeTakeFirst();
  await tx
    .insertInto('case_manager_assignments')
    .values({
      site_id: siteId,
      participant_id: assignment.participantId,
      seq: Number(last?.seq ?? 0) + 1,
      case_manager_id: assignment.caseManagerId,
      previous_case_manager_id: assignment.previousCaseManagerId,
      assigned_by: assignment.assignedBy,
      assigned_at: assignment.assignedAt,
      load_before: assignment.loadBefore,
      hard_max: assignment.hardMax,
      override_reason: assignment.overrideReason,
    })
    .execute();
  await tx
    .updateTable('participants')
    .set({ case_manager_id: assignment.caseManagerId })
    .where('site_id', '=', siteId)
    .where('id', '=', assignment.participantId)
    .execute();
}

export async function findAssignments(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<AssignmentRow[]> {
  return tx
    .selectFrom('case_manager_assignments')
    .select([
      'participant_id as participantId',
      'case_manager_id as caseManagerId',
      'previous_case_manager_id as previousCaseManagerId',
      'assigned_by as assignedBy',
      'assigned_at as assignedAt',
      'load_before as loadBefore',
      'hard_max as hardMax',
      'override_reason as overrideReason',
    ])
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .orderBy('seq')
    .execute();
}

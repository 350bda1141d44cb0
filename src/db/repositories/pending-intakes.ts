import type { HandoffMode, HandoffState } from '../../domain/handoffs/handoff.ts';
import type { Pathway } from '../schema.ts';
import type { Tx } from '../scope.ts';

export type PendingIntakeRow = {
  referralId: string;
  personId: string;
  personName: string;
  pathway: Pathway;
  acceptedAt: Date;
  dueAt: Date;
  caseManagerId: string | null;
  caseManagerName: string | null;
  latestHandoff: {
    id: string;
    state: HandoffState;
    mode: HandoffMode;
    requestedAt: Date;
    updatedAt: Date;
    responderUserId: string | null;
  } | null;
};

function pendingQuery(tx: Tx, siteId: string) {
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
    .innerJoin('people', (join) =>
      join.onRef('people.site_id', '=', 'referrals.site_id').onRef('people.id', '=', 'referrals.person_id'),
    )
    .leftJoin('participants', (join) =>
      join
        .onRef('participants.site_id', '=', 'referrals.site_id')
        .onRef('participants.person_id', '=', 'referrals.person_id'),
    )
    .leftJoin('users as case_managers', 'case_managers.id', 'participants.case_manager_id')
    .select([
      'referrals.id as referralId',
      'referrals.person_id as personId',
      'people.name_or_alias as personName',
      'encounters.pathway',
      'intake_deadlines.accepted_at as acceptedAt',
      'intake_deadlines.due_at as dueAt',
      'participants.case_manager_id as caseManagerId',
      'case_managers.display_name as caseManagerName',
    ])
    .where('intake_deadlines.site_id', '=', siteId)
    .where('intake_deadlines.intake_completed_at', 'is', null)
    .where('referrals.status', '=', 'accepted');
}

async function withLatestHandoffs(
  tx: Tx,
  siteId: string,
  rows: Omit<PendingIntakeRow, 'latestHandoff'>[],
): Promise<PendingIntakeRow[]> {
  if (rows.length === 0) return [];
  const handoffs = await tx
    .selectFrom('handoffs')
    .distinctOn('referral_id')
    .select([
      'referral_id as referralId',
      'id',
      'state',
      'mode',
      'requested_at as requestedAt',
      'updated_at as updatedAt',
      'responder_user_id as responderUserId',
    ])
    .where('site_id', '=', siteId)
    .where(
      'referral_id',
      'in',
      rows.map((row) => row.referralId),
    )
    .orderBy('referral_id')
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map(handoffs.map(({ referralId, ...handoff }) => [referralId, handoff]));
  return rows.map((row) => ({ ...row, latestHandoff: latest.get(row.referralId) ?? null }));
}

/** Accepted referrals whose intake is not done, soonest deadline first (the case manager's queue). */
export async function findPendingIntakes(tx: Tx, siteId: string, limit: number): Promise<PendingIntakeRow[]> {
  const rows = await pendingQuery(tx, siteId)
    .orderBy('intake_deadlines.due_at')
    .orderBy('referrals.id')
    .limit(limit)
    .execute();
  return withLatestHandoffs(tx, siteId, rows);
}

/** One referral's pending intake (accepted, intake not done), or undefined. */
export async function findPendingIntake(
  tx: Tx,
  siteId: string,
  referralId: string,
): Promise<PendingIntakeRow | undefined> {
  const rows = await pendingQuery(tx, siteId).where('referrals.id', '=', referralId).execute();
  return (await withLatestHandoffs(tx, siteId, rows))[0];
}

import type {
  ExitReason,
  ParticipantStatus,
  ParticipantStep,
} from '../../domain/participants/participant-status.ts';
import type { Tx } from '../scope.ts';

export type ParticipantStanding = {
  id: string;
  personId: string;
  referralId: string;
  status: ParticipantStatus;
  caseManagerId: string | null;
  exitedAt: Date | null;
  exitReason: ExitReason | null;
};

export type ParticipantStatusEventRecord = {
  seq: number;
  event: ParticipantStep['event'];
  fromStatus: ParticipantStatus | null;
  toStatus: ParticipantStatus;
  exitReason: ExitReason | null;
  reason: string | null;
  userId: string | null;
  at: Date;
};

/**
 * A participant's current status, locked until the transaction ends when `lock` is set (so two
 * steps on one participant take turns); undefined when there is no such participant at the site.
 */
export async function findParticipantStanding(
  tx: Tx,
  siteId: string,
  participantId: string,
  options: { lock?: boolean } = {},
): Promise<ParticipantStanding | undefined> {
  let query = tx
    .selectFrom('participants')
    .select([
      'id',
      'person_id as personId',
      'referral_id as referralId',
      'status',
      'case_manager_id as caseManagerId',
      'exited_at as exitedAt',
      'exit_reason as exitReason',
    ])
    .where('site_id', '=', siteId)
    .where('id', '=', participantId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row as ParticipantStanding | undefined;
}

/**
 * Records one step of the participant status function: the new status (exit time and reason on an
 * exit; cleared again on re-entry, the history keeps them) and its participant_status_events row.
 * The caller holds the participant's lock.
 */
export async function recordParticipantStep(
  tx: Tx,
  change: {
    siteId: string;
    participantId: string;
    step: ParticipantStep;
    userId: string | null;
    at: Date;
    referralId?: string | undefined;
  },
): Promise<void> {
  const { siteId, participantId, step, at } = change;
  await tx
    .updateTable('participants')
    .set({
      status: step.to,
      ...(step.event === 'exited' ? { exited_at: at, exit_reason: step.exitReason } : {}),
      ...(step.event === 're_entered' ? { exited_at: null, exit_reason: null, enrolled_at: at } : {}),
      ...(step.event === 'enrolled' ? { enrolled_at: at } : {}),
      ...(change.referralId ? { referral_id: change.referralId } : {}),
    })
    .where('site_id', '=', siteId)
    .where('id', '=', participantId)
    .execute();
  const last = await tx
    .selectFrom('participant_status_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  await tx
    .insertInto('participant_status_events')
    .values({
      site_id: siteId,
      participant_id: participantId,
      seq: (last?.seq ?? 0) + 1,
      event: step.event,
      from_status: step.from,
      to_status: step.to,
      reason: step.reason,
      exit_reason: step.exitReason,
      user_id: change.userId,
      at,
    })
    .execute();
}

/** Every status step of a participant, oldest first. */
export async function findParticipantStatusEvents(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<ParticipantStatusEventRecord[]> {
  const rows = await tx
    .selectFrom('participant_status_events')
    .select([
      'seq',
      'event',
      'from_status as fromStatus',
      'to_status as toStatus',
      'exit_reason as exitReason',
      'reason',
      'user_id as userId',
      'at',
    ])
    .where('site_id', '=', siteId)
    .where('participant_id', '=', participantId)
    .orderBy('seq')
    .execute();
  return rows as ParticipantStatusEventRecord[];
}

/** Whether `referralId` is a referral of `personId` at the site (for a re-entry naming a new one). */
export async function isReferralOfPerson(
  tx: Tx,
  siteId: string,
  referralId: string,
  personId: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('referrals')
    .select('id')
    .where('site_id', '=', siteId)
    .where('id', '=', referralId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

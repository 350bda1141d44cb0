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

/** On re-entry, the new referral that brought the person back becomes the participant's referral. */
export async function setParticipantReferral(
  tx: Tx,
  change: { siteId: string; participantId: string; referralId: string },
): Promise<void> {
  await tx
    .updateTable('participants')
    .set({ referral_id: change.referralId })
    .where('site_id', '=', change.siteId)
    .where('id', '=', change.participantId)
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

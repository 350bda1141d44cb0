import { expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { eligibleEncounter } from './encounters.ts';
import type { HttpClient } from './http-client.ts';

export type TestParticipant = { participantId: string; referralId: string; personId: string };

/**
 * A participant at `site`, made without the intake routes: an accepted referral recorded through
 * the API by `recorder` (an officer or anyone on the care team), then a participants row (with its
 * status event) inserted directly. Enrolled now (the test clock) unless told otherwise.
 */
export async function makeParticipant(
  t: { database: { db: Db }; clock: { now(): Date } },
  site: SiteRow,
  recorder: HttpClient,
  options: {
    status?: 'intake' | 'enrolled' | 'exited';
    caseManagerId?: string | null;
    at?: Date;
  } = {},
): Promise<TestParticipant> {
  const response = await recorder.post(`/api/v1/sites/${site.id}/encounters`, eligibleEncounter());
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const referralId: string = response.body.referral.id;
  const at = options.at ?? t.clock.now();
  const status = options.status ?? 'enrolled';
  return inScope(t.database.db, { siteId: site.id, userId: null }, async (tx) => {
    const referral = await tx
      .selectFrom('referrals')
      .select('person_id')
      .where('site_id', '=', site.id)
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    const participant = await tx
      .insertInto('participants')
      .values({
        site_id: site.id,
        person_id: referral.person_id,
        referral_id: referralId,
        status,
        case_manager_id: options.caseManagerId ?? null,
        created_at: at,
        enrolled_at: status === 'intake' ? null : at,
        exited_at: status === 'exited' ? at : null,
        exit_reason: status === 'exited' ? 'voluntary' : null,
        last_contact_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('participant_status_events')
      .values({
        site_id: site.id,
        participant_id: participant.id,
        seq: 1,
        event: 'intake_started',
        from_status: null,
        to_status: 'intake',
        reason: null,
        user_id: null,
        at,
      })
      .execute();
    return { participantId: participant.id, referralId, personId: referral.person_id };
  });
}

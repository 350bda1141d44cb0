import { sql } from 'kysely';
import type { HandoffTimes } from '../../domain/handoffs/figures.ts';
import type { Tx } from '../scope.ts';

/** The site's hand-offs requested in [start, end), each with its first acknowledgement, arrival and phone hand-off. */
export async function findHandoffTimes(
  tx: Tx,
  siteId: string,
  start: Date,
  end: Date,
): Promise<HandoffTimes[]> {
  const rows = await tx
    .selectFrom('handoffs')
    .leftJoin('handoff_events', (join) =>
      join
        .onRef('handoff_events.site_id', '=', 'handoffs.site_id')
        .onRef('handoff_events.handoff_id', '=', 'handoffs.id'),
    )
    .select([
      'handoffs.requested_at as requestedAt',
      'handoffs.state',
      sql<Date | null>`min(handoff_events.at) filter (where handoff_events.event = 'acknowledge')`.as(
        'acknowledgedAt',
      ),
      sql<Date | null>`min(handoff_events.at) filter (where handoff_events.to_state = 'arrived')`.as(
        'arrivedAt',
      ),
      sql<Date | null>`min(handoff_events.at) filter (where handoff_events.to_state = 'handed_off_by_phone')`.as(
        'byPhoneAt',
      ),
      sql<boolean>`coalesce(bool_or(handoff_events.to_state = 'unanswered'), false)`.as('reachedUnanswered'),
    ])
    .where('handoffs.site_id', '=', siteId)
    .where('handoffs.requested_at', '>=', start)
    .where('handoffs.requested_at', '<', end)
    .groupBy(['handoffs.id', 'handoffs.requested_at', 'handoffs.state'])
    .execute();
  return rows.map((row) => ({
    ...row,
    acknowledgedAt: row.acknowledgedAt === null ? null : new Date(row.acknowledgedAt),
    arrivedAt: row.arrivedAt === null ? null : new Date(row.arrivedAt),
    byPhoneAt: row.byPhoneAt === null ? null : new Date(row.byPhoneAt),
  }));
}

/** The site's referrals accepted in [start, end): whether one of their hand-offs arrived, or ended by phone. */
export async function findAcceptedReferralHandoffs(
  tx: Tx,
  siteId: string,
  start: Date,
  end: Date,
): Promise<{ warm: boolean; byPhone: boolean }[]> {
  return tx
    .selectFrom('intake_deadlines')
    .leftJoin('handoffs', (join) =>
      join
        .onRef('handoffs.site_id', '=', 'intake_deadlines.site_id')
        .onRef('handoffs.referral_id', '=', 'intake_deadlines.referral_id'),
    )
    .select([
      sql<boolean>`coalesce(bool_or(handoffs.state = 'arrived'), false)`.as('warm'),
      sql<boolean>`coalesce(bool_or(handoffs.state = 'handed_off_by_phone'), false)`.as('byPhone'),
    ])
    .where('intake_deadlines.site_id', '=', siteId)
    .where('intake_deadlines.accepted_at', '>=', start)
    .where('intake_deadlines.accepted_at', '<', end)
    .groupBy('intake_deadlines.referral_id')
    .execute();
}

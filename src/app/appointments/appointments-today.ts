import { type DayAppointmentRow, findAppointmentsBetween } from '../../db/repositories/appointments.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { addDays, instantAt, localDateOf } from '../../domain/on-call/local-time.ts';

/**
 * The appointments of the site's calendar day containing `now` (in the site's time zone): the
 * caller's own participants (`mine`), or the whole site's.
 */
export async function appointmentsToday(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date },
  scope: 'mine' | 'site',
): Promise<DayAppointmentRow[]> {
  const site = await findSiteById(tx, context.siteId);
  const timeZone = site?.timezone ?? 'UTC';
  const today = localDateOf(context.now, timeZone);
  return findAppointmentsBetween(tx, {
    siteId: context.siteId,
    from: instantAt(today, 0, timeZone),
    to: instantAt(addDays(today, 1), 0, timeZone),
    caseManagerId: scope === 'mine' ? context.userId : undefined,
  });
}

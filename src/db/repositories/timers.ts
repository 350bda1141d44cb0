import type { Tx } from '../scope.ts';

/** A timer whose time has come, locked by the transaction that will fire it. */
export type DueTimer = {
  siteId: string;
  id: string;
  kind: string;
  subjectId: string;
  dueAt: Date;
  attempts: number;
  payload: unknown;
};

/**
 * Schedules `kind` for `subjectId` at `dueAt`, in the transaction of the event that starts it.
 * Idempotent: if that (kind, subject) was ever scheduled, keeps the existing one and answers false.
 */
export async function scheduleTimer(
  tx: Tx,
  timer: { siteId: string; kind: string; subjectId: string; dueAt: Date; payload?: unknown; at: Date },
): Promise<boolean> {
  const result = await tx
    .insertInto('timers')
    .values({
      site_id: timer.siteId,
      kind: timer.kind,
      subject_id: timer.subjectId,
      due_at: timer.dueAt,
      fired_at: null,
      claimed_until: null,
      last_error: null,
      payload: JSON.stringify(timer.payload ?? {}),
      created_at: timer.at,
    })
    .onConflict((conflict) => conflict.columns(['site_id', 'kind', 'subject_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Cancels a scheduled timer so it never fires; false if there was none still scheduled. */
export async function cancelTimer(
  tx: Tx,
  timer: { siteId: string; kind: string; subjectId: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('timers')
    .set({ state: 'cancelled', claimed_until: null })
    .where('site_id', '=', timer.siteId)
    .where('kind', '=', timer.kind)
    .where('subject_id', '=', timer.subjectId)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Locks the earliest due timer of the site that is not backing off. The lock holds until the
 * transaction ends, so the handler and the "fired" mark commit together or not at all, and a
 * second worker skips it.
 */
export async function claimDueTimer(tx: Tx, siteId: string, now: Date): Promise<DueTimer | undefined> {
  const row = await tx
    .selectFrom('timers')
    .select([
      'site_id as siteId',
      'id',
      'kind',
      'subject_id as subjectId',
      'due_at as dueAt',
      'attempts',
      'payload',
    ])
    .where('site_id', '=', siteId)
    .where('state', '=', 'scheduled')
    .where('due_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .orderBy('due_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row;
}

export async function markTimerFired(tx: Tx, timer: { siteId: string; id: string; at: Date }): Promise<void> {
  await tx
    .updateTable('timers')
    .set((eb) => ({
      state: 'fired',
      fired_at: timer.at,
      attempts: eb('attempts', '+', 1),
      claimed_until: null,
      last_error: null,
    }))
    .where('site_id', '=', timer.siteId)
    .where('id', '=', timer.id)
    .where('state', '=', 'scheduled')
    .execute();
}

/** Records a failed handler: still scheduled, not tried again before `retryAt`. */
export async function recordTimerFailure(
  tx: Tx,
  timer: { siteId: string; id: string; error: string; retryAt: Date },
): Promise<void> {
  await tx
    .updateTable('timers')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      claimed_until: timer.retryAt,
      last_error: timer.error,
    }))
    .where('site_id', '=', timer.siteId)
    .where('id', '=', timer.id)
    .where('state', '=', 'scheduled')
    .execute();
}

/**
 * Cancels every scheduled timer about `subjectId` whose kind starts with `kindPrefix` (an intake's
 * deadline and its reminders, 'intake_'), so none fires after what they waited for happened.
 */
export async function cancelTimersAbout(
  tx: Tx,
  timers: { siteId: string; subjectId: string; kindPrefix: string },
): Promise<number> {
  const result = await tx
    .updateTable('timers')
    .set({ state: 'cancelled', claimed_until: null })
    .where('site_id', '=', timers.siteId)
    .where('subject_id', '=', timers.subjectId)
    .where('kind', 'like', `${timers.kindPrefix.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

import { listSiteIds } from '../../db/repositories/sites.ts';
import {
  claimDueTimer,
  type DueTimer,
  markTimerFired,
  recordTimerFailure,
} from '../../db/repositories/timers.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { describeFailure, retryDelayMilliseconds } from '../../domain/outbox/retry.ts';
import type { AppDeps } from '../deps.ts';

/**
 * What a timer does when it fires, inside the timer's site transaction: its writes (a status
 * change, an outbox message, the next timer) commit together with the "fired" mark, or not at all.
 * It may answer a function to run once that transaction has committed (publishing live events).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: most handlers answer nothing; some answer an after-commit step
export type TimerHandler = (tx: Tx, timer: DueTimer, deps: AppDeps) => Promise<void | (() => void)>;
export type TimerHandlers = Readonly<Record<string, TimerHandler>>;

export type TimersRun = { fired: number; failed: number };

const MOST_PER_SITE = 100;

class HandlerFailed extends Error {
  constructor(
    readonly timer: DueTimer,
    readonly failure: unknown,
  ) {
    super('timer handler failed');
  }
}

/**
 * Fires the timers that are due, site by site, each once: the row stays locked from claim to commit,
 * so another worker skips it, and a crash rolls back both the handler's writes and the mark. A
 * handler that throws (or a kind with no handler) leaves the timer scheduled, tried again after a
 * back-off.
 */
export async function runTimersOnce(deps: AppDeps, handlers: TimerHandlers): Promise<TimersRun> {
  const run: TimersRun = { fired: 0, failed: 0 };
  for (const siteId of await listSiteIds(deps.db)) {
    for (let count = 0; count < MOST_PER_SITE; count += 1) {
      const outcome = await fireNextTimer(deps, handlers, siteId);
      if (outcome === 'none') break;
      run[outcome] += 1;
    }
  }
  return run;
}

async function fireNextTimer(
  deps: AppDeps,
  handlers: TimerHandlers,
  siteId: string,
): Promise<'fired' | 'failed' | 'none'> {
  try {
    const committed: { run?: (() => void) | undefined } = {};
    const outcome = await inScope(deps.db, { siteId, userId: null }, async (tx) => {
      const now = deps.clock();
      const timer = await claimDueTimer(tx, siteId, now);
      if (!timer) return 'none';
      const handler = handlers[timer.kind];
      try {
        if (!handler) throw new Error(`no handler for timer kind ${timer.kind}`);
        committed.run = (await handler(tx, timer, deps)) ?? undefined;
      } catch (failure) {
        throw new HandlerFailed(timer, failure);
      }
      await markTimerFired(tx, { siteId, id: timer.id, at: now });
      return 'fired';
    });
    committed.run?.();
    return outcome;
  } catch (error) {
    if (!(error instanceof HandlerFailed)) throw error;
    const retryAt = new Date(deps.clock().getTime() + retryDelayMilliseconds(error.timer.attempts + 1));
    await inScope(deps.db, { siteId, userId: null }, (tx) =>
      recordTimerFailure(tx, {
        siteId,
        id: error.timer.id,
        error: describeFailure(error.failure, []),
        retryAt,
      }),
    );
    return 'failed';
  }
}

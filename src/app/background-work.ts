import type { AppDeps } from './deps.ts';
import { newWorkerId, runOutboxOnce } from './outbox/outbox-worker.ts';
import type { Transports } from './outbox/transports/transport.ts';
import { runTimersOnce, type TimerHandlers } from './timers/timer-worker.ts';

export type BackgroundWork = { stop(): Promise<void> };

/**
 * Every `intervalMs`, fires due timers and then sends due messages (so a timer's message leaves in
 * the same round). The interval only decides how often to look: every due time is in the database,
 * so a restart loses nothing. `stop` waits for the round in progress.
 */
export function startBackgroundWork(
  deps: AppDeps,
  options: {
    intervalMs: number;
    transports: Transports;
    timerHandlers: TimerHandlers;
    onError: (error: unknown) => void;
  },
): BackgroundWork {
  const workerId = newWorkerId();
  let stopped = false;
  let wait: NodeJS.Timeout | undefined;

  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      try {
        options.onError(error);
      } catch {
        // A failing error reporter must not stop the loop.
      }
    }
  };
  const round = async () => {
    await attempt(() => runTimersOnce(deps, options.timerHandlers));
    if (!stopped) await attempt(() => runOutboxOnce(deps, options.transports, { workerId }));
  };
  const next = () => {
    if (stopped) return;
    wait = setTimeout(() => {
      current = round().finally(next);
    }, options.intervalMs);
    wait.unref();
  };
  let current: Promise<void> = round().finally(next);

  return {
    async stop() {
      stopped = true;
      clearTimeout(wait);
      await current;
    },
  };
}

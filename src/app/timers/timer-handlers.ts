import type { TimerHandlers } from './timer-worker.ts';

/** The handler for each timer kind the app schedules; features add theirs here. */
export function timerHandlers(): TimerHandlers {
  return {};
}

import { intakeDeadlineTimerHandler } from '../intake-deadlines/pass-intake-deadline.ts';
import { INTAKE_DEADLINE_TIMER } from '../intake-deadlines/start-intake-deadline.ts';
import type { TimerHandlers } from './timer-worker.ts';

/** The handler for each timer kind the app schedules; features add theirs here. */
export function timerHandlers(): TimerHandlers {
  return {
    [INTAKE_DEADLINE_TIMER]: intakeDeadlineTimerHandler,
  };
}

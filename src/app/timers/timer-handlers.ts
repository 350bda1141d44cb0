import { APPOINTMENT_REMINDER_TIMER } from '../../db/repositories/appointments.ts';
import { appointmentReminderTimerHandler } from '../appointments/appointment-reminders.ts';
import { handoffEscalationTimerHandler } from '../handoffs/escalate-handoff.ts';
import { HANDOFF_ESCALATION_TIMER } from '../handoffs/offer-handoff.ts';
import { intakeReminderTimerHandlers } from '../intake-deadlines/intake-reminders.ts';
import { intakeDeadlineTimerHandler } from '../intake-deadlines/pass-intake-deadline.ts';
import { INTAKE_DEADLINE_TIMER } from '../intake-deadlines/start-intake-deadline.ts';
import type { LiveEvents } from '../live-events.ts';
import type { TimerHandlers } from './timer-worker.ts';

/**
 * The handler for each timer kind the app schedules; features add theirs here. `live` is the
 * server's live-event broker, to tell people of what a timer changed (none: nobody hears live).
 */
export function timerHandlers(options: { live?: LiveEvents } = {}): TimerHandlers {
  return {
    [INTAKE_DEADLINE_TIMER]: intakeDeadlineTimerHandler,
    [HANDOFF_ESCALATION_TIMER]: handoffEscalationTimerHandler(options.live),
    ...intakeReminderTimerHandlers(),
    [APPOINTMENT_REMINDER_TIMER]: appointmentReminderTimerHandler,
  };
}

import { lockHandoff, recordHandoffStep } from '../../db/repositories/handoffs.ts';
import { findReferral } from '../../db/repositories/referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { awaitsAcknowledgement, type HandoffLevel, transition } from '../../domain/handoffs/handoff.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { LiveEvent, LiveEvents } from '../live-events.ts';
import type { TimerHandler } from '../timers/timer-worker.ts';
import { type EscalationTimerPayload, handoffLiveData, offerHandoff } from './offer-handoff.ts';

/**
 * No one acknowledged the offer at `level` in time: if the hand-off is still requested at that level,
 * it moves to the next level's on-call person (or, after the last level, to unanswered), audited
 * with no one as author. Anything else (answered, already escalated) is left alone. Answers the live
 * events to publish after commit.
 */
export async function escalateHandoff(
  tx: Tx,
  escalation: { siteId: string; handoffId: string; level: HandoffLevel; now: Date; appUrl: string },
): Promise<LiveEvent[]> {
  const { siteId, handoffId, level, now } = escalation;
  const handoff = await lockHandoff(tx, siteId, handoffId);
  if (!handoff || !awaitsAcknowledgement(handoff, level)) return [];
  const step = transition(handoff, { type: 'escalate' });
  await recordAudit(tx, {
    occurredAt: now,
    userId: null,
    role: null,
    siteId,
    action: step.to === 'unanswered' ? 'handoff.unanswered' : 'handoff.escalated',
    resourceType: 'handoff',
    resourceId: handoffId,
    outcome: 'success',
    requestId: null,
  });
  if (step.to === 'unanswered') {
    await recordHandoffStep(tx, {
      siteId,
      handoffId,
      event: 'escalate',
      from: step.from,
      to: step.to,
      level: step.level,
      userId: null,
      // The last one it was offered to may still answer late.
      responderUserId: handoff.responderUserId,
      etaMinutes: null,
      reason: null,
      at: now,
    });
    return [handoff.requestedBy, handoff.responderUserId]
      .filter((userId): userId is string => userId !== null)
      .map((userId) => ({
        siteId,
        userId,
        type: 'handoff.updated',
        data: handoffLiveData({
          id: handoffId,
          state: step.to,
          level: step.level,
          etaMinutes: null,
          at: now,
        }),
      }));
  }
  const referral = await findReferral(tx, siteId, handoff.referralId);
  return offerHandoff(tx, {
    siteId,
    handoffId,
    requestedBy: handoff.requestedBy,
    area: referral?.area ?? null,
    level: step.level,
    event: 'escalate',
    from: 'requested',
    previousResponder: handoff.responderUserId,
    appUrl: escalation.appUrl,
    now,
  });
}

/** The timer handler for 'handoff_escalation' timers; live events go out after the timer's commit. */
export function handoffEscalationTimerHandler(live: LiveEvents | undefined): TimerHandler {
  return async (tx, timer, deps) => {
    const payload = (
      typeof timer.payload === 'string' ? JSON.parse(timer.payload) : timer.payload
    ) as EscalationTimerPayload;
    const events = await escalateHandoff(tx, {
      siteId: timer.siteId,
      handoffId: payload.handoffId,
      level: payload.level,
      now: deps.clock(),
      appUrl: deps.config.publicUrl,
    });
    return () => live?.publish(events);
  };
}

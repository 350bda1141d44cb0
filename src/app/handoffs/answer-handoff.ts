import { type HandoffRecord, lockHandoff, recordHandoffStep } from '../../db/repositories/handoffs.ts';
import { cancelTimer } from '../../db/repositories/timers.ts';
import type { Tx } from '../../db/scope.ts';
import { mayAccessHandoff, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { type HandoffEvent, transition } from '../../domain/handoffs/handoff.ts';
import type { LiveEvent } from '../live-events.ts';
import { escalationTimerSubject, HANDOFF_ESCALATION_TIMER, handoffLiveData } from './offer-handoff.ts';

export type HandoffAnswer = Exclude<HandoffEvent, { type: 'escalate' }>;

/**
 * The responder (or a program manager) answers a hand-off: acknowledge with an estimated arrival,
 * en route, arrived, by phone, or unable. Whoever acknowledges becomes the responder, and the
 * pending escalation is cancelled. Answers the hand-off and the live events to publish after commit.
 */
export async function answerHandoff(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  handoffId: string,
  answer: HandoffAnswer,
): Promise<{ handoff: HandoffRecord; live: LiveEvent[] }> {
  const { siteId, principal, now } = context;
  const handoff = await lockHandoff(tx, siteId, handoffId);
  if (!handoff || !mayAccessHandoff(principal, handoff, 'view'))
    throw new DomainError('NOT_FOUND', 'Not found.');
  if (!mayAccessHandoff(principal, handoff, 'respond'))
    throw new DomainError(
      'NOT_THE_RESPONDER',
      'Only the person this hand-off is offered to, or a program manager, can answer it.',
    );
  const step = transition(handoff, answer);
  const responderUserId = answer.type === 'acknowledge' ? principal.userId : handoff.responderUserId;
  await recordHandoffStep(tx, {
    siteId,
    handoffId,
    event: step.event,
    from: step.from,
    to: step.to,
    level: step.level,
    userId: principal.userId,
    responderUserId,
    etaMinutes: step.etaMinutes,
    reason: step.reason,
    at: now,
  });
  if (step.from === 'requested')
    await cancelTimer(tx, {
      siteId,
      kind: HANDOFF_ESCALATION_TIMER,
      subjectId: escalationTimerSubject(handoffId, handoff.level),
    });
  const updated: HandoffRecord = {
    ...handoff,
    state: step.to,
    level: step.level,
    responderUserId,
    etaMinutes: step.etaMinutes ?? handoff.etaMinutes,
    updatedAt: now,
  };
  const listeners = new Set([handoff.requestedBy, handoff.responderUserId, responderUserId]);
  const live = [...listeners]
    .filter((userId): userId is string => userId !== null)
    .map((userId) => ({
      siteId,
      userId,
      type: 'handoff.updated',
      data: handoffLiveData({ ...updated, at: now }),
    }));
  return { handoff: updated, live };
}

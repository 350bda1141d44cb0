import { createHash } from 'node:crypto';
import { findHandoffAcknowledgeMinutes, recordHandoffStep } from '../../db/repositories/handoffs.ts';
import { scheduleTimer } from '../../db/repositories/timers.ts';
import type { Tx } from '../../db/scope.ts';
import {
  escalationDueAt,
  type HandoffLevel,
  type HandoffState,
  transition,
} from '../../domain/handoffs/handoff.ts';
import { whoIsOnCall } from '../../domain/on-call/roster.ts';
import type { LiveEvent } from '../live-events.ts';
import { loadSiteRoster } from '../on-call/site-roster.ts';
import { alertStaff } from '../outbox/alert-staff.ts';

export const HANDOFF_ESCALATION_TIMER = 'handoff_escalation';

export type EscalationTimerPayload = { handoffId: string; level: HandoffLevel };

/**
 * The escalation timer's subject for one hand-off at one level: a timer is scheduled once per
 * (kind, subject) and never replaced, so each level gets its own, derived as a stable UUID.
 */
export function escalationTimerSubject(handoffId: string, level: HandoffLevel): string {
  const hex = createHash('sha256').update(`handoff-escalation:${handoffId}:${level}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The live status of a hand-off as its listeners hear it: no names, nothing clinical. */
export function handoffLiveData(handoff: {
  id: string;
  state: HandoffState;
  level: HandoffLevel;
  etaMinutes: number | null;
  at: Date;
}): Record<string, unknown> {
  return {
    handoffId: handoff.id,
    state: handoff.state,
    level: handoff.level,
    etaMinutes: handoff.etaMinutes,
    at: handoff.at.toISOString(),
  };
}

/** What the responder reads by e-mail: where, and to open the app. Never who the hand-off is about. */
export function offerMessage(area: string | null, link: string): { subject: string; body: string } {
  const where = area?.trim() ? area.trim() : 'the officer’s location';
  return {
    subject: 'LEAD hand-off waiting',
    body: `A LEAD hand-off is waiting at ${where}, open the app: ${link}`,
  };
}

/** What the responder reads by SMS (a lock screen may show it): no place, no person, a link. */
export function offerSms(link: string): string {
  return `LEAD hand-off requested, open the app: ${link}`;
}

/** The hand-off's page in the web app. */
export function handoffLink(appUrl: string, handoffId: string): string {
  return `${appUrl}/handoffs/${handoffId}`;
}

type Offer = {
  siteId: string;
  handoffId: string;
  requestedBy: string;
  area: string | null;
  /** The level to offer at, and the step that brings the hand-off there. */
  level: HandoffLevel;
  event: 'request' | 'escalate';
  from: HandoffState | null;
  /** Who held the last offer, to tell them it moved on. */
  previousResponder: string | null;
  /** The app's address, for the link in the messages. */
  appUrl: string;
  now: Date;
};

/**
 * Offers a requested hand-off at `level` to whoever is on call there now, recording the step; with
 * no one on call there it escalates at once, level by level (each step recorded), and after the
 * last level it is unanswered. The responder's e-mail (and SMS, if they turned it on) and the
 * escalation timer are written in the caller's transaction; the live events to publish after the
 * commit are returned.
 */
export async function offerHandoff(tx: Tx, offer: Offer): Promise<LiveEvent[]> {
  const { siteId, handoffId, requestedBy, now } = offer;
  const roster = await loadSiteRoster(tx, siteId, now);
  const onCall = whoIsOnCall(roster, roster.timezone, now);
  let level = offer.level;
  let event = offer.event;
  let from = offer.from;
  const updated = (state: HandoffState, at: HandoffLevel, userIds: (string | null)[]) =>
    [...new Set([requestedBy, ...userIds].filter((userId): userId is string => userId !== null))].map(
      (userId) => ({
        siteId,
        userId,
        type: 'handoff.updated',
        data: handoffLiveData({ id: handoffId, state, level: at, etaMinutes: null, at: now }),
      }),
    );
  for (;;) {
    const responder = onCall.find((entry) => entry.level === level)?.userId ?? null;
    await recordHandoffStep(tx, {
      siteId,
      handoffId,
      event,
      from,
      to: 'requested',
      level,
      userId: responder,
      responderUserId: responder,
      etaMinutes: null,
      reason: null,
      at: now,
    });
    if (responder !== null) {
      const link = handoffLink(offer.appUrl, handoffId);
      await alertStaff(tx, {
        siteId,
        userId: responder,
        purpose: 'handoff.offered',
        email: offerMessage(offer.area, link),
        sms: offerSms(link),
        at: now,
      });
      const minutes = await findHandoffAcknowledgeMinutes(tx, siteId);
      await scheduleTimer(tx, {
        siteId,
        kind: HANDOFF_ESCALATION_TIMER,
        subjectId: escalationTimerSubject(handoffId, level),
        dueAt: escalationDueAt(now, minutes),
        payload: { handoffId, level } satisfies EscalationTimerPayload,
        at: now,
      });
      return [
        {
          siteId,
          userId: responder,
          type: 'handoff.offered',
          data: handoffLiveData({ id: handoffId, state: 'requested', level, etaMinutes: null, at: now }),
        },
        ...updated('requested', level, [offer.previousResponder]).filter((live) => live.userId !== responder),
      ];
    }
    const step = transition({ state: 'requested', level }, { type: 'escalate' });
    if (step.to === 'unanswered') {
      await recordHandoffStep(tx, {
        siteId,
        handoffId,
        event: 'escalate',
        from: 'requested',
        to: 'unanswered',
        level,
        userId: null,
        responderUserId: null,
        etaMinutes: null,
        reason: null,
        at: now,
      });
      return updated('unanswered', level, [offer.previousResponder]);
    }
    level = step.level;
    event = 'escalate';
    from = 'requested';
  }
}

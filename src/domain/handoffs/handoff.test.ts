import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { awaitsAcknowledgement, escalationDueAt, type HandoffEvent, isOpen, transition } from './handoff.ts';

const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
  return 'none';
};

describe('the hand-off transition', () => {
  it('runs requested → acknowledged (with an ETA) → en route → arrived', () => {
    const acknowledged = transition(
      { state: 'requested', level: 1 },
      { type: 'acknowledge', etaMinutes: 12 },
    );
    expect(acknowledged).toEqual({
      event: 'acknowledge',
      from: 'requested',
      to: 'acknowledged',
      level: 1,
      etaMinutes: 12,
      reason: null,
    });
    const enRoute = transition({ state: 'acknowledged', level: 1 }, { type: 'en_route' });
    expect(enRoute.to).toBe('en_route');
    expect(transition({ state: 'en_route', level: 1 }, { type: 'arrived' }).to).toBe('arrived');
  });

  it('ends by phone or as unable with a reason', () => {
    expect(transition({ state: 'acknowledged', level: 2 }, { type: 'by_phone' })).toMatchObject({
      to: 'handed_off_by_phone',
      level: 2,
    });
    expect(
      transition({ state: 'en_route', level: 1 }, { type: 'unable', reason: '  Called to a crisis  ' }),
    ).toMatchObject({ to: 'unable', reason: 'Called to a crisis' });
    expect(code(() => transition({ state: 'acknowledged', level: 1 }, { type: 'unable', reason: ' ' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('escalates while requested: 1 → 2 → 3, then unanswered', () => {
    expect(transition({ state: 'requested', level: 1 }, { type: 'escalate' })).toMatchObject({
      from: 'requested',
      to: 'requested',
      level: 2,
    });
    expect(transition({ state: 'requested', level: 2 }, { type: 'escalate' }).level).toBe(3);
    expect(transition({ state: 'requested', level: 3 }, { type: 'escalate' })).toMatchObject({
      to: 'unanswered',
      level: 3,
    });
  });

  it('lets an unanswered hand-off still be acknowledged late', () => {
    expect(transition({ state: 'unanswered', level: 3 }, { type: 'acknowledge', etaMinutes: 30 }).to).toBe(
      'acknowledged',
    );
  });

  it('refuses illegal changes with INVALID_TRANSITION', () => {
    const illegal: [Parameters<typeof transition>[0]['state'], HandoffEvent][] = [
      ['acknowledged', { type: 'escalate' }],
      ['unanswered', { type: 'escalate' }],
      ['requested', { type: 'en_route' }],
      ['requested', { type: 'arrived' }],
      ['requested', { type: 'by_phone' }],
      ['acknowledged', { type: 'acknowledge', etaMinutes: 5 }],
      ['arrived', { type: 'unable', reason: 'late' }],
      ['handed_off_by_phone', { type: 'arrived' }],
      ['unable', { type: 'acknowledge', etaMinutes: 5 }],
      ['en_route', { type: 'en_route' }],
    ];
    for (const [state, event] of illegal)
      expect(
        code(() => transition({ state, level: 1 }, event)),
        `${state} + ${event.type}`,
      ).toBe('INVALID_TRANSITION');
  });

  it('checks the estimated arrival', () => {
    for (const etaMinutes of [-1, 1.5, 601])
      expect(
        code(() => transition({ state: 'requested', level: 1 }, { type: 'acknowledge', etaMinutes })),
      ).toBe('VALIDATION_FAILED');
  });

  it('knows when an escalation timer still applies, and when it is due', () => {
    expect(awaitsAcknowledgement({ state: 'requested', level: 1 }, 1)).toBe(true);
    expect(awaitsAcknowledgement({ state: 'requested', level: 2 }, 1)).toBe(false);
    expect(awaitsAcknowledgement({ state: 'acknowledged', level: 1 }, 1)).toBe(false);
    expect(escalationDueAt(new Date('2026-05-01T06:00:00Z'), 5)).toEqual(new Date('2026-05-01T06:05:00Z'));
    expect(isOpen('unanswered')).toBe(true);
    expect(isOpen('arrived')).toBe(false);
  });
});

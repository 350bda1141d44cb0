import { describe, expect, it } from 'vitest';
import { lockoutWindowStart, shouldLock } from './lockout.ts';
import { SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS, sessionStanding } from './session-rules.ts';

const start = new Date('2026-05-01T00:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('sessionStanding', () => {
  it('is active one millisecond before the idle timeout, and idle at it', () => {
    const session = { createdAt: start, lastSeenAt: start, endedAt: null };
    expect(sessionStanding(session, at(SESSION_IDLE_TIMEOUT_MS - 1))).toBe('active');
    expect(sessionStanding(session, at(SESSION_IDLE_TIMEOUT_MS))).toBe('idle_timeout');
  });

  it('ends at 12 hours even when just used', () => {
    const session = { createdAt: start, lastSeenAt: at(SESSION_ABSOLUTE_TIMEOUT_MS - 1000), endedAt: null };
    expect(sessionStanding(session, at(SESSION_ABSOLUTE_TIMEOUT_MS - 1))).toBe('active');
    expect(sessionStanding(session, at(SESSION_ABSOLUTE_TIMEOUT_MS))).toBe('absolute_timeout');
  });

  it('stays ended once signed out', () => {
    expect(sessionStanding({ createdAt: start, lastSeenAt: start, endedAt: start }, start)).toBe('ended');
  });
});

describe('lockout', () => {
  it('locks at the fifth failure, not the fourth', () => {
    expect(shouldLock(4)).toBe(false);
    expect(shouldLock(5)).toBe(true);
  });

  it('counts failures over the last 15 minutes', () => {
    expect(lockoutWindowStart(at(15 * 60 * 1000))).toEqual(start);
  });
});

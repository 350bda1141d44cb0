/** Sessions end after 30 idle minutes, and after 12 hours whatever happens. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

export type SessionStanding = 'active' | 'ended' | 'idle_timeout' | 'absolute_timeout';

/** Whether a session may still be used at `now`. */
export function sessionStanding(session: SessionTimes, now: Date): SessionStanding {
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= SESSION_ABSOLUTE_TIMEOUT_MS) return 'absolute_timeout';
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS) return 'idle_timeout';
  return 'active';
}

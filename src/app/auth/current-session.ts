import { findMembershipsOfUserAlone } from '../../db/repositories/memberships.ts';
import { endSession, findSessionWithUser, touchSession } from '../../db/repositories/sessions.ts';
import type { MfaState } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { sessionStanding } from '../../domain/auth/session-rules.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppDeps } from '../deps.ts';
import { sha256Hex } from './secrets.ts';

export type CurrentSession = {
  tokenHash: string;
  csrfToken: string;
  mfaState: MfaState;
  user: { id: string; email: string; displayName: string; mfaEnabled: boolean };
  memberships: { siteId: string; role: Role }[];
};

// Writing last_seen_at on every request would make every read a write; a minute's slack on a
// 30-minute idle timeout is the price.
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Resolves a session cookie to the signed-in user, ending the session if it has timed out. */
export async function currentSession(deps: AppDeps, token: string): Promise<CurrentSession> {
  const now = deps.clock();
  const tokenHash = sha256Hex(token);
  // The account comes with the session (one round trip); it is looked at only if the session is active.
  const found = await findSessionWithUser(deps.db, tokenHash);
  if (!found) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
  const { session, user } = found;
  const standing = sessionStanding(session, now);
  if (standing !== 'active') {
    if (standing !== 'ended') await endSession(deps.db, tokenHash, now);
    throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  }
  if (!user || user.lockedAt)
    throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)
    await touchSession(deps.db, tokenHash, now);
  const memberships = await findMembershipsOfUserAlone(deps.db, user.id);
  return {
    tokenHash,
    csrfToken: session.csrfToken,
    mfaState: session.mfaState,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      mfaEnabled: user.mfaEnabledAt !== null,
    },
    memberships: memberships.map(({ siteId, role }) => ({ siteId, role })),
  };
}

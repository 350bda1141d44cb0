import { findMembershipsOfUser } from '../../db/repositories/memberships.ts';
import { insertSession } from '../../db/repositories/sessions.ts';
import {
  clearLoginFailures,
  countLoginFailuresSince,
  findUserByEmail,
  lockUser,
  recordLoginFailure,
} from '../../db/repositories/users.ts';
import type { MfaState } from '../../db/schema.ts';
import { inScope } from '../../db/scope.ts';
import { requiresMfa } from '../../domain/access/roles.ts';
import { lockoutWindowStart, shouldLock } from '../../domain/auth/lockout.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppDeps } from '../deps.ts';
import { randomToken, sha256Hex, verifyAgainstDecoy, verifyPassword } from './secrets.ts';

export type NewSession = { token: string; csrfToken: string; mfaState: MfaState; userId: string };

type Attempt =
  | { ok: true; session: NewSession }
  | { ok: false; code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' };

const INVALID = 'The e-mail address or password is not right.';
const LOCKED = 'This account is locked after too many failed attempts. Ask an administrator to unlock it.';

/**
 * Checks a password and opens a session. Failures are recorded (and committed) before the error
 * is raised; the fifth within 15 minutes locks the account until an admin unlocks it.
 */
export async function logIn(
  deps: AppDeps,
  input: { email: string; password: string; requestId: string },
): Promise<NewSession> {
  const now = deps.clock();
  const user = await findUserByEmail(deps.db, input.email);
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password).then(() => false);
  const audit = {
    occurredAt: now,
    role: null,
    siteId: null,
    resourceType: 'user',
    requestId: input.requestId,
  } as const;

  const attempt = await inScope(
    deps.db,
    { siteId: null, userId: user?.id ?? null },
    async (tx): Promise<Attempt> => {
      if (!user) {
        await recordAudit(tx, {
          ...audit,
          userId: null,
          resourceId: null,
          action: 'auth.login',
          outcome: 'failure',
        });
        return { ok: false, code: 'INVALID_CREDENTIALS' };
      }
      const entry = { ...audit, userId: user.id, resourceId: user.id };
      if (user.lockedAt) {
        await recordAudit(tx, { ...entry, action: 'auth.login', outcome: 'denied' });
        return { ok: false, code: 'ACCOUNT_LOCKED' };
      }
      if (!passwordMatches) {
        await recordLoginFailure(tx, user.id, now);
        await recordAudit(tx, { ...entry, action: 'auth.login', outcome: 'failure' });
        if (shouldLock(await countLoginFailuresSince(tx, user.id, lockoutWindowStart(now)))) {
          await lockUser(tx, user.id, now);
          await recordAudit(tx, { ...entry, action: 'auth.lockout', outcome: 'success' });
        }
        return { ok: false, code: 'INVALID_CREDENTIALS' };
      }
      await clearLoginFailures(tx, user.id);
      const roles = (await findMembershipsOfUser(tx, user.id)).map((membership) => membership.role);
      const mfaState: MfaState = user.mfaEnabledAt
        ? 'pending'
        : deps.config.requireMfa && requiresMfa(roles)
          ? 'enrolment_required'
          : 'not_required';
      const session: NewSession = {
        token: randomToken(),
        csrfToken: randomToken(),
        mfaState,
        userId: user.id,
      };
      await insertSession(tx, {
        tokenHash: sha256Hex(session.token),
        userId: user.id,
        csrfToken: session.csrfToken,
        mfaState,
        createdAt: now,
        lastSeenAt: now,
      });
      await recordAudit(tx, { ...entry, action: 'auth.login', outcome: 'success' });
      return { ok: true, session };
    },
  );

  if (attempt.ok) return attempt.session;
  throw new DomainError(attempt.code, attempt.code === 'ACCOUNT_LOCKED' ? LOCKED : INVALID);
}

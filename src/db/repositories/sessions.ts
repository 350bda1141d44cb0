import type { Db } from '../database.ts';
import type { MfaState } from '../schema.ts';
import type { Tx } from '../scope.ts';

type Executor = Db | Tx;

export type SessionRow = {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  mfaState: MfaState;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
};

export async function insertSession(db: Executor, session: Omit<SessionRow, 'endedAt'>): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      mfa_state: session.mfaState,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      ended_at: null,
    })
    .execute();
}

export function findSession(db: Executor, tokenHash: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .select([
      'token_hash as tokenHash',
      'user_id as userId',
      'csrf_token as csrfToken',
      'mfa_state as mfaState',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'ended_at as endedAt',
    ])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A session with the account it belongs to (undefined if the account is gone), in one query. */
export async function findSessionWithUser(
  db: Executor,
  tokenHash: string,
): Promise<{ session: SessionRow; user: SessionUser | undefined } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .leftJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.token_hash as tokenHash',
      'sessions.user_id as userId',
      'sessions.csrf_token as csrfToken',
      'sessions.mfa_state as mfaState',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.ended_at as endedAt',
      'users.id as accountId',
      'users.email',
      'users.display_name as displayName',
      'users.locked_at as lockedAt',
      'users.mfa_enabled_at as mfaEnabledAt',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { accountId, email, displayName, lockedAt, mfaEnabledAt, ...session } = row;
  const user =
    accountId === null || email === null || displayName === null
      ? undefined
      : { id: accountId, email, displayName, lockedAt, mfaEnabledAt };
  return { session, user };
}

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  lockedAt: Date | null;
  mfaEnabledAt: Date | null;
};

export async function touchSession(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function setSessionMfaState(db: Executor, tokenHash: string, mfaState: MfaState): Promise<void> {
  await db.updateTable('sessions').set({ mfa_state: mfaState }).where('token_hash', '=', tokenHash).execute();
}

export async function endSession(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

export async function endSessionsOfUser(db: Executor, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}
